package search

import (
	"context"
	"testing"
)

// TestRelaxations checks the ways on from a search that found nothing:
// one word or one facet's filter left out, with the count each finds.
func TestRelaxations(t *testing.T) {
	s := shippedSearcher(t)
	tests := []struct {
		name string
		req  Request
		want []Relaxation // totals checked to be > 0, not their values
	}{
		{"a word too many", Request{Query: "burgers blockchain"},
			[]Relaxation{{Query: "burgers", WithoutWord: "blockchain"}}},
		{"a municipality too narrow", Request{Query: "burgers", Filters: map[string][]string{FacetMunicipality: {"breda"}}},
			[]Relaxation{{Query: "burgers", WithoutFacet: FacetMunicipality}}},
		{"found something", Request{Query: "burgers"}, nil},
		{"one word, nothing to leave out", Request{Query: "blockchain"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Relaxations) != len(tt.want) {
				t.Fatalf("relaxations = %+v, want %d", res.Relaxations, len(tt.want))
			}
			for i, w := range tt.want {
				got := res.Relaxations[i]
				if got.Query != w.Query || got.WithoutWord != w.WithoutWord || got.WithoutFacet != w.WithoutFacet || got.Total == 0 {
					t.Errorf("relaxation %d = %+v, want %+v with a total above 0", i, got, w)
				}
				// The relaxation finds what it says it does.
				again, err := s.Search(context.Background(), Request{Query: got.Query, Filters: got.Filters})
				if err != nil {
					t.Fatal(err)
				}
				if again.Total != got.Total {
					t.Errorf("relaxation %+v: searching it finds %d", got, again.Total)
				}
				if _, ok := got.Filters[got.WithoutFacet]; got.WithoutFacet != "" && ok {
					t.Errorf("relaxation %+v still filters on %s", got, got.WithoutFacet)
				}
			}
		})
	}
}
