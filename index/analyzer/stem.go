package analyzer

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/index/dutch"
)

// stemFilter stems each term with the Snowball Dutch stemmer. Of a
// hyphenated word only the last part is stemmed: Dutch inflects a compound
// at its end ("e-mails" becomes "e-mail", "noord-hollandse"
// "noord-hollands").
type stemFilter struct{}

func (stemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = stem(t.Term)
	}
	return in
}

func stem(term []byte) []byte {
	head, last := []byte(nil), term
	if i := bytes.LastIndexByte(term, '-'); i >= 0 {
		head, last = term[:i+1], term[i+1:]
	}
	s := dutch.Stem(string(last), false)
	if s == "" || len(s) == len(last) && string(last) == s {
		return term
	}
	if len(s) < len(last) && string(last[:len(s)]) == s {
		// The stem is the start of the word: no copy needed. The capacity
		// is cut so that nobody appending to the term writes into the
		// input it may share.
		n := len(head) + len(s)
		return term[:n:n]
	}
	out := make([]byte, 0, len(head)+len(s))
	out = append(out, head...)
	return append(out, s...)
}
