package search

import (
	"context"
	"math"
	"strconv"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"vanelkaar/index"
)

// readFieldStats prepares BM25's statistics from the field lengths the
// index stores: the number of documents, and for each text field the
// figure from which bleve computes its average length (see
// index.FieldStats for why bleve's own estimate will not do).
func (l *loaded) readFieldStats() error {
	st, ok, err := index.ReadFieldStats(l.idx)
	if err != nil || !ok {
		return err
	}
	n, err := l.idx.DocCount()
	if err != nil {
		return err
	}
	stats := &bsearch.BM25Stats{DocCount: float64(n), FieldCardinality: map[string]int{}}
	for _, f := range index.TextFields {
		// At least 1, so that a field no document has still scores.
		stats.FieldCardinality[f.Name] = max(1, int(math.Round(st.Average(f.Name)*float64(n))))
	}
	// Keyword fields (the filters) hold one term per value; bleve asks for
	// their figure too, and for "*" when a query's filter clause matches
	// all documents first.
	for _, f := range append([]string{"*"}, index.KeywordFields()...) {
		stats.FieldCardinality[f] = int(n)
	}
	l.bm25 = stats
	return nil
}

// scoring returns ctx carrying the index's BM25 statistics, for every
// search that ranks (bleve then wants them for every field it touches, so
// searches that only count go without).
func (l *loaded) scoring(ctx context.Context) context.Context {
	if l.bm25 == nil {
		return ctx
	}
	return context.WithValue(ctx, bsearch.BM25StatsKey, l.bm25)
}

// lengthPriorFloor is the factor for a text of one word; it rises linearly
// to 1 at index.LengthCap words.
const lengthPriorFloor = 0.5

// The length prior weighs each match's score by the length of its text.
// BM25's length normalisation favours very short texts: in the series,
// the list of interviewees ("Albert Engels, Procesmanager Bouw, Gemeente
// Rotterdam") outranked every paragraph about gemeenten. A text of a few
// words says little about the query's subject, so it keeps at least half
// its score and reaches its full score at index.LengthCap words. The
// search's pass applies it from the columns (see collect).

// lengthFactor is the prior of a FieldWords doc value; an index built
// without the field ("") ranks as before.
func lengthFactor(words string) float64 {
	n, err := strconv.Atoi(words)
	if err != nil || n >= index.LengthCap {
		return 1
	}
	return lengthPriorFloor + (1-lengthPriorFloor)*float64(max(n, 1))/index.LengthCap
}
