package search

import (
	"context"
	"fmt"
	"strings"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// littleHits is the number of results below which a query may get a
// did-you-mean suggestion.
const littleHits = 3

// didYouMean proposes a corrected query when q found little or nothing:
// each word the index does not know is replaced by the closest word of
// the corpus (one edit for words of four to seven letters, two from eight
// on; the most frequent of equally close ones). The correction is offered
// only when it finds more than q did.
func (l *loaded) didYouMean(ctx context.Context, req Request, q query.And, res *Result) (string, error) {
	if res.Total >= littleHits && res.Match != MatchAny {
		return "", nil
	}
	fixed, changed, err := l.correct(ctx, q)
	if err != nil || !changed {
		return "", err
	}
	total, err := l.count(ctx, req.Filters, textFor(req, fixed, l.analyzeTerms, false))
	if err != nil {
		return "", err
	}
	if total == 0 || (res.Match != MatchAny && total <= res.Total) {
		return "", nil
	}
	return fixed.String(), nil
}

// correct returns q with its unknown words corrected, and whether any was.
// Excluded clauses stay as they are (excluding an unknown word does no
// harm), and so do expanded ones (their other spelling is the correction).
// At most maxCorrectedWords unknown words are corrected; past that, words
// stay as typed.
func (l *loaded) correct(ctx context.Context, q query.And) (query.And, bool, error) {
	changed := false
	left := maxCorrectedWords
	var err error
	fix := func(n query.Q) query.Q {
		if err != nil {
			return n
		}
		switch n := n.(type) {
		case query.Term:
			var w string
			var unknown bool
			if w, unknown, err = l.correctWord(ctx, n.Text, &left); unknown && w != "" {
				changed = true
				return query.Term{Text: w}
			}
		case query.Phrase:
			words := strings.Fields(n.Text)
			fixed := false
			for i, w := range words {
				c, unknown, werr := l.correctWord(ctx, w, &left)
				if werr != nil {
					err = werr
					return n
				}
				if unknown && c != "" {
					words[i], fixed = c, true
				}
			}
			if fixed {
				changed = true
				return query.Phrase{Text: strings.Join(words, " ")}
			}
		}
		return n
	}
	out := query.And{Qs: make([]query.Q, len(q.Qs))}
	for i, c := range q.Qs {
		switch c.(type) {
		case query.Not, Expanded:
			out.Qs[i] = c
			continue
		}
		out.Qs[i] = query.Map(c, fix)
	}
	if err != nil {
		return query.And{}, false, err
	}
	return out, changed, nil
}

// correctWord returns the word of the corpus closest to w when the index
// does not know w, counting the correction against left; with none left
// it does nothing.
func (l *loaded) correctWord(ctx context.Context, w string, left *int) (string, bool, error) {
	if *left <= 0 {
		return "", false, nil
	}
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
			*left--
			return l.closestWord(w), true, nil
		}
	}
	return "", false, nil
}

// termIndexed reports whether a text field of the index holds term. The
// answers are remembered (the index does not change), up to
// maxKnownTerms: synonyms and spellings ask about the same terms often.
func (l *loaded) termIndexed(ctx context.Context, term string) (bool, error) {
	if v, ok := l.known.Load(term); ok {
		return v.(bool), nil
	}
	ok, err := l.lookupTerm(ctx, term)
	if err == nil && l.knownCount.Add(1) <= maxKnownTerms {
		l.known.Store(term, ok)
	}
	return ok, err
}

// maxKnownTerms bounds the memory of termIndexed.
const maxKnownTerms = 50000

// lookupTerm reports whether a text field of the index's snapshot holds
// term.
func (l *loaded) lookupTerm(ctx context.Context, term string) (bool, error) {
	for _, f := range index.TextFields {
		tfr, err := l.reader.TermFieldReader(ctx, []byte(term), f.Name, false, false, false)
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
	best, bestDist, compared := -1, limit+1, 0
	for i, cand := range cands {
		// Words whose length is too far off cannot be close; past the
		// budget of comparisons the best so far is the answer.
		if abs(len(cand.runes)-len(key)) > limit {
			continue
		}
		if compared++; compared > maxTypoCandidates {
			break
		}
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
