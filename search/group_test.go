package search

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
	"vanelkaar/index"
)

func TestGroupByMunicipality(t *testing.T) {
	s := fixtureSearcher(t)
	res := mustSearch(t, s, Request{Query: "inwoners", Group: GroupMunicipality})
	plain := mustSearch(t, s, Request{Query: "inwoners"})
	if diff := cmp.Diff(hitIDs(plain.Hits), hitIDs(res.Hits)); diff != "" {
		t.Errorf("grouping changed the hits (-plain +grouped):\n%s", diff)
	}
	if plain.Groups != nil {
		t.Errorf("groups without group=municipality: %v", plain.Groups)
	}
	// One group per municipality with results, with the facet's count.
	want := map[string]int{}
	for _, v := range res.Facets[FacetMunicipality] {
		want[v.Value] = v.Count
	}
	got := map[string]int{}
	for i, g := range res.Groups {
		got[g.Value] = g.Total
		if len(g.Hits) == 0 || len(g.Hits) > GroupHits || len(g.Hits) > g.Total {
			t.Errorf("group %s: %d hits of %d", g.Value, len(g.Hits), g.Total)
		}
		for _, h := range g.Hits {
			if !slices.Contains(h.Municipalities, g.Value) {
				t.Errorf("group %s holds %s of %v", g.Value, h.ID, h.Municipalities)
			}
			if h.Snippet == "" && h.Kind != "person" {
				t.Errorf("group %s: hit %s has no snippet", g.Value, h.ID)
			}
		}
		// The group's best hit is the best of the municipality's.
		only := mustSearch(t, s, Request{Query: "inwoners", Filters: map[string][]string{FacetMunicipality: {g.Value}}, Size: GroupHits})
		if diff := cmp.Diff(hitIDs(only.Hits), hitIDs(g.Hits)); diff != "" {
			t.Errorf("group %s hits (-filtered search +group):\n%s", g.Value, diff)
		}
		if i > 0 && g.Hits[0].Score > res.Groups[i-1].Hits[0].Score {
			t.Errorf("group %s (best %v) after group %s (best %v)", g.Value, g.Hits[0].Score, res.Groups[i-1].Value, res.Groups[i-1].Hits[0].Score)
		}
		if g.Label == "" {
			t.Errorf("group %s has no label", g.Value)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-facet counts +groups):\n%s", diff)
	}
	if len(res.Groups) < 3 {
		t.Errorf("only %d groups", len(res.Groups))
	}
}

func TestGroupBySelectedMunicipalities(t *testing.T) {
	s := fixtureSearcher(t)
	res := mustSearch(t, s, Request{Query: "inwoners", Group: GroupMunicipality,
		Filters: map[string][]string{FacetMunicipality: {"testerveen", "voorbeeldstad"}, FacetKind: {"passage"}}})
	var got []string
	for _, g := range res.Groups {
		got = append(got, g.Value)
		for _, h := range g.Hits {
			if h.Kind != "passage" {
				t.Errorf("group %s holds %s despite kind=passage", g.Value, h.ID)
			}
		}
	}
	want := []string{"testerveen", "voorbeeldstad"}
	if diff := cmp.Diff(want, slices.Sorted(slices.Values(got))); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
	// Without words the groups come by size.
	res = mustSearch(t, s, Request{Group: GroupMunicipality})
	for i := 1; i < len(res.Groups); i++ {
		if res.Groups[i].Total > res.Groups[i-1].Total {
			t.Errorf("group %s (%d) after %s (%d)", res.Groups[i].Value, res.Groups[i].Total, res.Groups[i-1].Value, res.Groups[i-1].Total)
		}
	}
}

func TestGroupsAtMost(t *testing.T) {
	fsys, err := synth.Generate(synth.Options{Passages: 500, Seed: synth.DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Load(fsys)
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
	defer s.Close()
	res := mustSearch(t, s, Request{Group: GroupMunicipality})
	if len(res.Facets[FacetMunicipality]) <= MaxGroups {
		t.Fatalf("only %d municipalities have results", len(res.Facets[FacetMunicipality]))
	}
	// The municipalities with the most results (in their own order).
	var want, got []string
	for _, v := range res.Facets[FacetMunicipality][:MaxGroups] {
		want = append(want, v.Value)
	}
	for _, g := range res.Groups {
		got = append(got, g.Value)
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
}
