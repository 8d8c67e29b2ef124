package search

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	indexapi "github.com/blevesearch/bleve_index_api"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// matches is what one pass over the matches of a request's words finds:
// the number that pass every filter, the disjunctive facet counts and the
// page of best matches.
type matches struct {
	total uint64
	// counts are, per facet of index.Facets and per value number of its
	// column, the matches that have the value and pass every other
	// facet's filter: a facet is counted without its own filter, so that
	// its other values show what selecting them too would add.
	counts [][]int
	// failedOnly are, per facet of index.Facets, the matches that fail
	// that facet's filter and no other: with total, what the search
	// without that filter finds (see relaxations).
	failedOnly []uint64
	// page is the requested page of the matches that pass every filter,
	// best first.
	page []scoredDoc
}

// scoredDoc is a match: its document number and its score with the
// length prior.
type scoredDoc struct {
	doc   uint64
	score float64
}

// collect makes one pass over the matches of text (nil: every document):
// each match that fails no filter counts for the total, for every facet
// and as a candidate for the page; one that fails a single facet's filter
// counts for that facet only. Scores are BM25 with the field boosts and
// the length prior (not computed in reading order). When the filters keep
// few documents or the query needs two words or more, the pass counts
// without scores and the matches that pass every filter are scored after
// it (see scoreEach): scoring is most of a pass's cost, and without scores
// bleve finds the documents of several words from their postings' bitmaps
// instead of stepping through every match of each.
func (l *loaded) collect(ctx context.Context, req Request, text bq.Query) (*matches, error) {
	cols := l.cols
	fs := newFilterSet(cols, req.Filters)
	m := &matches{counts: make([][]int, len(index.Facets)), failedOnly: make([]uint64, len(index.Facets))}
	for i := range m.counts {
		m.counts[i] = make([]int, len(cols.facets[i].values))
	}
	scored := req.Sort != SortArticle
	ties := &idOrder{r: l.reader}
	top := &topDocs{n: req.Page * req.Size, scored: scored, rank: cols.rank, ties: ties}
	add := func(d uint64, score float64) { top.add(scoredDoc{doc: d, score: score * cols.prior[d]}) }
	var passed []uint64
	later := scored && text != nil && (fs.share() <= laterScoringShare || allWords(text))
	walked := text
	if later {
		walked = countingText(text)
	}
	err := l.eachMatch(ctx, walked, scored && !later, func(d uint64, score float64) {
		if m.tally(&fs, d) {
			if later {
				passed = append(passed, d)
			} else {
				add(d, score)
			}
		}
	})
	if err == nil && later {
		err = l.scoreEach(ctx, text, passed, add)
	}
	if err := errors.Join(err, ties.err); err != nil {
		return nil, err
	}
	if all, from := top.best(), (req.Page-1)*req.Size; from < len(all) {
		m.page = all[from:]
	}
	return m, nil
}

// laterScoringShare is the share of the documents that a request's filters
// may keep, at most, for collect to score only what passes them: the pass
// without scores costs about a third of one with them, and scoring a
// match found again costs more than scoring it on the way.
const laterScoringShare = 0.25

// tally counts match d for the total and the facets (see collect), and
// reports whether it passes every filter.
func (m *matches) tally(fs *filterSet, d uint64) bool {
	cols := fs.cols
	switch n, f := fs.failed(d); n {
	case 0:
		m.total++
		for i := range m.counts {
			cols.facets[i].count(d, m.counts[i])
		}
		return true
	case 1:
		m.failedOnly[f]++
		cols.facets[f].count(d, m.counts[f])
	}
	return false
}

