package analyzer

import "github.com/blevesearch/bleve/v2/analysis"

// elisionFilter handles the apostrophe at the start of a word, after
// normalization made it straight: a clitic on its own ('s, 't, 'n, 'k, 'm,
// 'r, 'ns: des, het, een, ik, hem, er, ons) is a function word and is
// dropped like a stop word; otherwise the apostrophe goes, so that
// "'s-hertogenbosch" is indexed as "s-hertogenbosch", the form people type
// when they leave it out, and "'80" as "80".
type elisionFilter struct{}

func (elisionFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		if len(t.Term) > 0 && t.Term[0] == '\'' {
			// A lone apostrophe cannot come from the tokenizer, which
			// starts a word at one only before a clitic or a number; the
			// check keeps an empty term out all the same.
			if isClitic(t.Term) || len(t.Term) == 1 {
				continue
			}
			t.Term = t.Term[1:]
		}
		out = append(out, t)
	}
	return out
}

// isClitic reports whether a normalized term is an elided function word.
func isClitic(term []byte) bool {
	switch string(term) {
	case "'s", "'t", "'n", "'k", "'m", "'r", "'ns":
		return true
	}
	return false
}
