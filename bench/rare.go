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
// words of one passage together (each pair once), and a rare word with
// the theme filter of a passage that has it. Words are lower-case in the
// text (no names) and letters only. The choice is deterministic:
// candidates are ordered by passage count and then alphabetically, and
// taken evenly over that order. The mix is empty when the corpus is too
// small to have rare words (rareShare passages or fewer).
func RareQueries(c *corpus.Corpus) []Query {
	r := newRareWords(c)
	var qs []Query
	for _, w := range spread(r.cands, rarePerKind) {
		qs = append(qs, Query{Text: w})
	}
	partner, themeOf := r.companions()
	for _, w := range r.with(partner) {
		qs = append(qs, Query{Text: w + " " + partner[w]})
	}
	for _, w := range r.with(themeOf) {
		qs = append(qs, Query{Text: w, Filters: map[string][]string{facetTheme: {themeOf[w]}}})
	}
	return qs
}

// rareWords are a corpus's passages with their candidate words.
type rareWords struct {
	ps    []*corpus.Passage
	words [][]string     // each passage's distinct candidate words
	df    map[string]int // passages per word
	cands []string       // the rare words, in passage count then alphabetical order
}

func newRareWords(c *corpus.Corpus) *rareWords {
	r := &rareWords{df: map[string]int{}}
	for _, a := range c.Articles {
		r.ps = append(r.ps, a.Passages...)
	}
	r.words = make([][]string, len(r.ps))
	for i, p := range r.ps {
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			first, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLower(first) || utf8.RuneCountInString(w) < rareMinLen || w != strings.ToLower(w) || seen[w] {
				continue
			}
			seen[w] = true
			r.words[i] = append(r.words[i], w)
			r.df[w]++
		}
	}
	for w := range r.df {
		if r.rare(w) {
			r.cands = append(r.cands, w)
		}
	}
	slices.SortFunc(r.cands, func(a, b string) int {
		if r.df[a] != r.df[b] {
			return r.df[a] - r.df[b]
		}
		return strings.Compare(a, b)
	})
	return r
}

func (r *rareWords) rare(w string) bool { return r.df[w]*rareShare < len(r.ps) }

// companions gives each rare word a second rare word of a passage that has
// it, and the first theme of a passage that has it (the introduction of
// an article has none).
func (r *rareWords) companions() (partner, themeOf map[string]string) {
	partner, themeOf = map[string]string{}, map[string]string{}
	for i, ws := range r.words {
		for _, w := range ws {
			if !r.rare(w) {
				continue
			}
			if _, ok := partner[w]; !ok {
				for _, o := range ws {
					if o != w && r.rare(o) {
						partner[w] = o
						break
					}
				}
			}
			if _, ok := themeOf[w]; !ok && len(r.ps[i].Themes) > 0 {
				themeOf[w] = r.ps[i].Themes[0]
			}
		}
	}
	return partner, themeOf
}

// with takes rarePerKind of the candidates that m gives a companion,
// leaving out a pair already listed the other way round.
func (r *rareWords) with(m map[string]string) []string {
	var out []string
	for _, w := range r.cands {
		if o := m[w]; o != "" && !(m[o] == w && slices.Contains(out, o)) {
			out = append(out, w)
		}
	}
	return spread(out, rarePerKind)
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