// scoreEach calls visit with each of docs, matches of text in increasing
// order, and its score (without the length prior), by advancing scoring
// searchers to each: it scores them as a pass over every match would.
func (l *loaded) scoreEach(ctx context.Context, text bq.Query, docs []uint64, visit func(d uint64, score float64)) error {
	if len(docs) == 0 {
		return nil
	}
	ss, err := l.scorers(ctx, text)
	if err != nil {
		return err
	}
	defer ss.close()
	for i, d := range docs {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		score, ok, err := ss[0].scoreAt(d)
		if err == nil && !ok {
			err = fmt.Errorf("document %d is not a match", d)
		}
		if err != nil {
			return fmt.Errorf("search: score matches: %w", err)
		}
		if len(ss) > 1 {
			extra, _, err := ss[1].scoreAt(d)
			if err != nil {
				return fmt.Errorf("search: score matches: %w", err)
			}
			score += extra
		}
		visit(d, score)
	}
	return nil
}

// scorers returns the searchers whose scores add up to a match's score of
// text. A boolean query is split into its words that must match and those
// that should: bleve's boolean searcher, advanced to a match, walks on to
// the next one at once, which for a few matches far apart is most of the
// postings. The parts get the query norm the boolean searcher would give
// them, and their scores add up as its do; what it excludes does not
// score, and the documents asked about are matches.
func (l *loaded) scorers(ctx context.Context, text bq.Query) (scorerSet, error) {
	parts := []bq.Query{text}
	if b, ok := text.(*bq.BooleanQuery); ok && b.Filter == nil && (b.Must != nil || b.Should != nil) {
		parts = slices.DeleteFunc([]bq.Query{b.Must, b.Should}, func(q bq.Query) bool { return q == nil })
	}
	var ss scorerSet
	weights := 0.0
	for _, q := range parts {
		s, sctx, err := l.searcher(ctx, q, bsearch.SearcherOptions{})
		if err != nil {
			ss.close()
			return nil, err
		}
		ss = append(ss, &postingWalk{s: s, sctx: sctx})
		weights += s.Weight()
	}
	if parts[0] != text {
		for _, p := range ss {
			p.s.SetQueryNorm(1 / math.Sqrt(weights))
		}
	}
	return ss, nil
}

// scorerSet are searchers that score the same documents (see scorers).
type scorerSet []*postingWalk

func (ss scorerSet) close() {
	for _, p := range ss {
		p.s.Close()
	}
}

// count returns the number of matches of text that pass every filter.
// The clauses that only add to the score (side by side words) are left
// out: they find nothing more, and each is a phrase search.
func (l *loaded) count(ctx context.Context, filters map[string][]string, text bq.Query) (uint64, error) {
	fs := newFilterSet(l.cols, filters)
	var n uint64
	err := l.eachMatch(ctx, countingText(text), false, func(d uint64, _ float64) {
		if failed, _ := fs.failed(d); failed == 0 {
			n++
		}
	})
	return n, err
}

// countingText is text without the clauses that only add to the score
// (words side by side): it finds the same documents.
func countingText(text bq.Query) bq.Query {
	if b, ok := text.(*bq.BooleanQuery); ok && b.Should != nil && b.Must != nil {
		if d, ok := b.Should.(*bq.DisjunctionQuery); ok && d.Min == 0 {
			unscored := *b
			unscored.Should = nil
			return &unscored
		}
	}
	return text
}

// allWords reports whether text requires two clauses or more: its
// matches are the documents where their matches meet, often far fewer
// than theirs.
func allWords(text bq.Query) bool {
	b, ok := text.(*bq.BooleanQuery)
	if !ok {
		return false
	}
	c, ok := b.Must.(*bq.ConjunctionQuery)
	return ok && len(c.Conjuncts) > 1
}

// eachMatch calls visit with each match of text (nil: every document,
// scoring 1) and its score, without the length prior (0 unless scored).
func (l *loaded) eachMatch(ctx context.Context, text bq.Query, scored bool, visit func(d uint64, score float64)) error {
	if text == nil {
		score := 0.0
		if scored {
			score = 1
		}
		for d, ok := range l.cols.present {
			if ok {
				visit(uint64(d), score)
			}
		}
		return ctx.Err()
	}
	opts := bsearch.SearcherOptions{}
	if !scored {
		opts.Score = bleve.ScoreNone
	}
	s, sctx, err := l.searcher(ctx, text, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if dm == nil {
			return nil
		}
		visit(dm.IndexInternalID.Value(), dm.Score)
		sctx.DocumentMatchPool.Put(dm)
	}
}

