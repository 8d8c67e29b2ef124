package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSectionThemes: a subsection inherits the themes of the section it is
// in, adds its own, and a new section of the same level starts afresh.
func TestSectionThemes(t *testing.T) {
	body := "## Data {theme=verantwoord-datagebruik}\n\nA.\n\n" +
		"### Voorbeelden\n\nB.\n\n" +
		"#### Nog dieper {theme=samenwerken}\n\nC.\n\n" +
		"### Meer\n\nD.\n\n" +
		"## Zonder thema\n\nE.\n\n" +
		"### Eronder\n\nF.\n"
	c, err := Load(fixtureWith(t, body))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, p := range c.Article("proef").Passages {
		got[p.Text] = p.Themes
	}
	want := map[string][]string{
		"A.": {"verantwoord-datagebruik"},
		"B.": {"verantwoord-datagebruik"},
		"C.": {"samenwerken", "verantwoord-datagebruik"},
		"D.": {"verantwoord-datagebruik"},
		"E.": nil,
		"F.": nil,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("themes (-want +got):\n%s", diff)
	}
	// A quote in the subsection has the section's theme.
	c, err = Load(fixtureWith(t, "Joris Mulder werkt hier.\n\n## Data {theme=verantwoord-datagebruik}\n\n### Register\n\n“Wij publiceren alles wat we doen,” zegt Mulder.\n"))
	if err != nil {
		t.Fatal(err)
	}
	qs := c.Article("proef").Quotes
	if len(qs) != 1 || !cmp.Equal(qs[0].Themes, []string{"verantwoord-datagebruik"}) {
		t.Errorf("quote themes: %+v", qs)
	}
}
