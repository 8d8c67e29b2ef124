package corpus

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadShipped(t *testing.T) {
	c, err := Load(Shipped())
	if err != nil {
		t.Fatalf("Load(shipped): %v", err)
	}
	if len(c.Articles) != 1 {
		t.Fatalf("got %d articles, want 1 (part 1)", len(c.Articles))
	}
	a := c.Articles[0]
	if a.Part != 1 || a.Parts != 7 || a.Published != "" {
		t.Errorf("part %d of %d, published %q; want part 1 of 7 and no date", a.Part, a.Parts, a.Published)
	}
	if diff := cmp.Diff([]string{"Xander Smit", "Merel Jamin", "Jordi Maijenburg"}, a.Authors); diff != "" {
		t.Errorf("authors (-want +got):\n%s", diff)
	}
	if want := "https://www.gemeentennl.nl/digitaal/innovatie-bij-gemeenten-1-7-van-elkaar-leren/"; a.SourceURL != want {
		t.Errorf("source url %q, want %q", a.SourceURL, want)
	}

	// The six numbered points are sections carrying their theme ids.
	themeOf := map[string][]string{}
	anchors := map[string]bool{}
	for _, p := range a.Passages {
		if anchors[p.Anchor] {
			t.Errorf("anchor %q used twice", p.Anchor)
		}
		anchors[p.Anchor] = true
		themeOf[p.Anchor] = p.Themes
	}
	for _, id := range []string{"inclusiviteit", "behoefte-en-technologie", "samenwerken", "verantwoord-datagebruik", "uitdagingen", "themas-2019"} {
		if diff := cmp.Diff([]string{id}, themeOf[id]); diff != "" {
			t.Errorf("passage #%s themes (-want +got):\n%s", id, diff)
		}
		if c.Theme(id) == nil {
			t.Errorf("theme %q missing from themes.yaml", id)
		}
	}

	if len(c.People) != 14 {
		t.Errorf("got %d people, want the 14 interviewees", len(c.People))
	}
	for _, p := range c.People {
		if p.Name == "" || p.Role == "" || p.RoleCategory == "" || p.Municipality == "" || p.Organisation == "" {
			t.Errorf("person %q is incomplete: %+v", p.ID, p)
		}
		if p.First == nil {
			t.Errorf("person %q is not named in any passage", p.ID)
		}
	}
	byCategory := map[string][]string{}
	for _, p := range c.People {
		byCategory[p.RoleCategory] = append(byCategory[p.RoleCategory], p.ID)
	}
	wantCategories := map[string][]string{
		"bestuur":          {"john-nederstigt", "daan-quaars", "stijn-steenbakkers"},
		"directie":         {"ger-baron", "henk-van-den-broek", "marijn-fraanje", "esther-de-leeuw"},
		"management":       {"albert-engels", "theo-veltman"},
		"advies-en-beleid": {"wilbert-hoondert", "joost-de-koning", "rene-pauw", "miranda-thijssen"},
		"uitvoering":       {"gerard-velders"},
	}
	if diff := cmp.Diff(wantCategories, byCategory); diff != "" {
		t.Errorf("role categories (-want +got):\n%s", diff)
	}
	if m := c.Municipality("s-hertogenbosch"); m == nil || !contains(m.Aliases, "Den Bosch") {
		t.Errorf("'s-Hertogenbosch should have the alias Den Bosch: %+v", m)
	}
	if c.Person("henk-van-den-broek").Municipality != "wijchen" {
		t.Errorf("Henk van den Broek belongs to municipality wijchen")
	}
}

func TestPassageMentions(t *testing.T) {
	c, err := Load(Shipped())
	if err != nil {
		t.Fatal(err)
	}
	var velders *Passage
	for _, p := range c.Articles[0].Passages {
		if strings.Contains(p.Text, "Gerard Velders") {
			velders = p
		}
	}
	if velders == nil {
		t.Fatal("no passage names Gerard Velders")
	}
	// The seed writes a curly apostrophe: ‘s-Hertogenbosch.
	if diff := cmp.Diff([]string{"gerard-velders"}, velders.People); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"s-hertogenbosch"}, velders.Municipalities); diff != "" {
		t.Errorf("municipalities (-want +got):\n%s", diff)
	}
}