// searcher returns a bleve searcher of q over the loaded snapshot, scoring
// as bleve's own search of the index would.
func (l *loaded) searcher(ctx context.Context, q bq.Query, opts bsearch.SearcherOptions) (bsearch.Searcher, *bsearch.SearchContext, error) {
	// bleve's own search tells its searchers the index's scoring model
	// through the context; a searcher made here must be told too, or it
	// scores with tf-idf instead of BM25.
	model := indexapi.DefaultScoringModel
	if im, ok := l.idx.Mapping().(*mapping.IndexMappingImpl); ok && im.ScoringModel != "" {
		model = im.ScoringModel
	}
	sctxModel := context.WithValue(l.scoring(ctx), bsearch.GetScoringModelCallbackKey,
		bsearch.GetScoringModelCallbackFn(func() string { return model }))
	s, err := q.Searcher(sctxModel, l.reader, l.idx.Mapping(), opts)
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	sctx := &bsearch.SearchContext{
		DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0),
		IndexReader:       l.reader,
	}
	return s, sctx, nil
}

// hitMatches turns matches into bleve's DocumentMatches with their ids and
// the term locations their snippets are cut around: for the page shown
// only, so a search decodes no term vectors for the matches it does not
// show.
func (l *loaded) hitMatches(ctx context.Context, text bq.Query, docs []scoredDoc) ([]*bsearch.DocumentMatch, error) {
	out := make([]*bsearch.DocumentMatch, len(docs))
	nums := make([]uint64, len(docs))
	for i, sd := range docs {
		id, err := l.reader.ExternalID(indexapi.NewIndexInternalID(nil, sd.doc))
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		out[i] = &bsearch.DocumentMatch{ID: id, Score: sd.score}
		nums[i] = sd.doc
	}
	locs, err := l.locations(ctx, text, nums)
	if err != nil {
		return nil, err
	}
	for i, sd := range docs {
		out[i].Locations = locs[sd.doc]
	}
	return out, nil
}

