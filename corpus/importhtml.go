package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	nurl "net/url"
	"regexp"
	"strconv"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// FromHTML turns a web page into a corpus article. The readability library
// finds the article's body; what sites put around and inside it (see
// cleanPage) is removed before and after; headings, paragraphs, list
// items, block quotes and emphasis become Markdown, every character of the
// text kept as published. The front matter comes from the page (see
// pageMeta); a field of meta that is set wins over the page.
func FromHTML(src []byte, pageURL string, meta ImportMeta) (Imported, error) {
	doc, err := parseHTML(src)
	if err != nil {
		return Imported{}, err
	}
	base, _ := nurl.Parse(pageURL)
	pm := pageMeta(doc, base)
	links := pageLinks(doc, base)
	merged := mergeMeta(pm.ImportMeta, meta)
	title := meta.Title
	if title == "" {
		title = pm.Title
	}
	if title == "" {
		return Imported{}, fmt.Errorf("the page has no title (no og:title, h1 or title element): give --title")
	}

	cleanPage(doc.Selection)
	body := articleNode(doc, base)
	blocks := htmlBlocks(body)
	return assemble(title, merged, blocks, links)
}

// parseHTML reads a page in the encoding it declares (UTF-8 when it
// declares none).
func parseHTML(src []byte) (*goquery.Document, error) {
	var r io.Reader = bytes.NewReader(src)
	// A page that declares no charset and is valid UTF-8 reads as UTF-8.
	if enc, name, _ := charset.DetermineEncoding(src[:min(len(src), 1024)], "text/html"); name != "utf-8" {
		r = enc.NewDecoder().Reader(r)
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("read HTML: %w", err)
	}
	return doc, nil
}

// articleNode returns the node that holds the article's body: what the
// readability library finds, unless it found much less text than the page's
// own article or main element (it sometimes drops a section it judges
// thin), or nothing.
func articleNode(doc *goquery.Document, base *nurl.URL) *html.Node {
	own := doc.Find("article, main, [role=main], .entry-content, .post-content, .article-body").First()
	parser := readability.NewParser()
	parser.CharThresholds = 200
	art, err := parser.ParseDocument(doc.Nodes[0], base)
	if err == nil && art.Node != nil {
		found := len(nodeText(art.Node))
		if own.Length() == 0 || found*10 >= len(strings.Join(strings.Fields(own.Text()), " "))*8 {
			// Readability's own clean-up leaves class names out; the same
			// rules run again on what it kept.
			sel := goquery.NewDocumentFromNode(art.Node).Selection
			cleanPage(sel)
			return art.Node
		}
	}
	if own.Length() > 0 {
		return own.Nodes[0]
	}
	return doc.Find("body").Nodes[0]
}

// assemble writes the front matter and the blocks of an imported article
// and checks the result with ParseArticle.
func assemble(title string, meta ImportMeta, blocks []mdBlock, links []PageLink) (Imported, error) {
	blocks = dropTitleHeading(blocks, title)
	blocks = dropPullQuotes(blocks)
	if len(blocks) == 0 {
		return Imported{}, fmt.Errorf("%s: no article text found", title)
	}
	if meta.Slug == "" {
		meta.Slug = Slug(title)
	}
	if meta.Slug == "" {
		// A title of punctuation only ("#") gives no slug to name the file.
		return Imported{}, fmt.Errorf("%q: the title gives no slug; give one with --slug", title)
	}
	var b strings.Builder
	if err := writeFrontMatter(&b, title, meta); err != nil {
		return Imported{}, fmt.Errorf("%s: %w", title, err)
	}
	renderBlocks(&b, normalizeLevels(blocks))
	md := withImportHash(b.String())
	a, ps := ParseArticle(ArticlesDir+"/"+FileName(meta.Part, meta.Slug), []byte(md))
	return Imported{Markdown: md, Article: a, Problems: ps, Links: links}, nil
}

