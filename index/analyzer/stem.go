package analyzer

import (
	"bytes"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/index/dutch"
)

// stemFilter stems each term with the Snowball Dutch stemmer, an
// irregular form as its base word (dutch.Irregular: "schreef" as
// "schrijven", "beter" as "goed"). Of a
// hyphenated word only the last part is stemmed: Dutch inflects a compound
// at its end ("e-mails" becomes "e-mail", "noord-hollandse"
// "noord-hollands").
type stemFilter struct {
	plain bool // Snowball alone, without the exceptions (for benchmarks)
}

func (f stemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var a arena
	for _, t := range in {
		t.Term = stem(&a, t.Term, !f.plain)
	}
	return in
}

// stem returns the stemmed term: a prefix of term, or new memory from a.
// With exceptions, irregular forms and the -e and -t the stemmer keeps
// are handled too.
func stem(a *arena, term []byte, exceptions bool) []byte {
	head, last := []byte(nil), term
	if i := bytes.LastIndexByte(term, '-'); i >= 0 {
		head, last = term[:i+1], term[i+1:]
	}
	if len(last) == 0 {
		return term
	}
	// Stem reads its argument and may return a part of it, which is only
	// compared and copied here before last is used again; nothing writes
	// to the term's bytes meanwhile, so a string sharing them is safe and
	// saves a copy per word.
	word := unsafe.String(&last[0], len(last))
	var s string
	if exceptions {
		if base := dutch.Irregular(word); base != "" {
			// An irregular form is stemmed as its base word: "schreef"
			// as "schrijven" (package dutch's exception table).
			word = base
		}
		s = dutch.PresentT(dutch.AdjectiveBase(dutch.Stem(word, false)))
	} else {
		s = dutch.Stem(word, false)
	}
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
	out := a.alloc(len(head) + len(s))
	out = append(out, head...)
	return append(out, s...)
}
