package search

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

// TestAFacetIsOneDeclaration adds a facet that exists only in this test
// (the article a hit comes from) to index.Facets and nothing else, and
// checks that the index, the request checks, the filter, the disjunctive
// counts with their labels and the JSON of the result all have it.
func TestAFacetIsOneDeclaration(t *testing.T) {
	const id = "test-article"
	saved := index.Facets
	t.Cleanup(func() { index.Facets = saved })
	index.Facets = append(slices.Clone(saved), index.Facet{
		ID: id, Field: index.FieldArticle, Legend: "Artikel", Values: "Article slugs", Example: "x",
		Labels: func(c *corpus.Corpus) []index.Label {
			var l []index.Label
			for _, a := range c.Articles {
				l = append(l, index.Label{Value: a.Slug, Label: a.Title})
			}
			return l
		},
		Of: func(r *index.Record) []string {
			if r.Article == nil {
				return []string{}
			}
			return []string{r.Article.Slug}
		},
	})
	// A searcher of its own: the shared fixture must not see this facet.
	c, err := corpus.Load(os.DirFS("testdata/corpus"))
	if err != nil {
		t.Fatal(err)
	}
	idx, err := index.NewMemOnly(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(idx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })

	all := mustSearch(t, s, Request{Query: "gemeente"})
	counts := all.Facets.Get(id)
	if len(counts) < 2 {
		t.Fatalf("facet %s counts %+v, want at least two articles", id, counts)
	}
	for _, v := range counts {
		if a := c.Article(v.Value); a == nil || v.Label != a.Title {
			t.Errorf("value %+v is not labelled with its article's title", v)
		}
	}
	pick := counts[len(counts)-1]
	sel := mustSearch(t, s, Request{Query: "gemeente", Filters: map[string][]string{id: {pick.Value}}})
	if sel.Total != uint64(pick.Count) {
		t.Errorf("filter %s=%s: %d results, the facet counted %d", id, pick.Value, sel.Total, pick.Count)
	}
	for _, h := range sel.Hits {
		if h.Article == nil || h.Article.Slug != pick.Value {
			t.Errorf("hit %s is not from article %s", h.ID, pick.Value)
		}
	}
	// Disjunctive: selecting one article keeps the others' counts.
	if got := sel.Facets.Get(id); len(got) != len(counts) {
		t.Errorf("with %s selected the facet lists %d articles, without %d", pick.Value, len(got), len(counts))
	}
	if _, err := s.Search(context.Background(), Request{Filters: map[string][]string{id: {"no-such-article"}}}); err == nil {
		t.Error("an unknown value of the test facet is accepted")
	}
	raw, err := json.Marshal(sel)
	if err != nil {
		t.Fatal(err)
	}
	var decoded struct {
		Facets map[string][]FacetValue `json:"facets"`
	}
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatal(err)
	}
	if len(decoded.Facets[id]) != len(counts) {
		t.Errorf("the JSON has %d values of %s, want %d", len(decoded.Facets[id]), id, len(counts))
	}
}