// FileName is the name of an article's file in the corpus: its part, two
// digits, and its slug.
func FileName(part int, slug string) string { return fmt.Sprintf("%02d-%s.md", part, slug) }

// dropTitleHeading drops a heading that repeats the title.
func dropTitleHeading(blocks []mdBlock, title string) []mdBlock {
	key := pullKey(title)
	out := blocks[:0:0]
	for _, b := range blocks {
		if b.kind == mdHeading && (pullKey(b.text) == key || b.level == 1 && strings.Contains(key, pullKey(b.text))) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// normalizeLevels makes the body's top heading level ## (the title is the
// one # of an article), keeping the steps between the levels.
func normalizeLevels(blocks []mdBlock) []mdBlock {
	top := 0
	for _, b := range blocks {
		if b.kind == mdHeading && (top == 0 || b.level < top) {
			top = b.level
		}
	}
	if top == 0 {
		return blocks
	}
	for i := range blocks {
		if blocks[i].kind == mdHeading {
			blocks[i].level = min(6, blocks[i].level-top+2)
		}
	}
	return blocks
}

// pageInfo is what a page says about its article.
type pageInfo struct {
	ImportMeta
	Title    string
	SiteName string
}

// pageMeta reads the article's metadata from a page: the title (og:title
// or the h1, without the site's name), the canonical address, the date of
// publication, the authors, and the series and part where the title or
// the address says so. Nothing is guessed: what the page does not say
// stays empty.
func pageMeta(doc *goquery.Document, base *nurl.URL) pageInfo {
	var pm pageInfo
	ld := jsonLD(doc)
	pm.SiteName = metaContent(doc, "og:site_name", "application-name")
	if pm.SiteName == "" {
		pm.SiteName = ld.publisher
	}
	pm.Title = pageTitle(doc, ld, pm.SiteName)
	pm.SourceURL = pageSourceURL(doc, base)
	pm.Published = pagePublished(doc, ld)
	pm.Authors = pageAuthors(doc, ld)
	pm.Series, pm.Part, pm.Parts = seriesOf(pm.Title, pm.SourceURL)
	return pm
}

// metaContent returns the content of the first of the page's meta
// elements named by keys (as property, name or itemprop) that has one.
func metaContent(doc *goquery.Document, keys ...string) string {
	for _, k := range keys {
		sel := fmt.Sprintf(`meta[property=%q], meta[name=%q], meta[itemprop=%q]`, k, k, k)
		if v := strings.TrimSpace(doc.Find(sel).First().AttrOr("content", "")); v != "" {
			return v
		}
	}
	return ""
}

// pageTitle returns the article's title: og:title, the h1, JSON-LD's
// headline or the title element, without the site's name.
func pageTitle(doc *goquery.Document, ld ldInfo, site string) string {
	if og := metaContent(doc, "og:title", "twitter:title"); og != "" {
		return stripSiteName(og, site)
	}
	if h1 := strings.Join(strings.Fields(doc.Find("article h1, main h1, h1").First().Text()), " "); h1 != "" {
		return h1
	}
	if ld.headline != "" {
		return ld.headline
	}
	return stripSiteName(strings.Join(strings.Fields(beforeMarkup(doc.Find("title").First().Text())), " "), site)
}

// pageSourceURL returns the page's canonical http(s) address, or "". A
// relative canonical address resolves against the page's address, or, for
// a saved page, against its og:url.
func pageSourceURL(doc *goquery.Document, base *nurl.URL) string {
	ogURL := metaContent(doc, "og:url")
	if base == nil || base.Scheme == "" {
		base, _ = nurl.Parse(ogURL)
	}
	canonical := doc.Find(`link[rel=canonical]`).First().AttrOr("href", "")
	if canonical == "" {
		canonical = ogURL
	}
	if canonical == "" && base != nil {
		canonical = base.String()
	}
	u := absURL(base, canonical)
	if !isHTTPAddress(u) {
		return ""
	}
	return u
}

// pagePublished returns the date of publication: from the meta elements,
// JSON-LD, or the first time[datetime] of the article itself (not of a
// comment, a sidebar or related articles).
func pagePublished(doc *goquery.Document, ld ldInfo) string {
	if d := dateOf(metaContent(doc, "article:published_time", "datePublished", "date", "dcterms.date", "DC.date.issued")); d != "" {
		return d
	}
	if d := dateOf(ld.published); d != "" {
		return d
	}
	var d string
	doc.Find("time[datetime]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Closest("aside, footer, nav, [class*=comment], [id*=comment], [class*=related], [class*=sidebar], [class*=widget]").Length() > 0 {
			return true
		}
		d = dateOf(s.AttrOr("datetime", ""))
		return d == ""
	})
	return d
}

