package analyzer

import (
	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/index/dutch"
)

// stopFilter drops the words of Snowball's Dutch stop word list. Positions
// are kept, so a phrase query still sees the gap a stop word left.
type stopFilter struct{}

// maxStopWordLen is the length in bytes of the longest stop word: longer
// terms need no look-up.
var maxStopWordLen = func() int {
	n := 0
	for _, w := range dutch.StopWords() {
		n = max(n, len(w))
	}
	return n
}()

func (stopFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		if len(t.Term) <= maxStopWordLen && dutch.IsStopWord(string(t.Term)) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// IsStopWord reports whether the analyzer drops word (as written, any
// case) as a function word: a Dutch stop word or an elided one such as
// 't or 's.
func IsStopWord(word string) bool {
	term := normalize(&arena{}, []byte(word))
	return dutch.IsStopWord(string(term)) || isClitic(term)
}
