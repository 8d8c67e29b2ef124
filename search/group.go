package search

import (
	"context"
	"errors"
	"slices"
	"sort"

	bq "github.com/blevesearch/bleve/v2/search/query"

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
// One pass over the matches keeps each value's best hits (see topPer);
// term locations are then found for those few only, for their snippets.
func (l *loaded) groups(ctx context.Context, req Request, q query.And, anyWord bool, terms map[string]bool, res *Result) ([]Group, error) {
	col := &l.cols.facets[slices.IndexFunc(index.Facets, func(f Facet) bool { return f.ID == FacetMunicipality })]
	var values []FacetValue
	if req.Group == GroupArticle {
		col = &l.cols.article
	} else if values = municipalityValues(req, res); len(values) == 0 {
		return []Group{}, nil
	}
	var wanted []bool // nil: every value
	if values != nil {
		wanted = make([]bool, len(col.values))
		for _, v := range values {
			if o, ok := col.ord(v.Value); ok {
				wanted[o] = true
			}
		}
	}
	text := textFor(req, q, l.analyzeTerms, anyWord)
	top, counts, err := l.topPer(ctx, req, text, col, wanted)
	if err != nil {
		return nil, err
	}
	if req.Group == GroupArticle {
		values = articleValues(col, top, counts)
	}
	groups, err := l.groupHits(ctx, text, col, values, top, terms)
	if err != nil {
		return nil, err
	}
	l.sortGroups(groups, req, col, top)
	return groups, nil
}

// municipalityValues are the groups of group=municipality: the
// municipalities with results (the selected ones, when some are), most
// results first, at most MaxGroups.
func municipalityValues(req Request, res *Result) []FacetValue {
	var values []FacetValue
	for _, v := range res.Facets[FacetMunicipality] {
		if v.Count > 0 && (len(req.Filters[FacetMunicipality]) == 0 || v.Selected) {
			values = append(values, v)
		}
	}
	// The facet lists values most results first; equal counts keep the
	// labels' order.
	return values[:min(len(values), MaxGroups)]
}

// groupHits makes each group's hits, locating each document's matches
// once even when it leads several groups.
func (l *loaded) groupHits(ctx context.Context, text bq.Query, col *valueColumn, values []FacetValue, top []*topDocs, terms map[string]bool) ([]Group, error) {
	var docs []scoredDoc
	for _, v := range values {
		docs = append(docs, l.groupTop(col, top, v.Value)...)
	}
	slices.SortFunc(docs, func(a, b scoredDoc) int { return int(a.doc) - int(b.doc) })
	docs = slices.CompactFunc(docs, func(a, b scoredDoc) bool { return a.doc == b.doc })
	hits, err := l.pageHits(ctx, text, docs, terms)
	if err != nil {
		return nil, err
	}
	byDoc := map[uint64]Hit{}
	for i, sd := range docs {
		byDoc[sd.doc] = hits[i]
	}
	groups := make([]Group, 0, len(values))
	for _, v := range values {
		g := Group{Value: v.Value, Label: v.Label, Total: v.Count, Hits: []Hit{}}
		for _, sd := range l.groupTop(col, top, v.Value) {
			h := byDoc[sd.doc]
			g.Hits = append(g.Hits, h)
			if g.Label == "" && h.Article != nil {
				g.Label = h.Article.Title
			}
		}
		groups = append(groups, g)
	}
	return groups, nil
}

// groupTop returns a value's best matches, best first.
func (l *loaded) groupTop(col *valueColumn, top []*topDocs, value string) []scoredDoc {
	if o, ok := col.ord(value); ok && top[o] != nil {
		return top[o].best()
	}
	return nil
}

// sortGroups puts the best groups first: by their best hit's score when
// ranking by relevance, then articles in reading order and municipalities
// by their number of results.
func (l *loaded) sortGroups(groups []Group, req Request, col *valueColumn, top []*topDocs) {
	first := func(g Group) uint32 {
		if best := l.groupTop(col, top, g.Value); len(best) > 0 {
			return l.cols.rank[best[0].doc]
		}
		return 0
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
}

// articleValues are the groups of group=article: the articles with the
// most results, at most MaxGroups; their labels come from their hits.
func articleValues(col *valueColumn, top []*topDocs, counts []int) []FacetValue {
	var values []FacetValue
	first := map[string]uint32{}
	for o, t := range top {
		if t != nil {
			values = append(values, FacetValue{Value: col.values[o], Count: counts[o]})
			first[col.values[o]] = t.rank[t.best()[0].doc]
		}
	}
	sort.Slice(values, func(i, j int) bool {
		if values[i].Count != values[j].Count {
			return values[i].Count > values[j].Count
		}
		return first[values[i].Value] < first[values[j].Value]
	})
	return values[:min(len(values), MaxGroups)]
}

// topPer makes one pass over the matches of text that pass every filter
// and keeps, for each wanted value of col (every value when wanted is
// nil), its GroupHits best matches and its number of matches: a
// collector of our own, since bleve's keeps one ranking only.
func (l *loaded) topPer(ctx context.Context, req Request, text bq.Query, col *valueColumn, wanted []bool) ([]*topDocs, []int, error) {
	fs := newFilterSet(l.cols, req.Filters)
	scored := req.Sort != SortArticle
	top := make([]*topDocs, len(col.values))
	counts := make([]int, len(col.values))
	ties := &idOrder{r: l.reader}
	err := l.eachMatch(ctx, text, scored, func(d uint64, score float64) {
		if n, _ := fs.failed(d); n > 0 {
			return
		}
		for _, o := range col.of(d) {
			if wanted != nil && !wanted[o] {
				continue
			}
			if top[o] == nil {
				top[o] = &topDocs{n: GroupHits, scored: scored, rank: l.cols.rank, ties: ties}
			}
			// The same length prior as the hits', so a group ranks its
			// hits as a filtered search would.
			top[o].add(scoredDoc{doc: d, score: score * l.cols.prior[d]})
			counts[o]++
		}
	})
	return top, counts, errors.Join(err, ties.err)
}