// pageAuthors returns the authors: from JSON-LD, the author meta elements,
// or the byline's markup.
func pageAuthors(doc *goquery.Document, ld ldInfo) []string {
	authors := ld.authors
	if len(authors) == 0 {
		doc.Find(`meta[name=author], meta[property="article:author"]`).Each(func(_ int, s *goquery.Selection) {
			authors = appendAuthors(authors, s.AttrOr("content", ""))
		})
	}
	if len(authors) == 0 {
		doc.Find(`a[rel~=author], .author .fn, .byline .author, [itemprop=author] [itemprop=name], .author-name`).Each(func(_ int, s *goquery.Selection) {
			authors = appendAuthors(authors, s.Text())
		})
	}
	return authors
}

// beforeMarkup cuts a title element's text where markup begins. A title
// holds text only, so the browser reads everything up to </title> as its
// text: on a page whose </title> is missing or broken that is the rest of
// the page, tags and scripts included, none of which is the title.
func beforeMarkup(s string) string {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c == '/' || c == '!' || c == '?' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
			return s[:i]
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return s
}

// stripSiteName removes the site's name from a title: "Titel | Site",
// "Titel - Site", "Titel – Site". Without a known site name only a part
// after " | " goes.
func stripSiteName(title, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := strings.TrimSpace(title[i+len(sep):])
		if site != "" && FoldName(tail) == FoldName(site) || site == "" && sep == " | " {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

var dateRE10 = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})([T ]|$)`)

// dateOf returns the YYYY-MM-DD of an ISO 8601 date or time, as written
// (the local date of the publisher), or "".
func dateOf(s string) string {
	if m := dateRE10.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return m[1]
	}
	return ""
}

func appendAuthors(list []string, s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || strings.Contains(s, "://") || strings.HasPrefix(s, "@") {
		return list
	}
	for _, a := range list {
		if FoldName(a) == FoldName(s) {
			return list
		}
	}
	return append(list, s)
}

// ldInfo is what a page's JSON-LD says about its article.
type ldInfo struct {
	headline, published, publisher string
	authors                        []string
}

var ldArticleTypeRE = regexp.MustCompile(`(?i)^(Article|NewsArticle|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|TechArticle|WebPage|ReportArticle)$`)

// jsonLD reads the first article object of the page's JSON-LD scripts,
// also inside an @graph.
func jsonLD(doc *goquery.Document) ldInfo {
	var info ldInfo
	var visit func(v any) bool
	visit = func(v any) bool {
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				if visit(x) {
					return true
				}
			}
		case map[string]any:
			if g, ok := t["@graph"]; ok && visit(g) {
				return true
			}
			if !ldTypeMatches(t["@type"]) {
				return false
			}
			info.headline = ldString(t["headline"])
			info.published = ldString(t["datePublished"])
			info.authors = ldNames(t["author"])
			if p, ok := t["publisher"].(map[string]any); ok {
				info.publisher = ldString(p["name"])
			}
			return true
		}
		return false
	}
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return true
		}
		return !visit(v)
	})
	return info
}

func ldTypeMatches(t any) bool {
	switch v := t.(type) {
	case string:
		return ldArticleTypeRE.MatchString(v)
	case []any:
		for _, x := range v {
			if ldTypeMatches(x) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func ldNames(v any) []string {
	var out []string
	switch t := v.(type) {
	case string:
		out = appendAuthors(out, t)
	case map[string]any:
		out = appendAuthors(out, ldString(t["name"]))
	case []any:
		for _, x := range t {
			for _, n := range ldNames(x) {
				out = appendAuthors(out, n)
			}
		}
	}
	return out
}

var (
	// "(4/7)", "4/7", "deel 4 van 7" in a title.
	titlePartRE = regexp.MustCompile(`(?i)\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*\)|(?:^|\s)(\d{1,2})/(\d{1,2})(?:\s|:|$)|\bdeel\s+(\d{1,2})\s+(?:van|uit)\s+(\d{1,2})\b`)
	// "-4-7-" in an address, after a word (so no date such as 2019-01-15).
	urlPartRE = regexp.MustCompile(`[a-z]-(\d{1,2})-(\d{1,2})(?:-|/|$)`)
)

// seriesOf reads the part of a series from a title ("Innovatie bij
// gemeenten (4/7): Samenwerking") or an address (…-4-7-…), and the series'
// name from the title's words before the part.
func seriesOf(title, url string) (series string, part, parts int) {
	if loc := titlePartRE.FindStringSubmatchIndex(title); loc != nil {
		for g := 1; g+1 < len(loc)/2; g += 2 {
			if loc[2*g] >= 0 {
				part, _ = strconv.Atoi(title[loc[2*g]:loc[2*g+1]])
				parts, _ = strconv.Atoi(title[loc[2*g+2]:loc[2*g+3]])
				break
			}
		}
		series = strings.TrimRight(strings.TrimSpace(title[:loc[0]]), " :–—-|,")
	}
	if part == 0 {
		if m := urlPartRE.FindStringSubmatch(strings.ToLower(url)); m != nil {
			part, _ = strconv.Atoi(m[1])
			parts, _ = strconv.Atoi(m[2])
		}
	}
	if part < 1 || parts < 2 || part > parts {
		return "", 0, 0
	}
	return series, part, parts
}

// SeriesPart reads the part of a series and the number of parts from a
// link's text or address, as the importer reads a page's title and
// address; 0, 0 when they say none.
func SeriesPart(text, url string) (part, parts int) {
	_, part, parts = seriesOf(text, url)
	return part, parts
}

// mergeMeta returns what the page says, with every field that over sets
// in its place.
func mergeMeta(page, over ImportMeta) ImportMeta {
	m := page
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Slug, over.Slug)
	set(&m.Series, over.Series)
	set(&m.SourceURL, over.SourceURL)
	set(&m.Published, over.Published)
	set(&m.Title, over.Title)
	if over.Part > 0 {
		m.Part = over.Part
	}
	if over.Parts > 0 {
		m.Parts = over.Parts
	}
	if len(over.Authors) > 0 {
		m.Authors = over.Authors
	}
	if len(over.Themes) > 0 {
		m.Themes = over.Themes
	}
	return m
}

// pageLinks lists the page's links to other http(s) pages, made absolute.
func pageLinks(doc *goquery.Document, base *nurl.URL) []PageLink {
	var links []PageLink
	seen := map[string]bool{}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		u := absURL(base, s.AttrOr("href", ""))
		if !isHTTPAddress(u) || seen[u] {
			return
		}
		seen[u] = true
		links = append(links, PageLink{URL: u, Text: strings.Join(strings.Fields(s.Text()), " ")})
	})
	return links
}

// absURL resolves ref against base; without a base it returns ref as is.
func absURL(base *nurl.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil && base.Scheme != "" {
		u = base.ResolveReference(u)
	}
	u.Fragment = ""
	return u.String()
}
