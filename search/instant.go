package search

import (
	"sort"

	bq "github.com/blevesearch/bleve/v2/search/query"
)

// Instant search: while a user types, the last word is usually unfinished
// ("gemee"), so it also matches the words of the corpus it begins. The
// words come from the vocabulary (written forms with their stems), not
// from the index's stems, because a stem can be shorter than a written
// beginning: "samenwerki" begins "samenwerking", whose stem is
// "samenwerk".
const (
	// maxPrefixTerms bounds the terms an open word expands to: the most
	// frequent ones, so a one-letter beginning costs no more than a long
	// query.
	maxPrefixTerms = 64
	// prefixBoost weighs a completion below the word as typed, so texts
	// with the whole word come first ("data" before "datagebruik").
	prefixBoost = 0.4
)

// completions returns the indexed terms of the corpus's words that begin
// with word, the most frequent first, at most maxPrefixTerms. Words for
// which found is true are left out: the compounds that word is a part of,
// which the word as typed finds already.
func (v *vocabulary) completions(word string, found func(text string) bool) []string {
	key := fold(word)
	if key == "" {
		return nil
	}
	type tc struct {
		term  string
		count int
	}
	byTerm := map[string]int{}
	for _, w := range v.prefixRange(key) {
		if found != nil && found(w.Text) {
			continue
		}
		byTerm[w.Term] += w.Count
	}
	list := make([]tc, 0, len(byTerm))
	for t, n := range byTerm {
		list = append(list, tc{t, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].term < list[j].term
	})
	out := make([]string, 0, min(len(list), maxPrefixTerms))
	for _, x := range list[:min(len(list), maxPrefixTerms)] {
		out = append(out, x.term)
	}
	return out
}

// withCompletions matches a word as typed or any of the terms it begins,
// the completions weighing less.
func withCompletions(whole bq.Query, terms []string) bq.Query {
	if len(terms) == 0 {
		return whole
	}
	prefix := wordsQuery([][]string{terms}, 1, false)
	if b, ok := prefix.(interface{ SetBoost(float64) }); ok {
		b.SetBoost(prefixBoost)
	}
	if whole == nil {
		return prefix
	}
	return bq.NewDisjunctionQuery([]bq.Query{whole, prefix})
}
