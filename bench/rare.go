package bench

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"vanelkaar/corpus"
)

// Shape of the rare-word query mix.
const (
	rareShare   = 1000 // a rare word is in fewer than 1/rareShare of the passages
	rareMinLen  = 5    // shorter words are too often function words or parts of names
	rarePerKind = 10   // queries of each kind: word, two words, word with a filter
)

// RareQueries derives a query mix of rare words from a corpus: words in
// fewer than 0.1% of its passages (at least one), each alone, two rare
// words of one passage together, and a rare word with the theme filter of
// a passage that has it. Words are lower-case in the text (no names) and
// letters only. The choice is deterministic: candidates are ordered by
// passage count and then alphabetically, and taken evenly over that
// order. The mix is empty when the corpus is too small to have rare words
// (fewer than rareShare passages).
func RareQueries(c *corpus.Corpus) []Query {
	var ps []*corpus.Passage
	for _, a := range c.Articles {
		ps = append(ps, a.Passages...)
	}
	df := map[string]int{}
	words := make([][]string, len(ps)) // each passage's distinct candidate words
	for i, p := range ps {
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLower(r) || utf8.RuneCountInString(w) < rareMinLen || w != strings.ToLower(w) || seen[w] {
				continue
			}
			seen[w] = true
			words[i] = append(words[i], w)
			df[w]++
		}
	}
	rare := func(w string) bool { return df[w]*rareShare < len(ps) }
	var cands []string
	for w := range df {
		if rare(w) {
			cands = append(cands, w)
		}
	}
	slices.SortFunc(cands, func(a, b string) int {
		if df[a] != df[b] {
			return df[a] - df[b]
		}
		return strings.Compare(a, b)
	})
	picked := spread(cands, rarePerKind)
	var qs []Query
	for _, w := range picked {
		qs = append(qs, Query{Text: w})
	}
	// For each candidate: a second rare word of a passage that has it, and
	// the first theme of a passage that has it (the introduction of an
	// article has none).
	partner, themeOf := map[string]string{}, map[string]string{}
	for i, ws := range words {
		for _, w := range ws {
			if !rare(w) {
				continue
			}
			if _, ok := partner[w]; !ok {
				for _, o := range ws {
					if o != w && rare(o) {
						partner[w] = o
						break
					}
				}
			}
			if _, ok := themeOf[w]; !ok && len(ps[i].Themes) > 0 {
				themeOf[w] = ps[i].Themes[0]
			}
		}
	}
	with := func(m map[string]string) []string {
		var out []string
		for _, w := range cands {
			if m[w] != "" {
				out = append(out, w)
			}
		}
		return spread(out, rarePerKind)
	}
	for _, w := range with(partner) {
		qs = append(qs, Query{Text: w + " " + partner[w]})
	}
	for _, w := range with(themeOf) {
		qs = append(qs, Query{Text: w, Filters: map[string][]string{facetTheme: {themeOf[w]}}})
	}
	return qs
}

// spread takes n entries evenly over list (all when there are fewer).
func spread(list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	out := make([]string, n)
	for i := range n {
		out[i] = list[i*len(list)/n]
	}
	return out
}
