package search

import (
	"context"
	"testing"
)

// TestIrregularForms checks through a real index that the forms of a
// strong verb find each other (the exception table of package dutch):
// each query finds every passage, whichever form it holds.
func TestIrregularForms(t *testing.T) {
	s := miniSearcher(t, map[string]string{
		"01-a.md": "---\ntitle: Proef\npart: 1\n---\n\n" +
			"## Een {#een}\n\nDe wethouder schreef een brief aan de raad.\n\n" +
			"## Twee {#twee}\n\nHet plan is geschreven door de inwoners.\n\n" +
			"## Drie {#drie}\n\nWie wil schrijven over de wijk?\n\n" +
			"## Vier {#vier}\n\nDe raad koos voor de tweede variant.\n\n" +
			"## Vijf {#vijf}\n\nDe inwoners hebben gekozen voor een park.\n\n" +
			"## Zes {#zes}\n\nWe kiezen samen een nieuwe naam.\n\n" +
			"## Zeven {#zeven}\n\nZij bracht het voorstel in.\n\n" +
			"## Acht {#acht}\n\nWij brengen de buurt bij elkaar.\n",
	})
	for _, tc := range []struct {
		queries []string
		want    []string
	}{
		{[]string{"schreef", "geschreven", "schrijven", "schrijft"}, []string{"een", "twee", "drie"}},
		{[]string{"koos", "gekozen", "kiezen", "kozen"}, []string{"vier", "vijf", "zes"}},
		{[]string{"bracht", "brengen", "gebracht"}, []string{"zeven", "acht"}},
	} {
		for _, q := range tc.queries {
			t.Run(q, func(t *testing.T) {
				res, err := s.Search(context.Background(), Request{Query: q})
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]bool{}
				for _, h := range res.Hits {
					got[h.ID] = true
				}
				for _, id := range tc.want {
					if !got["passage/a#"+id] {
						t.Errorf("%s does not find passage %s; hits %v", q, id, hitIDs(res.Hits))
					}
				}
				if len(res.Hits) != len(tc.want) {
					t.Errorf("%s: %d hits %v, want %d", q, len(res.Hits), hitIDs(res.Hits), len(tc.want))
				}
			})
		}
	}
}

// TestIrregularShipped checks on the shipped corpus that the forms of
// schrijven and kiezen find its passages with "schreven" and "kiezen".
func TestIrregularShipped(t *testing.T) {
	s := shippedSearcher(t)
	for _, group := range [][]string{{"schreef", "geschreven", "schrijven", "schreven"}, {"koos", "gekozen", "kiezen"}} {
		var first []string
		for i, q := range group {
			res, err := s.Search(context.Background(), Request{Query: q, Size: MaxSize})
			if err != nil {
				t.Fatal(err)
			}
			ids := hitIDs(res.Hits)
			if len(ids) == 0 {
				t.Errorf("%s finds nothing", q)
			}
			if i == 0 {
				first = ids
			} else if len(ids) != len(first) {
				t.Errorf("%s finds %v, %s %v: want the same", q, ids, group[0], first)
			}
		}
	}
}
