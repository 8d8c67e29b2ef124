package corpus

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// WordPress exports: the JSON of the REST API's posts endpoint
// (/wp-json/wp/v2/posts, optionally with ?_embed for the authors) and the
// WXR file of Tools > Export. Each post is an article; its body is the
// post's HTML content, cleaned like a page (see cleanPage).

// restPost is the part of a REST API post that an article needs.
type restPost struct {
	ID       int                       `json:"id"`
	Date     string                    `json:"date"`
	Slug     string                    `json:"slug"`
	Status   string                    `json:"status"`
	Type     string                    `json:"type"`
	Link     string                    `json:"link"`
	Title    struct{ Rendered string } `json:"title"`
	Content  struct{ Rendered string } `json:"content"`
	Embedded struct {
		Author []struct {
			Name string `json:"name"`
		} `json:"author"`
	} `json:"_embedded"`
	Yoast struct {
		Author string `json:"author"`
	} `json:"yoast_head_json"`
}

// isRESTDump reports whether JSON is a list of posts (or one post) of the
// WordPress REST API: objects with a rendered title and content.
func isRESTDump(src []byte) bool {
	var probe []struct {
		Title   *struct{ Rendered *string } `json:"title"`
		Content *struct{ Rendered *string } `json:"content"`
	}
	src = bytes.TrimSpace(src)
	if len(src) > 0 && src[0] == '{' {
		src = append(append([]byte("["), src...), ']')
	}
	if json.Unmarshal(src, &probe) != nil || len(probe) == 0 {
		return false
	}
	p := probe[0]
	return p.Title != nil && p.Title.Rendered != nil && p.Content != nil && p.Content.Rendered != nil
}

func fromREST(src []byte, meta ImportMeta) ([]Imported, error) {
	src = bytes.TrimSpace(src)
	if src[0] == '{' {
		src = append(append([]byte("["), src...), ']')
	}
	var posts []restPost
	if err := json.Unmarshal(src, &posts); err != nil {
		return nil, fmt.Errorf("read WordPress REST dump: %w", err)
	}
	var wp []wpPost
	for _, p := range posts {
		if p.Status != "" && p.Status != "publish" || p.Type != "" && p.Type != "post" && p.Type != "page" {
			continue
		}
		post := wpPost{
			ref: fmt.Sprintf("post %d", p.ID), title: p.Title.Rendered, content: p.Content.Rendered,
			link: p.Link, date: p.Date,
		}
		for _, a := range p.Embedded.Author {
			post.authors = appendAuthors(post.authors, a.Name)
		}
		if len(post.authors) == 0 {
			post.authors = appendAuthors(nil, p.Yoast.Author)
		}
		wp = append(wp, post)
	}
	return importPosts(wp, meta)
}

// wxr is the part of a WXR export an article needs.
type wxr struct {
	Channel struct {
		Authors []struct {
			Login   string `xml:"http://wordpress.org/export/1.2/ author_login"`
			Display string `xml:"http://wordpress.org/export/1.2/ author_display_name"`
		} `xml:"http://wordpress.org/export/1.2/ author"`
		Items []struct {
			Title    string `xml:"title"`
			Link     string `xml:"link"`
			Creator  string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Content  string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			PostID   int    `xml:"http://wordpress.org/export/1.2/ post_id"`
			PostDate string `xml:"http://wordpress.org/export/1.2/ post_date"`
			Status   string `xml:"http://wordpress.org/export/1.2/ status"`
			PostType string `xml:"http://wordpress.org/export/1.2/ post_type"`
		} `xml:"item"`
	} `xml:"channel"`
}

// wxrVersionRE finds the WXR namespace's version: exports since WordPress
// 3.1 say 1.1 or 1.2; the fields are the same.
var wxrVersionRE = regexp.MustCompile(`http://wordpress\.org/export/1\.[0-9]/`)

func fromWXR(src []byte, meta ImportMeta) ([]Imported, error) {
	src = wxrVersionRE.ReplaceAll(src, []byte("http://wordpress.org/export/1.2/"))
	var x wxr
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = false
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("read WordPress WXR export: %w", err)
	}
	names := map[string]string{}
	for _, a := range x.Channel.Authors {
		names[a.Login] = a.Display
	}
	var wp []wpPost
	for _, it := range x.Channel.Items {
		if it.PostType != "post" && it.PostType != "page" || it.Status != "" && it.Status != "publish" {
			continue // attachments, menu items, drafts
		}
		author := names[it.Creator]
		if author == "" {
			author = it.Creator
		}
		wp = append(wp, wpPost{
			ref: fmt.Sprintf("post %d", it.PostID), title: it.Title, content: autoParagraphs(it.Content),
			link: it.Link, date: it.PostDate, authors: appendAuthors(nil, author),
		})
	}
	return importPosts(wp, meta)
}

// wpPost is a post from either export.
type wpPost struct {
	ref, title, content, link, date string
	authors                         []string
}

// importPosts turns posts into articles. A post whose title and address
// name no part of a series is not an article of it: it is skipped, with
// the reason in the error, unless meta gives the part. An error for one
// post does not stop the others.
func importPosts(posts []wpPost, meta ImportMeta) ([]Imported, error) {
	if len(posts) == 0 {
		return nil, fmt.Errorf("the export holds no published posts")
	}
	if meta.Part > 0 && len(posts) > 1 {
		return nil, fmt.Errorf("--part applies to one article, and the export holds %d posts", len(posts))
	}
	var out []Imported
	var errs []error
	for _, p := range posts {
		title := strings.Join(strings.Fields(html.UnescapeString(stripTags(p.title))), " ")
		pm := ImportMeta{SourceURL: p.link, Published: dateOf(p.date), Authors: p.authors}
		pm.Series, pm.Part, pm.Parts = seriesOf(title, p.link)
		m := mergeMeta(pm, meta)
		if meta.Title != "" {
			title = meta.Title
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader("<html><body><article>" + p.content + "</article></body></html>"))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %q: %w", p.ref, title, err))
			continue
		}
		cleanPage(doc.Selection)
		im, err := assemble(title, m, htmlBlocks(doc.Find("article").Nodes[0]), pageLinks(doc, nil))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %q: %w", p.ref, title, err))
			continue
		}
		out = append(out, im)
	}
	return out, errors.Join(errs...)
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string { return tagRE.ReplaceAllString(s, "") }

// blockStartRE is HTML that starts a block of its own.
var blockStartRE = regexp.MustCompile(`(?i)^<(p|h[1-6]|ul|ol|li|blockquote|div|figure|table|pre|hr|section|aside|!--)[\s>/]`)

// autoParagraphs does what WordPress does when it shows a post written in
// the classic editor: text separated by blank lines becomes paragraphs
// (WXR exports keep the content as written, without <p>).
func autoParagraphs(content string) string {
	if strings.Contains(strings.ToLower(content), "<p") {
		return content
	}
	var b strings.Builder
	for _, chunk := range regexp.MustCompile(`\r?\n\s*\r?\n`).Split(content, -1) {
		chunk = strings.TrimSpace(chunk)
		if chunk == "" {
			continue
		}
		if blockStartRE.MatchString(chunk) {
			b.WriteString(chunk)
		} else {
			b.WriteString("<p>" + strings.ReplaceAll(chunk, "\n", "<br>\n") + "</p>")
		}
		b.WriteString("\n")
	}
	return b.String()
}
