package search

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// markedWords returns the marked words of a snippet or title, lower-cased.
func markedWords(html string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<mark>(.*?)</mark>`).FindAllStringSubmatch(html, -1) {
		out = append(out, strings.ToLower(m[1]))
	}
	return out
}

// TestCompoundsShipped checks on the shipped corpus that a word finds the
// compounds it is a part of, with the compound marked, and not the words
// it only ends: "energie" finds energietransitie, "data" datagebruik,
// "lening" not dienstverlening.
func TestCompoundsShipped(t *testing.T) {
	s := shippedSearcher(t)
	search := func(q string) *Result {
		t.Helper()
		res, err := s.Search(context.Background(), Request{Query: q, Size: MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, tc := range []struct{ query, compound string }{
		{"energie", "energietransitie"},
		{"data", "datagebruik"},
		{"transitie", "energietransitie"},
		{"verlening", "dienstverlening"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			res := search(tc.query)
			found := false
			for _, h := range res.Hits {
				for _, m := range markedWords(h.Snippet + h.TitleHTML) {
					found = found || m == tc.compound
				}
			}
			if !found {
				t.Errorf("%q: no hit marks %q among %d hits", tc.query, tc.compound, res.Total)
			}
		})
	}
	t.Run("lening", func(t *testing.T) {
		with := search("dienstverlening")
		if with.Total == 0 {
			t.Fatal("no hit for dienstverlening")
		}
		ids := map[string]bool{}
		for _, h := range with.Hits {
			ids[h.ID] = true
		}
		for _, h := range search("lening").Hits {
			if ids[h.ID] {
				t.Errorf("lening finds %s, which has dienstverlening", h.ID)
			}
			for _, m := range markedWords(h.Snippet + h.TitleHTML) {
				if strings.Contains(m, "verlening") {
					t.Errorf("lening: hit %s marks %q: verlening is no ver + lening", h.ID, m)
				}
			}
		}
	})
}

// TestCompoundRanking checks on texts made to measure that a whole-word
// match ranks above a part match, also when the word stands in a short
// text, and that a compound in the query is not split.
func TestCompoundRanking(t *testing.T) {
	s := miniSearcher(t, map[string]string{
		"01-a.md": "---\ntitle: Proeven in Proefdorp\npart: 1\n---\n\n## Een {#een}\n\nDe energietransitie van Proefdorp begint bij de scholen en de sporthallen van de gemeente.\n\n## Twee {#twee}\n\nProefdorp bespaart energie.\n\n## Drie {#drie}\n\nHet datagebruik van de gemeente groeit, zegt het college in zijn jaarverslag.\n\n## Vier {#vier}\n\nDe gemeente deelt data met de regio.\n",
	})
	for _, tc := range []struct {
		query string
		want  []string // ids in order
	}{
		{"energie", []string{"passage/a#twee", "passage/a#een"}},
		{"data", []string{"passage/a#vier", "passage/a#drie"}},
		// The query does not split: not every text about energie.
		{"energietransitie", []string{"passage/a#een"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			res, err := s.Search(context.Background(), Request{Query: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				if strings.HasPrefix(h.ID, "passage/") {
					got = append(got, h.ID)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%s: passages %v, want %v", tc.query, got, tc.want)
			}
		})
	}
}
