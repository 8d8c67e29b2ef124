package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// Relaxation is a search like the one asked, with one word or one
// facet's filter left out, that finds something where the search asked
// found nothing: a way on from a dead end.
type Relaxation struct {
	Query   string              `json:"query"`
	Filters map[string][]string `json:"filters"`
	Total   uint64              `json:"total"`
	// WithoutWord is the word (or phrase) left out, WithoutFacet the
	// facet whose filter was; one of the two is set.
	WithoutWord  string `json:"without_word,omitempty"`
	WithoutFacet string `json:"without_facet,omitempty"`
}

// Request is the search the relaxation stands for.
func (r Relaxation) Request() Request {
	return Request{Query: r.Query, Filters: r.Filters}
}

// maxRelaxations bounds the count searches one dead end costs: one per
// word and one per filtered facet, at most this many.
const maxRelaxations = MaxClauses + 4

// relaxations counts, for a search that found nothing with every word and
// filter, the searches with one word or one facet's filter left out, and
// returns those that find something, most results first. A search with a
// single word and no filter has nothing to leave out (did-you-mean helps
// there); the last word is never left out, as a search without words is
// another question, nor the only filter of a search without words. m is
// the search's pass over the matches of every word: it knows what each
// filter left out would add (see matches.failedOnly).
func (l *loaded) relaxations(ctx context.Context, req Request, and query.And, m *matches) ([]Relaxation, error) {
	cands, queries, clauses := relaxationCandidates(req, and)
	words, err := l.wordRelaxationCounts(ctx, req, and, clauses)
	if err != nil {
		return nil, fmt.Errorf("relax: %w", err)
	}
	out := []Relaxation{}
	for i, r := range cands {
		var total uint64
		switch {
		case r.WithoutFacet != "":
			total = m.total + m.failedOnly[slices.IndexFunc(index.Facets, func(f index.Facet) bool { return f.ID == r.WithoutFacet })]
		case words != nil:
			total = words[clauses[i]]
		default:
			rr := req
			rr.Filters = r.Filters
			if total, err = l.count(ctx, rr.Filters, textFor(rr, queries[i], l.analyzeTerms, false)); err != nil {
				return nil, fmt.Errorf("relax: %w", err)
			}
		}
		if total > 0 {
			r.Total = total
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Total > out[j].Total })
	return out, nil
}

// relaxationCandidates lists the searches relaxations counts: each with
// the words it searches for and, for one without a word, the number of
// the clause of and left out (-1 for one without a filter).
func relaxationCandidates(req Request, and query.And) ([]Relaxation, []query.And, []int) {
	var cands []Relaxation
	var queries []query.And
	var clauses []int
	if len(and.Positive()) > 1 {
		for i, c := range and.Qs {
			if _, ok := c.(query.Not); ok {
				continue
			}
			rest := query.And{Qs: slices.Delete(slices.Clone(and.Qs), i, i+1)}
			cands = append(cands, Relaxation{Query: rest.String(), Filters: cloneFilters(req.Filters, ""), WithoutWord: c.String()})
			queries = append(queries, rest)
			clauses = append(clauses, i)
		}
	}
	filtered := 0
	for _, f := range FacetNames {
		if len(req.Filters[f]) > 0 {
			filtered++
		}
	}
	// Without words, leaving out the only filter would list everything.
	if len(and.Positive()) > 0 || filtered > 1 {
		for _, f := range FacetNames {
			if len(req.Filters[f]) == 0 {
				continue
			}
			cands = append(cands, Relaxation{Query: req.Query, Filters: cloneFilters(req.Filters, f), WithoutFacet: f})
			queries = append(queries, and)
			clauses = append(clauses, -1)
		}
	}
	if len(cands) > maxRelaxations {
		cands, queries, clauses = cands[:maxRelaxations], queries[:maxRelaxations], clauses[:maxRelaxations]
	}
	return cands, queries, clauses
}

// cloneFilters copies filters without the facet skip ("" keeps all).
func cloneFilters(filters map[string][]string, skip string) map[string][]string {
	out := maps.Clone(filters)
	if out == nil {
		out = map[string][]string{}
	}
	delete(out, skip)
	return out
}