// locations returns the term locations of text's matches in the documents
// docs, by advancing a searcher that keeps term vectors to each of them.
func (l *loaded) locations(ctx context.Context, text bq.Query, docs []uint64) (map[uint64]bsearch.FieldTermLocationMap, error) {
	out := map[uint64]bsearch.FieldTermLocationMap{}
	if text == nil || len(docs) == 0 {
		return out, nil
	}
	// The words that must match have every location the query marks:
	// the words side by side are theirs, excluded words have none. Their
	// searcher, unlike the boolean one, does not walk on to the next match
	// when advanced to one.
	if b, ok := text.(*bq.BooleanQuery); ok && b.Must != nil {
		text = b.Must
	}
	s, sctx, err := l.searcher(ctx, text, bsearch.SearcherOptions{IncludeTermVectors: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var at *bsearch.DocumentMatch
	for _, d := range slices.Compact(slices.Sorted(slices.Values(docs))) {
		if at == nil || at.IndexInternalID.Value() < d {
			if at, err = s.Advance(sctx, indexapi.NewIndexInternalID(nil, d)); err != nil {
				return nil, fmt.Errorf("search: locate matches: %w", err)
			}
			if at == nil {
				break
			}
			at.Complete(nil)
		}
		if at.IndexInternalID.Value() == d {
			out[d] = at.Locations
		}
	}
	return out, nil
}

// filterSet is a request's facet filters over the columns: for each facet
// with selected values, which of its value numbers are selected. Values of
// a facet are OR-ed, facets AND-ed.
type filterSet struct {
	cols   *columns
	facets []int    // the facets (indexes into index.Facets) with a filter
	chosen [][]bool // for each of them, the selected value numbers
}

func newFilterSet(cols *columns, filters map[string][]string) filterSet {
	fs := filterSet{cols: cols}
	for i, f := range index.Facets {
		if len(filters[f.ID]) == 0 {
			continue
		}
		col := &cols.facets[i]
		chosen := make([]bool, len(col.values))
		for _, v := range filters[f.ID] {
			if o, ok := col.ord(v); ok {
				chosen[o] = true
			}
		}
		fs.facets = append(fs.facets, i)
		fs.chosen = append(fs.chosen, chosen)
	}
	return fs
}

// share is the share of the documents that can pass the filters, at
// most: for each filtered facet, the documents of its selected values,
// over every document.
func (fs *filterSet) share() float64 {
	share := 1.0
	n := float64(len(fs.cols.prior))
	for k, i := range fs.facets {
		col := &fs.cols.facets[i]
		docs := 0
		for o, chosen := range fs.chosen[k] {
			if chosen {
				docs += col.docs[o]
			}
		}
		share *= min(1, float64(docs)/max(1, n))
	}
	return share
}

// failed returns how many filters document d fails, counting to two, and
// the facet of the one it fails when that is all.
func (fs *filterSet) failed(d uint64) (n, facet int) {
	facet = -1
	for k, i := range fs.facets {
		if !fs.cols.facets[i].any(d, fs.chosen[k]) {
			if n++; n == 2 {
				return n, -1
			}
			facet = i
		}
	}
	return n, facet
}

// any reports whether document d has one of the chosen values.
func (c *valueColumn) any(d uint64, chosen []bool) bool {
	for _, o := range c.of(d) {
		if chosen[o] {
			return true
		}
	}
	return false
}

// count adds document d's values to counts.
func (c *valueColumn) count(d uint64, counts []int) {
	for _, o := range c.of(d) {
		counts[o]++
	}
}

// topDocs keeps the n best matches seen: by score (unless in reading
// order), then reading order, as hitsRequest sorted them. The heap has
// the worst kept match on top.
type topDocs struct {
	n      int
	scored bool
	rank   []uint32
	ties   *idOrder
	docs   []scoredDoc
}

func (t *topDocs) better(a, b scoredDoc) bool {
	if t.scored && a.score != b.score {
		return a.score > b.score
	}
	if t.rank[a.doc] != t.rank[b.doc] {
		return t.rank[a.doc] < t.rank[b.doc]
	}
	return t.ties.less(a.doc, b.doc)
}

func (t *topDocs) add(sd scoredDoc) {
	if len(t.docs) < t.n {
		heap.Push(t, sd)
	} else if t.n > 0 && t.better(sd, t.docs[0]) {
		t.docs[0] = sd
		heap.Fix(t, 0)
	}
}

// best returns the kept matches, best first.
func (t *topDocs) best() []scoredDoc {
	out := slices.Clone(t.docs)
	slices.SortFunc(out, func(a, b scoredDoc) int {
		if t.better(a, b) {
			return -1
		}
		return 1
	})
	return out
}

func (t *topDocs) Len() int           { return len(t.docs) }
func (t *topDocs) Less(i, j int) bool { return t.better(t.docs[j], t.docs[i]) }
func (t *topDocs) Swap(i, j int)      { t.docs[i], t.docs[j] = t.docs[j], t.docs[i] }
func (t *topDocs) Push(x any)         { t.docs = append(t.docs, x.(scoredDoc)) }
func (t *topDocs) Pop() any {
	x := t.docs[len(t.docs)-1]
	t.docs = t.docs[:len(t.docs)-1]
	return x
}

// textFor is the query of a request's words alone, without the filters
// (collect applies them), or nil when it has none: every document.
func textFor(r Request, q query.And, analyze analyzeFunc, anyWord bool) bq.Query {
	text := textQuery(q, analyze, anyWord, r.prefixTerms)
	if text == nil && len(q.Positive()) > 0 {
		// Every word the user typed is a stop word (see translate).
		return bleve.NewMatchNoneQuery()
	}
	return text
}
