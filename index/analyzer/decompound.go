package analyzer

import (
	"bytes"
	"unicode/utf8"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/index/compound"
	"vanelkaar/index/dutch"
)

// PartPrefix marks the term of a compound's part: "energietransitie" is
// indexed as "energietransit" and, at the same position and offsets, as
// "-energi" and "-transit". The tokenizer never starts a word with a
// hyphen, so a marked term is never a whole word's. Marking the parts
// keeps them apart from whole words: a query matches them with a lower
// weight (a whole-word match ranks above a part match), phrases and the
// vocabulary see only whole words, and a snippet marks the whole compound
// where a part matched, since the part token covers it.
const PartPrefix = "-"

// PartTerm returns the term under which a part with the given (whole
// word) term is indexed.
func PartTerm(term string) string { return PartPrefix + term }

// IsPart reports whether an indexed term is a compound's part.
func IsPart(term []byte) bool { return len(term) > 0 && term[0] == PartPrefix[0] }

// minCompoundRunes is the least length of a word the decompounder looks
// up: a modifier of four letters and a head of three.
const minCompoundRunes = 7

// decompoundFilter follows each compound with its parts (package
// compound), marked with PartPrefix, at the compound's position and
// offsets. Only the index analyzer has it: a query for
// "energietransitie" looks for the whole word, not for every "energie".
// Parts that are stop words are left out.
type decompoundFilter struct{}

func (decompoundFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream // nil until a compound is found
	var a arena
	for i, t := range in {
		var parts []string
		if len(t.Term) >= minCompoundRunes && t.Type == analysis.AlphaNumeric &&
			bytes.IndexByte(t.Term, '-') < 0 && utf8.RuneCount(t.Term) >= minCompoundRunes {
			// Split only reads the string, which does not outlive the call.
			parts = compound.Default().Split(unsafe.String(&t.Term[0], len(t.Term)))
		}
		if len(parts) == 0 {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, i, len(in)+8)
			copy(out, in[:i])
		}
		out = append(out, t)
		for _, p := range parts {
			if dutch.IsStopWord(p) {
				continue
			}
			term := a.alloc(len(PartPrefix) + len(p))
			term = append(term, PartPrefix...)
			term = append(term, p...)
			pt := *t
			pt.Term = term
			out = append(out, &pt)
		}
	}
	if out == nil {
		return in
	}
	return out
}
