package search

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	indexapi "github.com/blevesearch/bleve_index_api"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// GroupHits is the number of hits each group of a grouped result shows.
const GroupHits = 3

// MaxGroups is the most groups a result has: the municipalities with the
// most results. A user who wants others side by side selects them.
const MaxGroups = 10

// groups answers group=municipality and group=article: for each
// municipality (or article) with results (only the selected
// municipalities when the request selects some; at most MaxGroups), its
// number of results and its best hits, so that peers can be compared side
// by side. Groups come best first: by their best hit's score when ranking
// by relevance, else by their number of results (articles: in reading
// order).
//
// One pass over the matches keeps each value's best hits (see topPer),
// and one more search fetches the term locations of those few for their
// snippets: a search per group would cost as many full searches as there
// are groups.
func (l *loaded) groups(ctx context.Context, req Request, q query.And, anyWord bool, terms map[string]bool, res *Result) ([]Group, error) {
	field := index.FieldMunicipality
	var values []FacetValue
	if req.Group == GroupArticle {
		field = index.FieldArticle
	} else {
		for _, v := range res.Facets[FacetMunicipality] {
			if v.Count > 0 && (len(req.Filters[FacetMunicipality]) == 0 || v.Selected) {
				values = append(values, v)
			}
		}
		// The facet lists values most results first; equal counts keep
		// the labels' order.
		values = values[:min(len(values), MaxGroups)]
		if len(values) == 0 {
			return []Group{}, nil
		}
	}
	textAndFilters := translate(req, q, l.analyzeTerms, anyWord, "")
	var wanted map[string]bool // nil: every value
	if values != nil {
		wanted = map[string]bool{}
		for _, v := range values {
			wanted[v.Value] = true
		}
	}
	top, counts, err := l.topPer(ctx, textAndFilters, field, wanted, req.Sort == SortArticle)
	if err != nil {
		return nil, err
	}
	if req.Group == GroupArticle {
		values = articleValues(top, counts)
	}
	var ids []string
	for _, cands := range top {
		for _, c := range cands {
			ids = append(ids, c.id)
		}
	}
	// One document may lead several groups: locate it once.
	matches := map[string]*bsearch.DocumentMatch{}
	var dms []*bsearch.DocumentMatch
	for _, id := range ids {
		if matches[id] == nil {
			matches[id] = &bsearch.DocumentMatch{ID: id}
			dms = append(dms, matches[id])
		}
	}
	if err := l.locate(ctx, textAndFilters, dms); err != nil {
		return nil, err
	}
	groups := make([]Group, 0, len(values))
	for _, v := range values {
		g := Group{Value: v.Value, Label: v.Label, Total: v.Count, Hits: []Hit{}}
		for _, c := range top[v.Value] {
			dm := *matches[c.id]
			dm.Score = c.score
			h, err := l.hit(&dm, terms)
			if err != nil {
				return nil, err
			}
			g.Hits = append(g.Hits, h)
			if g.Label == "" && h.Article != nil {
				g.Label = h.Article.Title
			}
		}
		groups = append(groups, g)
	}
	first := func(g Group) string {
		if c := top[g.Value]; len(c) > 0 {
			return c[0].order
		}
		return ""
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
		if req.Group == GroupArticle {
			return first(a) < first(b)
		}
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return a.Label < b.Label
	})
	return groups, nil
}

// candidate is a document kept as one of a municipality's best.
type candidate struct {
	id    string
	score float64
	order string
}

// better orders candidates as results are ordered: by score (unless in
// reading order), then reading order, then id.
func (c candidate) better(d candidate, readingOrder bool) bool {
	if !readingOrder && c.score != d.score {
		return c.score > d.score
	}
	if c.order != d.order {
		return c.order < d.order
	}
	return c.id < d.id
}

// articleValues are the groups of group=article: the articles with the
// most results, at most MaxGroups; their labels come from their hits.
func articleValues(top map[string][]candidate, counts map[string]int) []FacetValue {
	var values []FacetValue
	for v := range top {
		values = append(values, FacetValue{Value: v, Count: counts[v]})
	}
	sort.Slice(values, func(i, j int) bool {
		if values[i].Count != values[j].Count {
			return values[i].Count > values[j].Count
		}
		return top[values[i].Value][0].order < top[values[j].Value][0].order
	})
	return values[:min(len(values), MaxGroups)]
}

