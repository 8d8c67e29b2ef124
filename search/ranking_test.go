package search

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// article is a minimal article file for miniSearcher.
func article(slug string, part int, body string) string {
	return fmt.Sprintf("---\nslug: %s\ntitle: \"Artikel %d\"\npart: %d\n---\n\n%s\n", slug, part, part, body)
}

func TestRankingProximity(t *testing.T) {
	// Same words, same lengths: only the order of the words differs, and
	// the passage with the words apart comes first in reading order, so
	// only the proximity boost can put the other one first.
	s := miniSearcher(t, map[string]string{
		"a.md": article("a", 1, "De sensoren tellen slimme voetgangers in de straat.\n\nDe slimme sensoren tellen voetgangers in de straat."),
	})
	res := mustSearch(t, s, Request{Query: "slimme sensoren"})
	if diff := cmp.Diff([]string{"passage/a#inleiding-2", "passage/a#inleiding"}, hitIDs(res.Hits)); diff != "" {
		t.Errorf("ranking (-want +got):\n%s", diff)
	}
	if res.Hits[0].Score <= res.Hits[1].Score {
		t.Errorf("scores %v and %v: adjacent words must score higher", res.Hits[0].Score, res.Hits[1].Score)
	}
}

func TestRankingFieldBoosts(t *testing.T) {
	// The word in a heading weighs more than the same word in the body.
	s := miniSearcher(t, map[string]string{
		"a.md": article("a", 1, "## Iets anders\n\nHet warmtenet ligt er al.\n\n## Warmtenet\n\nDit ligt er al."),
	})
	res := mustSearch(t, s, Request{Query: "warmtenet"})
	if diff := cmp.Diff([]string{"passage/a#warmtenet", "passage/a#iets-anders"}, hitIDs(res.Hits)); diff != "" {
		t.Errorf("ranking (-want +got):\n%s", diff)
	}
}

func TestRankingTiesAreDeterministic(t *testing.T) {
	// Equal scores are ordered by reading order (part, then position),
	// not by id: the slugs sort the other way round.
	s := miniSearcher(t, map[string]string{
		"1.md": article("zz-eerste", 1, "Het warmtenet van de gemeente.\n\nHet warmtenet van de gemeente."),
		"2.md": article("aa-tweede", 2, "Het warmtenet van de gemeente."),
	})
	want := []string{"passage/zz-eerste#inleiding", "passage/zz-eerste#inleiding-2", "passage/aa-tweede#inleiding"}
	for i := 0; i < 5; i++ {
		res := mustSearch(t, s, Request{Query: "warmtenet"})
		if diff := cmp.Diff(want, hitIDs(res.Hits)); diff != "" {
			t.Fatalf("run %d: ranking (-want +got):\n%s", i, diff)
		}
		if res.Hits[0].Score != res.Hits[2].Score {
			t.Fatalf("scores differ: %v", res.Hits)
		}
	}
	// Paging through the ties gives each hit once.
	var paged []string
	for page := 1; page <= 3; page++ {
		paged = append(paged, hitIDs(mustSearch(t, s, Request{Query: "warmtenet", Size: 1, Page: page}).Hits)...)
	}
	if diff := cmp.Diff(want, paged); diff != "" {
		t.Errorf("paged ranking (-want +got):\n%s", diff)
	}
}

func TestRankingInterleavesKinds(t *testing.T) {
	s := fixtureSearcher(t)
	res := mustSearch(t, s, Request{Query: "sanne voorbeeld"})
	kinds := map[string]bool{}
	for i, h := range res.Hits {
		kinds[h.Kind] = true
		if i > 0 && h.Score > res.Hits[i-1].Score {
			t.Errorf("hit %d (%s, %v) scores above hit %d (%v)", i, h.ID, h.Score, i-1, res.Hits[i-1].Score)
		}
	}
	if !kinds["person"] || !kinds["passage"] {
		t.Errorf("kinds %v: want people and passages in one ranking", kinds)
	}
	if res.Hits[0].ID != "person/sanne-voorbeeld" {
		t.Errorf("first hit %s, want the person whose name is the query", res.Hits[0].ID)
	}
}

func TestFiltersDoNotChangeRanking(t *testing.T) {
	s := fixtureSearcher(t)
	all := mustSearch(t, s, Request{Query: "inwoners", Size: MaxSize})
	for _, f := range []map[string][]string{
		{FacetMunicipality: {"voorbeeldstad"}},
		{FacetMunicipality: {"voorbeeldstad", "testerveen"}, FacetKind: {"passage"}},
		{FacetTheme: {"inclusiviteit"}},
	} {
		filtered := mustSearch(t, s, Request{Query: "inwoners", Filters: f, Size: MaxSize})
		in := map[string]bool{}
		for _, h := range filtered.Hits {
			in[h.ID] = true
		}
		// The filtered hits in the same order and with the same scores as
		// in the unfiltered ranking.
		var want []Hit
		for _, h := range all.Hits {
			if in[h.ID] {
				want = append(want, h)
			}
		}
		type ranked struct {
			ID    string
			Score float64
		}
		rank := func(hs []Hit) []ranked {
			var out []ranked
			for _, h := range hs {
				out = append(out, ranked{h.ID, h.Score})
			}
			return out
		}
		if diff := cmp.Diff(rank(want), rank(filtered.Hits)); diff != "" {
			t.Errorf("filters %v change the ranking (-unfiltered +filtered):\n%s", f, diff)
		}
	}
}

// TestQuoteHitsMatchTheirOwnWords: a quote is found by its words and its
// speaker, not by the title of its article or the heading above it, so
// kind=quote for a heading's word lists only the quotes that say it.
func TestQuoteHitsMatchTheirOwnWords(t *testing.T) {
	s := miniSearcher(t, map[string]string{
		"a.md": "---\nslug: a\ntitle: \"Warmtenet in Voorbeeldstad\"\npart: 1\n---\n\n" +
			"Sanne Voorbeeld is wethouder.\n\n## Het warmtenet\n\n" +
			"“We leggen de leidingen samen met de buren aan,” zegt Voorbeeld.\n\n" +
			"“Het warmtenet is klaar in het voorjaar,” zegt Voorbeeld.\n",
	})
	for _, q := range []string{"warmtenet", "Sanne Voorbeeld"} {
		res := mustSearch(t, s, Request{Query: q, Filters: map[string][]string{FacetKind: {"quote"}}})
		want := []string{"quote/a/2"}
		if q == "Sanne Voorbeeld" {
			want = []string{"quote/a/1", "quote/a/2"}
		}
		if diff := cmp.Diff(want, hitIDs(res.Hits)); diff != "" {
			t.Errorf("%s: quote hits (-want +got):\n%s", q, diff)
		}
	}
}
