package search

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"vanelkaar/index"
)

// littleHits is the number of results below which a query may get a
// did-you-mean suggestion.
const littleHits = 3

// didYouMean proposes a corrected query when q found little or nothing:
// each word the index does not know is replaced by the closest word of
// the corpus (one edit for words of four to seven letters, two from eight
// on; the most frequent of equally close ones). The correction is offered
// only when it finds more than q did.
func (l *loaded) didYouMean(ctx context.Context, req Request, q Query, res *Result) (string, error) {
	if res.Total >= littleHits && res.Match != MatchAny {
		return "", nil
	}
	fixed, changed, err := l.correct(ctx, q)
	if err != nil || !changed {
		return "", err
	}
	sr := bleve.NewSearchRequestOptions(translate(req, fixed, l.analyzeTerms, false, ""), 0, 0, false)
	sr.Score = bleve.ScoreNone // counting only
	br, err := l.idx.SearchInContext(ctx, sr)
	if err != nil {
		return "", err
	}
	if br.Total == 0 || (res.Match != MatchAny && br.Total <= res.Total) {
		return "", nil
	}
	return fixed.String(), nil
}

// correctAll corrects each of qs.
func (l *loaded) correctAll(ctx context.Context, qs []Query) ([]Query, bool, error) {
	out, changed := make([]Query, 0, len(qs)), false
	for _, c := range qs {
		f, ch, err := l.correct(ctx, c)
		if err != nil {
			return nil, false, err
		}
		out = append(out, f)
		changed = changed || ch
	}
	return out, changed, nil
}

// correct returns q with its unknown words corrected, and whether any was.
func (l *loaded) correct(ctx context.Context, q Query) (Query, bool, error) {
	switch q := q.(type) {
	case And:
		qs, changed, err := l.correctAll(ctx, q.Qs)
		return And{Qs: qs}, changed, err
	case Or:
		qs, changed, err := l.correctAll(ctx, q.Qs)
		return Or{Qs: qs}, changed, err
	case Not:
		return q, false, nil // excluding an unknown word does no harm
	case Term:
		w, unknown, err := l.correctWord(ctx, q.Text)
		if err != nil || !unknown || w == "" {
			return q, false, err
		}
		return Term{Text: w}, true, nil
	case Phrase:
		words := strings.Fields(q.Text)
		changed := false
		for i, w := range words {
			c, unknown, err := l.correctWord(ctx, w)
			if err != nil {
				return nil, false, err
			}
			if unknown && c != "" {
				words[i], changed = c, true
			}
		}
		if changed {
			return Phrase{Text: strings.Join(words, " ")}, true, nil
		}
	}
	return q, false, nil
}

// correctWord returns the word of the corpus closest to w when the index
// does not know w.
func (l *loaded) correctWord(ctx context.Context, w string) (string, bool, error) {
	// Known means some term of each of the word's positions is indexed;
	// a stop word has no terms and is known too.
	for _, group := range l.analyzeTerms(w) {
		known := false
		for _, t := range group {
			ok, err := l.termIndexed(ctx, t)
			if err != nil {
				return "", false, err
			}
			if ok {
				known = true
				break
			}
		}
		if !known {
			return l.closestWord(w), true, nil
		}
	}
	return "", false, nil
}

// termIndexed reports whether a text field of the index holds term.
func (l *loaded) termIndexed(ctx context.Context, term string) (bool, error) {
	adv, err := l.idx.Advanced()
	if err != nil {
		return false, fmt.Errorf("did you mean: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return false, fmt.Errorf("did you mean: %w", err)
	}
	defer r.Close()
	for _, f := range index.TextFields {
		tfr, err := r.TermFieldReader(ctx, []byte(term), f.Name, false, false, false)
		if err != nil {
			return false, fmt.Errorf("did you mean: term %q: %w", term, err)
		}
		n := tfr.Count()
		tfr.Close()
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// closestWord returns the word of the corpus closest to w, or "" when none
// is close enough.
func (l *loaded) closestWord(w string) string {
	key := []rune(fold(w))
	if len(key) < 4 {
		return ""
	}
	limit := 1
	if len(key) >= 8 {
		limit = 2
	}
	// Typos rarely hit the first letter: only words that start with it
	// are candidates, which keeps the scan short.
	cands := l.vocab.prefixRange(string(key[0]))
	best, bestDist := -1, limit+1
	for i, cand := range cands {
		d := editDistance(key, cand.runes, limit, false)
		if d < bestDist || d == bestDist && d <= limit && cand.Count > cands[best].Count {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return ""
	}
	return cands[best].Text
}
