package corpus

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestBoilerplateClasses(t *testing.T) {
	tests := []struct {
		class string
		want  bool
	}{
		{"entry-meta", true}, {"byline", true}, {"post-author-name", true}, {"share-buttons", true},
		{"sharedaddy sd-sharing-enabled", true}, {"wp-block-social-links", true}, {"entry-tags", true},
		{"taxonomy-post_tag wp-block-post-terms", true}, {"jp-relatedposts", true}, {"related-articles", true},
		{"lees-ook", true}, {"ad ad-leaderboard", true}, {"advertentie", true}, {"sponsored-block", true},
		{"newsletter-signup", true}, {"nieuwsbrief-box", true}, {"cookie-banner", true}, {"cmp-consent", true},
		{"comments-area", true}, {"wp-block-comments", true}, {"widget_recent_entries widget", true},
		{"wp-block-pullquote", true}, {"breadcrumbs", true}, {"post-navigation", true},
		// the article itself, and WordPress post classes that only look alike
		{"entry-content", false}, {"post-content", false}, {"article-body", false}, {"hentry", false},
		{"post-412 post type-post status-publish tag-innovatie category-digitaal", false},
		{"wp-block-group has-global-padding is-layout-constrained", false}, {"shadow", false}, {"leader", false},
		{"jetpack-likes-widget-wrapper", false}, {"road", false}, {"headline", false},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			doc, _ := goquery.NewDocumentFromReader(strings.NewReader(`<div class="` + tt.class + `">x</div>`))
			if got := isBoilerplate(doc.Find("div")); got != tt.want {
				t.Errorf("isBoilerplate(%q) = %v, want %v", tt.class, got, tt.want)
			}
		})
	}
}

func TestCleanPageKeepsTheArticle(t *testing.T) {
	// A theme that puts "comments" in the article's own class: the element
	// that holds the page's paragraphs is never removed.
	page := `<html><body><div class="comments-enabled post-wrapper-comments"><p>` + strings.Repeat("Een lange alinea van het artikel. ", 20) +
		`</p><p>Nog een alinea.</p></div><div class="comments"><p>Een reactie.</p></div></body></html>`
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page))
	cleanPage(doc.Selection)
	text := doc.Text()
	if !strings.Contains(text, "Nog een alinea.") || strings.Contains(text, "Een reactie.") {
		t.Errorf("cleaned page: %q", text)
	}
}

func TestBoilerplateText(t *testing.T) {
	page := `<div><h3>Lees ook</h3><ul><li><a href="/a">Ander artikel</a></li></ul>
<p>Door Anna de Vries</p><p>Door de komst van de nieuwe wet moeten gemeenten hun werk anders doen, en dat kost veel tijd en geld. Het vraagt om een plan dat de hele organisatie meeneemt.</p>
<p><strong>Advertentie</strong></p><p>15 januari 2019</p><p>Tags: data, privacy</p><p>Gewone tekst.</p></div>`
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page))
	cleanPage(doc.Selection)
	got := strings.Join(strings.Fields(doc.Text()), " ")
	want := "Door de komst van de nieuwe wet moeten gemeenten hun werk anders doen, en dat kost veel tijd en geld. Het vraagt om een plan dat de hele organisatie meeneemt. Gewone tekst."
	if got != want {
		t.Errorf("cleaned text:\n%q\nwant\n%q", got, want)
	}
}
