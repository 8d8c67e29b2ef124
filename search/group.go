package search

import (
	"context"
	"fmt"
	"maps"
	"sort"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"vanelkaar/index"
)

// GroupHits is the number of hits each group of a grouped result shows.
const GroupHits = 3

// groups answers group=municipality: for each municipality with results
// (only the selected ones when the request selects some), its number of
// results and its best hits, so that peers can be compared side by side.
// Groups come best first: by their best hit's score when ranking by
// relevance, else by their number of results.
func (l *loaded) groups(ctx context.Context, req Request, q Query, anyWord bool, terms map[string]bool, res *Result) ([]Group, error) {
	groups := []Group{}
	best := map[string]float64{}
	for _, v := range res.Facets.Municipality {
		if v.Count == 0 || len(req.Filters[FacetMunicipality]) > 0 && !v.Selected {
			continue
		}
		r := req
		r.Filters = maps.Clone(req.Filters)
		if r.Filters == nil {
			r.Filters = map[string][]string{}
		}
		r.Filters[FacetMunicipality] = []string{v.Value}
		sr := l.hitsRequest(r, translate(r, q, l.analyzeTerms, anyWord, ""), GroupHits, 0)
		br, err := l.idx.SearchInContext(ctx, sr)
		if err != nil {
			return nil, fmt.Errorf("search group %s: %w", v.Value, err)
		}
		g := Group{Value: v.Value, Label: v.Label, Total: int(br.Total), Hits: []Hit{}}
		for _, dm := range br.Hits {
			h, err := l.hit(dm, terms)
			if err != nil {
				return nil, err
			}
			g.Hits = append(g.Hits, h)
		}
		if len(g.Hits) > 0 {
			best[g.Value] = g.Hits[0].Score
		}
		groups = append(groups, g)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if req.Sort == SortRelevance && best[a.Value] != best[b.Value] {
			return best[a.Value] > best[b.Value]
		}
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return a.Label < b.Label
	})
	return groups, nil
}

// hitsRequest is a bleve request for a page of hits with what a Hit needs:
// the stored record and the term locations for the snippet, in the
// request's order with deterministic ties.
func (l *loaded) hitsRequest(req Request, query bq.Query, size, from int) *bleve.SearchRequest {
	sr := bleve.NewSearchRequestOptions(query, size, from, false)
	sr.Fields = []string{index.FieldRecord}
	sr.IncludeLocations = true
	if req.Sort == SortArticle {
		sr.SortBy([]string{index.FieldOrder, "_id"})
	} else {
		sr.SortBy([]string{"-_score", index.FieldOrder, "_id"})
	}
	return sr
}
