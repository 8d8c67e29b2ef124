package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// TestUnresolved: after importing the fixture pages, the people quoted or
// named who are not in people.yaml come with the role written near their
// first mention, the unknown municipality and the unattributed quotes
// with their place.
func TestUnresolved(t *testing.T) {
	c := importedCorpus(t)
	u := c.Unresolved()
	var people []string
	for _, p := range u.People {
		people = append(people, fmt.Sprintf("%s | %s | %s | %s", p.ID, p.Role, p.RoleCategory, p.Municipality))
	}
	want := []string{
		"kees-verbeek | projectleider bij de gemeente Heuvelrijk | management | ",
		"albert-jansen | Bij het waterschap, dat veel met de gemeente samenwerkt, is Albert Jansen verantwoordelijk voor de meetgegevens van dijken en gemalen. |  | ",
	}
	if diff := cmp.Diff(want, people); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	var munis []string
	for _, m := range u.Municipalities {
		munis = append(munis, fmt.Sprintf("%s %s:%d", m.ID, m.Path, m.Line))
	}
	if len(munis) != 1 || !strings.HasPrefix(munis[0], "heuvelrijk artikelen/02-") {
		t.Errorf("municipalities %v, want heuvelrijk once, at its first mention", munis)
	}
	var quotes []string
	for _, q := range u.Quotes {
		quotes = append(quotes, fmt.Sprintf("%s:%d", q.Article.Path, q.Line))
	}
	if len(quotes) != 3 {
		t.Errorf("unattributed quotes %v, want the three of TestImportedQuoteSpeakers", quotes)
	}
	// The entries are YAML that people.yaml takes once the blanks are
	// filled in.
	var entries []map[string]string
	var src strings.Builder
	for _, p := range u.People {
		src.WriteString(p.YAML())
	}
	if err := yaml.Unmarshal([]byte(src.String()), &entries); err != nil || len(entries) != 2 ||
		entries[0]["name"] != "Kees Verbeek" || entries[0]["role"] != "Projectleider bij de gemeente Heuvelrijk" || entries[0]["role_category"] != "management" {
		t.Errorf("YAML %q: %v, %v", src.String(), entries, err)
	}
}

// TestUnresolvedList: the people of a list of interviewees, written as
// part 1 writes them, with role, municipality and organisation.
func TestUnresolvedList(t *testing.T) {
	body := "- Fenna de Wit, Wethouder Digitale Zaken, Gemeente Voorbeeldstad\n" +
		"- Piet Pieters, Senior adviseur Informatievoorziening, Gemeente Zandhaven\n" +
		"- Joke van der Berg, CIO, gemeente Voorbeeldstad\n\n" +
		"In Beekveld vertelt strateeg Mo Amrani over de plannen. “Wij beginnen klein,” zegt Amrani.\n\n" +
		// a role in capitals is no one's name
		"Van medewerker burgerzaken tot Chief Technology Officer, iedereen heeft ermee te maken. Ook Senior Adviseur Data, een nieuwe functie.\n"
	fsys := fstest.MapFS{ArticlesDir + "/a.md": {Data: []byte("---\ntitle: T\npart: 1\n---\n\n" + body)}}
	for _, name := range []string{PeopleFile, ThemesFile, MunicipalitiesFile} {
		src, err := os.ReadFile(filepath.Join(importDir, "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: src}
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.Unresolved().People {
		got = append(got, fmt.Sprintf("%s | %s | %s | %s | %s", p.ID, p.Role, p.RoleCategory, p.Municipality, p.Organisation))
	}
	want := []string{
		"piet-pieters | Senior adviseur Informatievoorziening | advies-en-beleid | zandhaven | Gemeente Zandhaven",
		"joke-van-der-berg | CIO | directie | voorbeeldstad | Gemeente Voorbeeldstad",
		"mo-amrani | strateeg | advies-en-beleid | beekveld | ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
}
