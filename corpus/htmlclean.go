package corpus

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// What news and WordPress sites put around an article, removed before and
// after the readability library picks the article's body.

// boilerTags never hold article text.
const boilerTags = "script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, " +
	"input, select, textarea, nav, footer, aside, figcaption, dialog, " +
	"[role=banner], [role=navigation], [role=contentinfo], [role=complementary], [role=search], " +
	"[role=dialog], [role=alertdialog], [hidden], ins.adsbygoogle, [data-ad], [data-ad-slot], " +
	"a[rel~=tag], .screen-reader-text, .sr-only, [style*='display:none'], [style*='display: none'], [style*='visibility:hidden']"

// boilerClassRE matches one class name or id (lower case) of an element
// that holds no article text: bylines and meta rows, share buttons, tags,
// related articles, ads, sponsored blocks, newsletter boxes, cookie
// banners, comments, sidebars, widgets, breadcrumbs, post navigation and
// pull quotes. It matches whole names, or names made of these words
// joined by hyphens or underscores, so "tag-innovatie" (a WordPress post
// class) is no tag row but "entry-tags" is.
var boilerClassRE = regexp.MustCompile(`^(?:[a-z0-9]+[-_])*(?:` +
	`byline|bylines|author|authors|auteur|entry-meta|post-meta|meta|posted-on|posted-by|dateline|publish-date|pubdate|` +
	`share|shares|sharing|sharedaddy|social|socials|deel|delen|` +
	`tags|tag-links|tag-list|taglist|tagcloud|cat-links|categories|post-terms|terms|trefwoorden|labels|` +
	`related|relatedposts|jp-relatedposts|yarpp|lees-ook|leesook|read-more|readmore|more-articles|meer-artikelen|recommended|aanbevolen|` +
	`ad|ads|advert|adverts|advertisement|advertentie|advertenties|adslot|ad-slot|dfp|banner-ad|sponsor|sponsored|gesponsord|partner-content|promo|` +
	`newsletter|nieuwsbrief|subscribe|subscription|signup|inschrijven|` +
	`cookie|cookies|cookiebar|cookie-banner|cookie-notice|consent|gdpr|cmp|` +
	`comment|comments|reacties|reactie|respond|comment-respond|disqus|` +
	`sidebar|widget|widget-area|breadcrumb|breadcrumbs|kruimelpad|` +
	`post-navigation|nav-links|navigation|pagination|paging|` +
	`pullquote|pull-quote|pullout|quote-large|streamer|` +
	`skip-link|print|modal|popup|overlay|toolbar|kicker|eyebrow|label|rubriek|article-label|top-bar|topbar|masthead|site-header|logo` +
	`)(?:[-_][a-z0-9]+)*$`)

// boilerKeepRE are names that contain a boilerplate word but name the
// article itself (entry-content, post-content, article-body, ...).
var boilerKeepRE = regexp.MustCompile(`(^|[-_])(content|body|text|tekst|artikel|article|entry|main|post|hentry|wp-block-group|container|wrapper|inner)$`)

// boilerTextRE opens a short block that introduces boilerplate: "Lees
// ook", "Deel dit artikel", "Advertentie", "Tags:", a byline "Door Anna
// de Vries", a cookie notice.
var boilerTextRE = regexp.MustCompile(`(?i)^(lees ook|lees meer|lees verder|meer lezen|gerelateerde? artikel(en)?|gerelateerd|meer over( dit onderwerp)?|` +
	`ook interessant|bekijk ook|deel dit( artikel| bericht)?|delen( via)?|share( this)?|advertentie|gesponsord|sponsored|sponsored content|` +
	`tags|trefwoorden|onderwerpen|categorie(ën|en)?|reacties|reactie plaatsen|plaats een reactie|laat een reactie achter|geef een reactie|` +
	`schrijf je in|meld je aan|abonneer|aanmelden (voor )?(de |onze )?nieuwsbrief|nieuwsbrief|` +
	`deze (web)?site (gebruikt|maakt gebruik van) cookies|wij gebruiken cookies|we gebruiken cookies|cookie(instellingen|s accepteren)|` +
	`foto:|beeld:)`)

// bylineRE is a byline: "Door Anna de Vries", "Tekst: Piet Pen". Case
// matters: "Door de komst van …" opens a sentence.
var bylineRE = regexp.MustCompile(`^(Door|DOOR|Tekst|Auteur|Geschreven door|Gepubliceerd( op)?|Geplaatst( op)?)[:\s]+(\p{Lu}|\d)`)

// maxBylineRunes bounds a byline.
const maxBylineRunes = 90

// maxBoilerTextRunes bounds the blocks boilerTextRE may remove: a real
// paragraph that happens to start with "Door" is longer.
const maxBoilerTextRunes = 160

// dateOnlyRE is a block that holds only a date ("15 januari 2019",
// "15-01-2019 10:00").
var dateOnlyRE = regexp.MustCompile(`(?i)^((ma|di|wo|do|vr|za|zo)[a-z]*\.?,?\s+)?(\d{1,2}[-\s./](\d{1,2}|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?[-\s./]\d{2,4}|\d{4}-\d{2}-\d{2})(,?\s+(om\s+)?\d{1,2}[:.]\d{2}( uur)?)?$`)

