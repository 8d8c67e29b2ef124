package search

import (
	"context"
	"fmt"
	"math/bits"
	"slices"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	indexapi "github.com/blevesearch/bleve_index_api"

	"vanelkaar/search/query"
)

// wordRelaxationCounts returns, per clause of and, the number of documents
// that pass req's filters, match every other word of and and none it
// excludes: what the search without that clause finds. One walk over the
// matches of the words, side by side in document order, gives every
// count; a counting search per word left out walked the other words'
// matches once for each. It returns nil when clauses leave no word out,
// and when the request completes its last word (leaving a word out moves
// the completion to another one: relaxations then counts each search).
func (l *loaded) wordRelaxationCounts(ctx context.Context, req Request, and query.And, clauses []int) ([]uint64, error) {
	if len(req.prefixTerms) > 0 || !slices.ContainsFunc(clauses, func(c int) bool { return c >= 0 }) {
		return nil, nil
	}
	w, err := l.openClauseWalk(ctx, and)
	if err != nil {
		return nil, err
	}
	defer w.close()
	return w.counts(ctx, newFilterSet(l.cols, req.Filters), len(and.Qs))
}

// clauseWalk walks the matches of a search's words side by side.
type clauseWalk struct {
	// words are the walks of the positive clauses that can match, and
	// clause the number of each one's clause; dropped are the positive
	// clauses that match nothing on their own (stop words), which the
	// search leaves out.
	words   []*postingWalk
	clause  []int
	dropped []int
	// not walks what the search excludes; nil when it excludes nothing.
	not *postingWalk
}

// postingWalk is a searcher that counts (no scores) with its place.
type postingWalk struct {
	s    bsearch.Searcher
	sctx *bsearch.SearchContext
	at   *bsearch.DocumentMatch // nil before the first match and after the last
	done bool
}

// openClauseWalk opens the walks of and's clauses.
func (l *loaded) openClauseWalk(ctx context.Context, and query.And) (*clauseWalk, error) {
	w := &clauseWalk{}
	var nots []bq.Query
	for i, c := range and.Qs {
		if n, ok := c.(query.Not); ok {
			if sub := clauseQuery(n.Q, l.analyzeTerms); sub != nil {
				nots = append(nots, sub)
			}
			continue
		}
		sub := clauseQuery(c, l.analyzeTerms)
		if sub == nil {
			w.dropped = append(w.dropped, i)
			continue
		}
		p, err := l.openPostingWalk(ctx, sub)
		if err != nil {
			w.close()
			return nil, err
		}
		w.words, w.clause = append(w.words, p), append(w.clause, i)
		if err := p.next(); err != nil {
			w.close()
			return nil, err
		}
	}
	if len(nots) > 0 {
		p, err := l.openPostingWalk(ctx, bleve.NewDisjunctionQuery(nots...))
		if err != nil {
			w.close()
			return nil, err
		}
		w.not = p
	}
	return w, nil
}

func (l *loaded) openPostingWalk(ctx context.Context, q bq.Query) (*postingWalk, error) {
	s, sctx, err := l.searcher(ctx, q, bsearch.SearcherOptions{Score: bleve.ScoreNone})
	if err != nil {
		return nil, err
	}
	return &postingWalk{s: s, sctx: sctx}, nil
}

func (w *clauseWalk) close() {
	for _, p := range append(slices.Clone(w.words), w.not) {
		if p != nil {
			p.s.Close()
		}
	}
}

// counts walks the documents that match at least one word. A document
// missing no word counts for every search without a word (the search of
// every word found it, so a search of fewer does), one missing a single
// word for the search without that word, when it passes the filters and
// is not excluded. Counts are indexed by clause number, of n clauses.
func (w *clauseWalk) counts(ctx context.Context, fs filterSet, n int) ([]uint64, error) {
	out := make([]uint64, n)
	full := uint64(1)<<len(w.words) - 1
	for step := 0; ; step++ {
		if step%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		d, mask, err := w.nextDoc()
		if err != nil || mask == 0 {
			return out, err
		}
		missing := full &^ mask
		if missing&(missing-1) != 0 {
			continue // two words or more are missing
		}
		if failed, _ := fs.failed(d); failed > 0 {
			continue
		}
		if excluded, err := w.excluded(d); err != nil || excluded {
			if err != nil {
				return nil, err
			}
			continue
		}
		if missing != 0 {
			out[w.clause[bits.TrailingZeros64(missing)]]++
			continue
		}
		for _, c := range w.dropped {
			out[c]++
		}
		// Without the only word that matches, a search finds nothing.
		for i := 0; len(w.words) > 1 && i < len(w.words); i++ {
			out[w.clause[i]]++
		}
	}
}

// nextDoc returns the least document any word's walk is at, and which
// words match it (as bits of their walks), moving those walks on; a mask
// of 0 when every walk is done.
func (w *clauseWalk) nextDoc() (uint64, uint64, error) {
	var d, mask uint64
	for _, p := range w.words {
		if p.at != nil && (mask == 0 || p.at.IndexInternalID.Value() < d) {
			d, mask = p.at.IndexInternalID.Value(), 1
		}
	}
	if mask == 0 {
		return 0, 0, nil
	}
	mask = 0
	for i, p := range w.words {
		if p.at != nil && p.at.IndexInternalID.Value() == d {
			mask |= 1 << i
			if err := p.next(); err != nil {
				return 0, 0, err
			}
		}
	}
	return d, mask, nil
}

// excluded reports whether document d matches an excluded clause; the
// documents asked about must come in increasing order.
func (w *clauseWalk) excluded(d uint64) (bool, error) {
	p := w.not
	if p == nil {
		return false, nil
	}
	_, ok, err := p.scoreAt(d)
	if err != nil {
		return false, fmt.Errorf("search: %w", err)
	}
	return ok, nil
}

// scoreAt moves the walk to document d, unless it is there or past it,
// and returns d's score and whether it is a match.
func (p *postingWalk) scoreAt(d uint64) (float64, bool, error) {
	if !p.done && (p.at == nil || p.at.IndexInternalID.Value() < d) {
		if p.at != nil {
			p.sctx.DocumentMatchPool.Put(p.at)
		}
		var err error
		if p.at, err = p.s.Advance(p.sctx, indexapi.NewIndexInternalID(nil, d)); err != nil {
			return 0, false, err
		}
		p.done = p.at == nil
	}
	if p.at == nil || p.at.IndexInternalID.Value() != d {
		return 0, false, nil
	}
	return p.at.Score, true, nil
}

// next moves the walk to its next match (at becomes nil after the last).
func (p *postingWalk) next() error {
	if p.at != nil {
		p.sctx.DocumentMatchPool.Put(p.at)
	}
	var err error
	if p.at, err = p.s.Next(p.sctx); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	p.done = p.at == nil
	return nil
}
