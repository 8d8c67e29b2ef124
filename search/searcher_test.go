package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"vanelkaar/index"
)

func TestFacetsDisjunctive(t *testing.T) {
	s := fixtureSearcher(t)
	base := mustSearch(t, s, Request{Query: "inwoners"})
	sel := mustSearch(t, s, Request{Query: "inwoners", Filters: map[string][]string{FacetMunicipality: {"voorbeeldstad"}}})

	// Selecting one municipality leaves the municipalities' counts as they
	// were, so the others stay visible and selectable.
	if diff := cmp.Diff(facetCounts(base.Facets[FacetMunicipality]), facetCounts(sel.Facets[FacetMunicipality])); diff != "" {
		t.Errorf("municipality counts changed by selecting one (-before +after):\n%s", diff)
	}
	if len(base.Facets[FacetMunicipality]) < 2 {
		t.Fatalf("fixture too small: %d municipalities match", len(base.Facets[FacetMunicipality]))
	}
	for _, v := range sel.Facets[FacetMunicipality] {
		if v.Selected != (v.Value == "voorbeeldstad") {
			t.Errorf("municipality %s: selected = %v", v.Value, v.Selected)
		}
	}
	if want := uint64(facetCounts(base.Facets[FacetMunicipality])["voorbeeldstad"]); sel.Total != want {
		t.Errorf("total with the filter = %d, want the facet's count %d", sel.Total, want)
	}
	// The other facets count only what the selection leaves.
	if got, before := facetCounts(sel.Facets[FacetKind])["passage"], facetCounts(base.Facets[FacetKind])["passage"]; got >= before {
		t.Errorf("kind count %d with the filter, %d without: want fewer", got, before)
	}
}

// TestFacetCounts checks every facet count against the total of the search
// that selecting the value would run: the other facets' selections plus
// this value.
func TestFacetCounts(t *testing.T) {
	s := fixtureSearcher(t)
	selections := []map[string][]string{
		nil,
		{FacetMunicipality: {"voorbeeldstad"}},
		{FacetMunicipality: {"voorbeeldstad", "testerveen"}},
		{FacetMunicipality: {"voorbeeldstad"}, FacetTheme: {"inclusiviteit"}},
		{FacetKind: {index.KindPerson}},
		{FacetRole: {"bestuur", "management"}, FacetTheme: {"themas-2019"}},
		{FacetSpeaker: {"sanne-voorbeeld"}},
		{FacetSpeaker: {"sanne-voorbeeld", "joris-proefmans"}, FacetKind: {index.KindQuote}},
	}
	for _, q := range []string{"", "inwoners", "gemeente", "inwoners OR data"} {
		for _, filters := range selections {
			r := Request{Query: q, Filters: filters}
			t.Run(r.String(), func(t *testing.T) {
				res := mustSearch(t, s, r)
				for _, facet := range FacetNames {
					got := facetCounts(res.Facets.Get(facet))
					want := map[string]int{}
					fc, _ := index.FacetByID(facet)
					for _, lb := range s.Labels()[fc.Field] {
						f := map[string][]string{}
						for k, v := range filters {
							f[k] = v
						}
						f[facet] = []string{lb.Value}
						n := mustSearch(t, s, Request{Query: q, Filters: f}).Total
						if n > 0 || slices.Contains(filters[facet], lb.Value) {
							want[lb.Value] = int(n)
						}
					}
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("facet %s (-want +got):\n%s", facet, diff)
					}
				}
			})
		}
	}
}

func TestFacetSelectedAtZero(t *testing.T) {
	s := fixtureSearcher(t)
	res := mustSearch(t, s, Request{Query: "zonnepanelen", Filters: map[string][]string{FacetMunicipality: {"voorbeeldstad"}}})
	if res.Total != 0 {
		t.Fatalf("total = %d, want 0 (zonnepanelen are in Testerveen)", res.Total)
	}
	want := []FacetValue{
		{Value: "testerveen", Label: "Testerveen", Count: 1},
		{Value: "voorbeeldstad", Label: "Voorbeeldstad", Count: 0, Selected: true},
	}
	if diff := cmp.Diff(want, res.Facets[FacetMunicipality]); diff != "" {
		t.Errorf("municipality facet (-want +got):\n%s", diff)
	}
}

func TestFacetLabels(t *testing.T) {
	s := fixtureSearcher(t)
	res := mustSearch(t, s, Request{Query: "samenwerken"})
	labels := map[string]string{}
	for _, v := range res.Facets[FacetMunicipality] {
		labels[v.Value] = v.Label
	}
	for _, v := range res.Facets[FacetTheme] {
		labels[v.Value] = v.Label
	}
	for _, v := range res.Facets[FacetKind] {
		labels[v.Value] = v.Label
	}
	for value, label := range map[string]string{
		"s-oefenbosch": "'s-Oefenbosch", // from municipalities.yaml
		"samenwerken":  "Belang van samenwerken met externe partijen",
		"passage":      "Passage",
	} {
		if labels[value] != label {
			t.Errorf("label of %s = %q, want %q", value, labels[value], label)
		}
	}
}

