package corpus

import (
	"fmt"
	"strings"
	"testing"
)

// TestLongArticleIsPaged: a passage past the first PassagesPerPage links
// to the page of its article that shows it.
func TestLongArticleIsPaged(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\nslug: lang\ntitle: Lang\npart: 1\n---\n")
	for i := range 2*PassagesPerPage + 10 {
		fmt.Fprintf(&b, "Alinea nummer %d van Voorbeeldstad.\n\n", i)
	}
	a, ps := ParseArticle("artikelen/01-lang.md", []byte(b.String()))
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	for _, tt := range []struct {
		i        int
		wantPage int
		wantURL  string
	}{
		{0, 1, "/artikelen/lang#"},
		{PassagesPerPage - 1, 1, "/artikelen/lang#"},
		{PassagesPerPage, 2, "/artikelen/lang?pagina=2#"},
		{2 * PassagesPerPage, 3, "/artikelen/lang?pagina=3#"},
	} {
		p := a.Passages[tt.i]
		if p.ArticlePage() != tt.wantPage || !strings.HasPrefix(p.URL(), tt.wantURL) || !strings.HasSuffix(p.URL(), "#"+p.Anchor) {
			t.Errorf("passage %d: page %d, URL %s; want page %d and %s…#%s", tt.i, p.ArticlePage(), p.URL(), tt.wantPage, tt.wantURL, p.Anchor)
		}
	}
}
