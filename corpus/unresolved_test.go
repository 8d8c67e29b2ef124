package corpus

import (
	"fmt"
	"strings"
	"testing"

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
