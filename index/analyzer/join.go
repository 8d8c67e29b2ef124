package analyzer

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// joinFilter follows each hyphenated word with the same word written
// without its hyphens, at the same position and offsets, so that the
// hyphenated and the joined spelling meet: "start-ups" is also indexed
// (and searched) as "startups", "e-mail" as "email", "co-creatie" as
// "cocreatie". Words of digits only ("2019-2020") are ranges, not
// spellings, and are left alone, as are place names after the elided
// "'s-" ("'s-Hertogenbosch").
type joinFilter struct{}

func (joinFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	return withVariants(in, joined)
}

// joined returns a normalized term without its hyphens, or nil when it has
// none or no letters.
func joined(term []byte) []byte {
	if bytes.IndexByte(term, '-') < 0 || bytes.HasPrefix(term, []byte("s-")) {
		// "s-hertogenbosch" is the elided "'s-Hertogenbosch", not a
		// spelling of "shertogenbosch".
		return nil
	}
	letters := false
	for i := 0; i < len(term); {
		r, n := utf8.DecodeRune(term[i:])
		if unicode.IsLetter(r) {
			letters = true
			break
		}
		i += n
	}
	if !letters {
		return nil
	}
	out := make([]byte, 0, len(term))
	for _, c := range term {
		if c != '-' {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