func TestQuerySyntax(t *testing.T) {
	s := fixtureSearcher(t)
	tests := []struct {
		query string
		match string
		want  []string // the hits, in any order
	}{
		{"slimme sensoren", MatchAll, []string{
			"passage/verantwoord-datagebruik#slimme-lantaarnpalen",
			"passage/verantwoord-datagebruik#slimme-lantaarnpalen-2"}},
		// Only where the words stand side by side, in this order.
		{`"slimme sensoren"`, MatchAll, []string{"passage/verantwoord-datagebruik#slimme-lantaarnpalen-2"}},
		{`“slimme sensoren”`, MatchAll, []string{"passage/verantwoord-datagebruik#slimme-lantaarnpalen-2"}},
		{`"sensoren slimme"`, MatchAll, nil},
		{"lantaarnpalen -binnenstad", MatchAll, []string{"passage/verantwoord-datagebruik#slimme-lantaarnpalen-2"}},
		{`slimme -"slimme sensoren"`, MatchAll, []string{"passage/verantwoord-datagebruik#slimme-lantaarnpalen"}},
		{"zonnepanelen OR paspoort", MatchAll, []string{
			"passage/energie-en-mobiliteit#energie-van-onderop",
			"passage/digitale-inclusie#financiele-drempels"}},
		{"zonnepanelen OR paspoort -energieneutraal", MatchAll, []string{"passage/digitale-inclusie#financiele-drempels"}},
		// No passage has both: any word, ranked lower, and the result says so.
		{"zonnepanelen paspoort", MatchAny, []string{
			"passage/energie-en-mobiliteit#energie-van-onderop",
			"passage/digitale-inclusie#financiele-drempels"}},
		{"zonnepanelen paspoort -energieneutraal", MatchAny, []string{"passage/digitale-inclusie#financiele-drempels"}},
		{"onvindbaarwoord", MatchAll, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := mustSearch(t, s, Request{Query: tt.query, Size: MaxSize})
			got := hitIDs(res.Hits)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty(), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
			if res.Match != tt.match {
				t.Errorf("match = %q, want %q", res.Match, tt.match)
			}
			if res.Total != uint64(len(tt.want)) {
				t.Errorf("total = %d, want %d", res.Total, len(tt.want))
			}
		})
	}
}

func TestExcludeRemovesHits(t *testing.T) {
	s := fixtureSearcher(t)
	all := mustSearch(t, s, Request{Query: "inwoners", Size: MaxSize})
	without := mustSearch(t, s, Request{Query: "inwoners -balie", Size: MaxSize})
	if without.Total >= all.Total {
		t.Fatalf("-balie left %d of %d hits", without.Total, all.Total)
	}
	for _, h := range without.Hits {
		if strings.Contains(strings.ToLower(h.Snippet), "balie") {
			t.Errorf("hit %s mentions the excluded word: %s", h.ID, h.Snippet)
		}
	}
}

func TestRequestErrors(t *testing.T) {
	s := fixtureSearcher(t)
	_, err := s.Search(context.Background(), Request{
		Query:   `"open`,
		Filters: map[string][]string{FacetMunicipality: {"atlantis"}, "colour": {"blue"}},
		Page:    MaxPage + 1, Size: MaxSize + 1, Sort: "random", Group: "province",
	})
	var re *RequestError
	if !errors.As(err, &re) || !errors.Is(err, ErrBadQuery) {
		t.Fatalf("error %v, want a *RequestError wrapping ErrBadQuery", err)
	}
	var names []string
	for _, p := range re.Params {
		names = append(names, p.Name)
	}
	slices.Sort(names)
	if diff := cmp.Diff([]string{"colour", "group", "municipality", "page", "q", "size", "sort"}, names); diff != "" {
		t.Errorf("invalid params (-want +got):\n%s", diff)
	}
	for _, p := range re.Params {
		if p.Name == "q" && !strings.Contains(p.Reason, "position 1") {
			t.Errorf("q: %q does not say where", p.Reason)
		}
	}
	if err := s.Validate(Request{Query: "data"}); err != nil {
		t.Errorf("Validate(valid request) = %v", err)
	}
}

func TestNotReady(t *testing.T) {
	var s Searcher
	if _, err := s.Search(context.Background(), Request{Query: "data"}); !errors.Is(err, ErrNotReady) {
		t.Errorf("Search on an empty searcher: %v, want ErrNotReady", err)
	}
	if err := s.Ready(); !errors.Is(err, ErrNotReady) {
		t.Errorf("Ready() = %v, want ErrNotReady", err)
	}
}