// cleanPage removes the boilerplate from a page or a fragment. An element
// that holds most of the page's paragraphs is never removed, whatever its
// class says: it is the article.
func cleanPage(root *goquery.Selection) {
	// A title holds text only, read up to </title>: on a page where that
	// is missing the rest of the page becomes its text, tags and all. The
	// page's metadata has been read before this runs.
	root.Find("script, style, noscript, template, title, meta, link, base").Remove()
	total := paragraphText(root)
	guard := func(s *goquery.Selection) bool {
		return total > 0 && paragraphText(s)*2 > total
	}
	// The page's header goes; an article's own header (title, intro,
	// byline) stays, and its byline and share row go by their class.
	root.Find("header, [role=banner]").Each(func(_ int, s *goquery.Selection) {
		if s.ParentsFiltered("article, main, [role=main]").Length() == 0 && !guard(s) {
			s.Remove()
		}
	})
	root.Find(boilerTags).Each(func(_ int, s *goquery.Selection) {
		if !guard(s) || goquery.NodeName(s) == "script" || goquery.NodeName(s) == "style" {
			s.Remove()
		}
	})
	root.Find("*").Each(func(_ int, s *goquery.Selection) {
		if isBoilerplate(s) && !guard(s) {
			s.Remove()
		}
	})
	removeBoilerText(root)
}

// isBoilerplate reports whether the element's classes or id name
// boilerplate.
func isBoilerplate(s *goquery.Selection) bool {
	names := strings.Fields(strings.ToLower(s.AttrOr("class", "")))
	if id, ok := s.Attr("id"); ok {
		names = append(names, strings.ToLower(id))
	}
	for _, n := range names {
		if boilerClassRE.MatchString(n) && !boilerKeepRE.MatchString(n) {
			return true
		}
	}
	return false
}

// removeBoilerText removes short blocks that introduce boilerplate, and a
// "Lees ook" heading with the list or block that follows it.
func removeBoilerText(root *goquery.Selection) {
	root.Find("p, div, section, h2, h3, h4, h5, h6, ul, ol, li, span, strong").Each(func(_ int, s *goquery.Selection) {
		if s.Parent().Length() == 0 {
			return // removed with its parent already
		}
		text := strings.Join(strings.Fields(s.Text()), " ")
		if text == "" {
			if goquery.NodeName(s) != "div" && goquery.NodeName(s) != "span" {
				s.Remove()
			}
			return
		}
		if len([]rune(text)) > maxBoilerTextRunes {
			return
		}
		if dateOnlyRE.MatchString(text) {
			s.Remove()
			return
		}
		if !boilerTextRE.MatchString(text) && !(bylineRE.MatchString(text) && len([]rune(text)) <= maxBylineRunes) {
			return
		}
		switch goquery.NodeName(s) {
		case "h2", "h3", "h4", "h5", "h6", "strong", "span":
			// A heading or label announces the block after it.
			if next := s.Next(); next.Length() > 0 {
				switch goquery.NodeName(next) {
				case "ul", "ol", "div", "section", "p":
					if len([]rune(strings.TrimSpace(next.Text()))) <= 4*maxBoilerTextRunes {
						next.Remove()
					}
				}
			}
			if goquery.NodeName(s) == "strong" || goquery.NodeName(s) == "span" {
				if p := s.Parent(); goquery.NodeName(p) == "p" && strings.Join(strings.Fields(p.Text()), " ") == text {
					p.Remove()
					return
				}
			}
		}
		s.Remove()
	})
}

// paragraphText is the number of bytes of paragraph text inside s.
func paragraphText(s *goquery.Selection) int {
	n := 0
	s.Find("p").Each(func(_ int, p *goquery.Selection) { n += len(strings.TrimSpace(p.Text())) })
	if goquery.NodeName(s) == "p" {
		n += len(strings.TrimSpace(s.Text()))
	}
	return n
}

// dropPullQuotes removes the blocks that repeat, in large type, a
// sentence the article says elsewhere: a heading, block quote or wholly
// emphasised paragraph whose words all stand in another paragraph.
// Without this the sentence would be a second quote.
func dropPullQuotes(blocks []mdBlock) []mdBlock {
	const minWords = 5
	candidate := func(b mdBlock) bool {
		return b.kind == mdHeading || b.kind == mdQuote ||
			b.kind == mdParagraph && strings.HasPrefix(b.md, "*") && strings.HasSuffix(b.md, "*")
	}
	keys := make([]string, len(blocks))
	for i, b := range blocks {
		keys[i] = pullKey(b.text)
	}
	out := blocks[:0:0]
	for i, b := range blocks {
		repeated := false
		if candidate(b) && len(strings.Fields(keys[i])) >= minWords {
			for j, o := range blocks {
				// Another paragraph says it, or a block quote says it and
				// more (or the same, earlier).
				if j != i && strings.Contains(keys[j], keys[i]) && (!candidate(o) || len(keys[j]) > len(keys[i]) || j < i) {
					repeated = true
					break
				}
			}
		}
		if !repeated {
			out = append(out, b)
		}
	}
	return out
}

// pullKey folds a text for comparing sentences: quotation marks and
// punctuation dropped, lower case, spaces folded.
func pullKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if isWordRune(r) {
			b.WriteRune(r)
		} else {
			b.WriteRune(' ')
		}
	}
	return " " + strings.Join(strings.Fields(b.String()), " ") + " "
}

// nodeText is the text of a node, spaces folded.
func nodeText(n *html.Node) string {
	return strings.Join(strings.Fields(goquery.NewDocumentFromNode(n).Text()), " ")
}