// topPer runs query once over the whole index and keeps, for each wanted
// value of field (every value when wanted is nil), its GroupHits best
// matches and its number of matches: a collector of our own, since
// bleve's keeps one ranking only.
func (l *loaded) topPer(ctx context.Context, query bq.Query, field string, wanted map[string]bool, readingOrder bool) (map[string][]candidate, map[string]int, error) {
	adv, err := l.idx.Advanced()
	if err != nil {
		return nil, nil, fmt.Errorf("search groups: %w", err)
	}
	reader, err := adv.Reader()
	if err != nil {
		return nil, nil, fmt.Errorf("search groups: %w", err)
	}
	defer reader.Close()
	opts := bsearch.SearcherOptions{}
	if readingOrder {
		opts.Score = bleve.ScoreNone
	}
	// bleve's own search tells its searchers the index's scoring model
	// through the context; a searcher made here must be told too, or it
	// scores with tf-idf instead of BM25 and a group ranks its hits
	// otherwise than a filtered search.
	model := indexapi.DefaultScoringModel
	if im, ok := l.idx.Mapping().(*mapping.IndexMappingImpl); ok && im.ScoringModel != "" {
		model = im.ScoringModel
	}
	sctxModel := context.WithValue(l.scoring(ctx), bsearch.GetScoringModelCallbackKey,
		bsearch.GetScoringModelCallbackFn(func() string { return model }))
	searcher, err := query.Searcher(sctxModel, reader, l.idx.Mapping(), opts)
	if err != nil {
		return nil, nil, fmt.Errorf("search groups: %w", err)
	}
	defer searcher.Close()
	dvr, err := reader.DocValueReader([]string{field, index.FieldOrder, index.FieldWords})
	if err != nil {
		return nil, nil, fmt.Errorf("search groups: %w", err)
	}
	sctx := &bsearch.SearchContext{
		DocumentMatchPool: bsearch.NewDocumentMatchPool(searcher.DocumentMatchPoolSize(), 0),
		IndexReader:       reader,
	}
	top := map[string][]candidate{}
	counts := map[string]int{}
	var munis []string
	var order, words string
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		dm, err := searcher.Next(sctx)
		if err != nil {
			return nil, nil, fmt.Errorf("search groups: %w", err)
		}
		if dm == nil {
			break
		}
		munis, order, words = munis[:0], "", ""
		err = dvr.VisitDocValues(dm.IndexInternalID, func(name string, term []byte) {
			switch name {
			case field:
				if wanted == nil || wanted[string(term)] {
					munis = append(munis, string(term))
				}
			case index.FieldOrder:
				order = string(term)
			case index.FieldWords:
				words = string(term)
			}
		})
		if err != nil {
			return nil, nil, fmt.Errorf("search groups: %w", err)
		}
		if len(munis) > 0 {
			id, err := reader.ExternalID(dm.IndexInternalID)
			if err != nil {
				return nil, nil, fmt.Errorf("search groups: %w", err)
			}
			// The same length prior as hitsRequest's, so a group ranks
			// its hits as a filtered search would.
			c := candidate{id: id, score: dm.Score * lengthFactor(words), order: order}
			for _, m := range munis {
				top[m] = keepBest(top[m], c, readingOrder)
				counts[m]++
			}
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	return top, counts, nil
}

// keepBest adds c to the best GroupHits candidates, kept in order.
func keepBest(cands []candidate, c candidate, readingOrder bool) []candidate {
	i := sort.Search(len(cands), func(i int) bool { return c.better(cands[i], readingOrder) })
	if i >= GroupHits {
		return cands
	}
	cands = slices.Insert(cands, i, c)
	return cands[:min(len(cands), GroupHits)]
}

// hitsRequest is a bleve request for a page of hits in the request's
// order, with deterministic ties.
func (l *loaded) hitsRequest(req Request, query bq.Query, size, from int) *bleve.SearchRequest {
	if req.Sort == SortArticle {
		sr := bleve.NewSearchRequestOptions(query, size, from, false)
		sr.SortBy([]string{index.FieldOrder, "_id"})
		sr.Score = bleve.ScoreNone // reading order needs no scores
		return sr
	}
	sr := bleve.NewSearchRequestOptions(withLengthPrior(query), size, from, false)
	sr.SortBy([]string{"-_score", index.FieldOrder, "_id"})
	return sr
}

// locate fills in the term locations of hits, which their snippets are
// cut around, with a search for query restricted to their ids: for hits
// found by a pass of our own rather than a bleve request.
func (l *loaded) locate(ctx context.Context, query bq.Query, hits []*bsearch.DocumentMatch) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, dm := range hits {
		ids[i] = dm.ID
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(query, bleve.NewDocIDQuery(ids)), len(ids), 0, false)
	sr.IncludeLocations = true
	br, err := l.idx.SearchInContext(l.scoring(ctx), sr)
	if err != nil {
		return fmt.Errorf("search: locate matches: %w", err)
	}
	locs := make(map[string]bsearch.FieldTermLocationMap, len(br.Hits))
	for _, dm := range br.Hits {
		locs[dm.ID] = dm.Locations
	}
	for _, dm := range hits {
		dm.Locations = locs[dm.ID]
	}
	return nil
}
