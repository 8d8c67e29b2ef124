package main

import (
	"slices"
	"testing"

	"vanelkaar/search"
)

// TestSearchFlagPerFacet checks that every declared facet is a flag of
// `vanelkaar search`: filtering on a value gives as many results as the
// facet counted for it, with the value selected.
func TestSearchFlagPerFacet(t *testing.T) {
	all := searchJSON(t)
	for _, f := range search.FacetList() {
		t.Run(f.ID, func(t *testing.T) {
			vals := all.Facets.Get(f.ID)
			if len(vals) == 0 {
				t.Fatalf("no values of facet %s", f.ID)
			}
			v := vals[len(vals)-1] // the rarest, so the filter narrows
			res := searchJSON(t, "--"+f.ID, v.Value)
			if res.Total != uint64(v.Count) || res.Total == all.Total {
				t.Errorf("--%s %s: %d results, the facet counted %d of %d", f.ID, v.Value, res.Total, v.Count, all.Total)
			}
			got := res.Facets.Get(f.ID)
			if i := slices.IndexFunc(got, func(x search.FacetValue) bool { return x.Value == v.Value }); i < 0 || !got[i].Selected {
				t.Errorf("--%s %s is not selected: %+v", f.ID, v.Value, got)
			}
		})
	}
}

// TestSearchSpeaker checks the speaker filter on the quote fixtures: a
// person's quotes only, two people's OR-ed, labelled with their names.
func TestSearchSpeaker(t *testing.T) {
	const dir = "../../corpus/testdata/voorbeeld"
	a, b := "joris-mulder", "bram-de-wit"
	one := searchJSON(t, "--corpus", dir, "--kind", "quote", "--speaker", a)
	other := searchJSON(t, "--corpus", dir, "--kind", "quote", "--speaker", b)
	both := searchJSON(t, "--corpus", dir, "--kind", "quote", "--speaker", a, "--speaker", b, "--size", "50")
	if one.Total == 0 || other.Total == 0 {
		t.Fatalf("no quotes of %s (%d) or %s (%d)", a, one.Total, b, other.Total)
	}
	if both.Total != one.Total+other.Total {
		t.Errorf("two speakers: %d quotes, want %d + %d", both.Total, one.Total, other.Total)
	}
	for _, h := range both.Hits {
		if h.Kind != search.KindQuote || h.Speaker == nil || (h.Speaker.ID != a && h.Speaker.ID != b) {
			t.Errorf("hit %s (kind %s, speaker %+v) is not a quote of theirs", h.ID, h.Kind, h.Speaker)
		}
	}
	labels := map[string]string{}
	for _, v := range both.Facets.Get(search.FacetSpeaker) {
		labels[v.Value] = v.Label
	}
	if labels[a] != "Joris Mulder" || labels[b] != "Bram de Wit" {
		t.Errorf("speaker labels %v, want the people's names", labels)
	}
}
