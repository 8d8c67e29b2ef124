package search

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"vanelkaar/index"
)

// GroupHits is the number of hits each group of a grouped result shows.
const GroupHits = 3

// MaxGroups is the most groups a result has: the municipalities with the
// most results. A user who wants others side by side selects them.
const MaxGroups = 10

// groups answers group=municipality: for each municipality with results
// (only the selected ones when the request selects some; at most
// MaxGroups), its number of results and its best hits, so that peers can
// be compared side by side. Groups come best first: by their best hit's
// score when ranking by relevance, else by their number of results.
func (l *loaded) groups(ctx context.Context, req Request, q Query, anyWord bool, terms map[string]bool, res *Result) ([]Group, error) {
	var values []FacetValue
	for _, v := range res.Facets.Municipality {
		if v.Count > 0 && (len(req.Filters[FacetMunicipality]) == 0 || v.Selected) {
			values = append(values, v)
		}
	}
	// The facet lists values most results first; equal counts keep the
	// labels' order.
	values = values[:min(len(values), MaxGroups)]
	groups := make([]Group, len(values))
	errs := make([]error, len(values))
	// Each group is a search of its own; they run side by side.
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, v := range values {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			groups[i], errs[i] = l.group(ctx, req, q, anyWord, terms, v)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	best := func(g Group) float64 {
		if len(g.Hits) == 0 {
			return 0
		}
		return g.Hits[0].Score
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if req.Sort == SortRelevance && best(a) != best(b) {
			return best(a) > best(b)
		}
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return a.Label < b.Label
	})
	return groups, nil
}

// group searches one municipality's best hits.
func (l *loaded) group(ctx context.Context, req Request, q Query, anyWord bool, terms map[string]bool, v FacetValue) (Group, error) {
	r := req
	r.Filters = maps.Clone(req.Filters)
	if r.Filters == nil {
		r.Filters = map[string][]string{}
	}
	r.Filters[FacetMunicipality] = []string{v.Value}
	sr := l.hitsRequest(r, translate(r, q, l.analyzeTerms, anyWord, ""), GroupHits, 0)
	br, err := l.idx.SearchInContext(l.scoring(ctx), sr)
	if err != nil {
		return Group{}, fmt.Errorf("search group %s: %w", v.Value, err)
	}
	g := Group{Value: v.Value, Label: v.Label, Total: int(br.Total), Hits: []Hit{}}
	for _, dm := range br.Hits {
		h, err := l.hit(dm, terms)
		if err != nil {
			return Group{}, err
		}
		g.Hits = append(g.Hits, h)
	}
	return g, nil
}

// hitsRequest is a bleve request for a page of hits with what a Hit needs
// besides its record (see records): the term locations for the snippet,
// in the request's order with deterministic ties.
func (l *loaded) hitsRequest(req Request, query bq.Query, size, from int) *bleve.SearchRequest {
	sr := bleve.NewSearchRequestOptions(query, size, from, false)
	sr.IncludeLocations = true
	if req.Sort == SortArticle {
		sr.SortBy([]string{index.FieldOrder, "_id"})
		sr.Score = bleve.ScoreNone // reading order needs no scores
	} else {
		sr.SortBy([]string{"-_score", index.FieldOrder, "_id"})
	}
	return sr
}