func TestCheckReportsEveryProblemWithPathAndLine(t *testing.T) {
	got := []string{}
	for _, p := range Check(os.DirFS("testdata/broken")) {
		got = append(got, p.String())
	}
	want := []string{
		"artikelen/01-zonder-titel.md:2: missing title",
		`artikelen/02-dubbel.md:2: duplicate slug "dubbel" (also used by artikelen/01-zonder-titel.md)`,
		`artikelen/02-dubbel.md:5: published "gisteren" must be a date as YYYY-MM-DD (leave it out when the text gives none)`,
		`artikelen/02-dubbel.md:8: unknown theme "onbekend" (not in themes.yaml)`,
		"artikelen/03-yaml.md:3: YAML syntax error: found unexpected end of stream",
		`municipalities.yaml:3: unknown field "provincie" (known fields: aliases, id, name, province)`,
		`people.yaml:1: person "anna-jansen" has no role_category (one of bestuur, directie, management, advies-en-beleid, uitvoering)`,
		`people.yaml:8: person "bram-de-vries": unknown role_category "advies" (one of bestuur, directie, management, advies-en-beleid, uitvoering)`,
		`people.yaml:9: person "bram-de-vries": unknown municipality "nergenshuizen" (not in municipalities.yaml)`,
		`themes.yaml:3: duplicate id "samenwerken" (first at line 1)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if _, err := Load(os.DirFS("testdata/broken")); err == nil {
		t.Error("Load of a broken corpus succeeded")
	}
}

func TestCheckYAMLSyntaxErrorInRegistry(t *testing.T) {
	fsys := mapFS(map[string]string{
		"themes.yaml":          "- id: a\n  label: A\n- id: b\n  label: [unclosed\n",
		"municipalities.yaml":  "",
		"people.yaml":          "",
		"artikelen/01-stuk.md": "---\ntitle: T\npart: 1\n---\n\nTekst.\n",
	})
	ps := Check(fsys)
	if len(ps) != 1 || ps[0].Path != "themes.yaml" || ps[0].Line != 4 || !strings.Contains(ps[0].Message, "YAML syntax error") {
		t.Errorf("got %v, want one YAML syntax error in themes.yaml at line 4, where the list opens", ps)
	}
}

func TestSlugAndInline(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Belangrijkste thema’s", "belangrijkste-themas"},
		{"1. Inclusiviteit", "1-inclusiviteit"},
		{"Financiële  zaken & co", "financiele-zaken-co"},
		{"", ""},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"van Station10* steekproefsgewijs", "van Station10* steekproefsgewijs"},
		{"een **vette** en *schuine* [link](https://example.org)", "een vette en schuine link"},
		{`ster \* blijft`, "ster * blijft"},
	} {
		if got := Inline(tc.in); got != tc.want {
			t.Errorf("Inline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestLineEndings: CRLF and lone CR line endings count lines like LF, so
// problems and quotes are reported at the right line.
func TestLineEndings(t *testing.T) {
	lf := "---\nslug: proef\ntitle: Proef\npart: 1\n---\nMarieke Jansen werkt hier.\n\nTekst.\n\n“Het werkt goed,” zegt Jansen.\n\n## Kop {theme=bestaat-niet}\n"
	for name, eol := range map[string]string{"LF": "\n", "CRLF": "\r\n", "CR": "\r"} {
		t.Run(name, func(t *testing.T) {
			src := strings.ReplaceAll(lf, "\n", eol)
			fsys := fixtureWith(t, "")
			fsys[ArticlesDir+"/proef.md"].Data = []byte(src)
			ps := Check(fsys)
			if len(ps) != 1 || ps[0].Line != 12 || !strings.Contains(ps[0].Message, "bestaat-niet") {
				t.Errorf("problems %v, want the unknown theme at line 12", ps)
			}
			a, _ := ParseArticle("proef.md", []byte(src))
			if len(a.Quotes) != 1 || a.Quotes[0].Line != 10 {
				t.Errorf("quotes %+v, want one at line 10", a.Quotes)
			}
		})
	}
}
