package analyzer

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// normalizeFilter puts a term in one canonical form: NFC, lower case,
// straight apostrophes, "-" for every hyphen, no format characters (soft
// hyphens) and "ij" for the ligature ĳ. It copies a term only when it
// changes, so the input is never written to.
type normalizeFilter struct{}

func (normalizeFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var a arena
	for _, t := range in {
		t.Term = normalize(&a, t.Term)
	}
	return in
}

// normalize returns b in canonical form, in new memory from a when it
// differs.
func normalize(a *arena, b []byte) []byte {
	ascii, clean := true, true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if ('A' <= c && c <= 'Z') || c == '`' {
			clean = false
		}
	}
	if ascii {
		if clean {
			return b
		}
		out := a.alloc(len(b))
		for _, c := range b {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			out = append(out, c)
		}
		return out
	}
	out := make([]byte, 0, len(b)+4)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		switch {
		case isApostrophe(r):
			out = append(out, '\'')
		case isHyphen(r):
			out = append(out, '-')
		case r == 'ĳ' || r == 'Ĳ':
			out = append(out, 'i', 'j')
		case isFormat(r):
		default:
			out = utf8.AppendRune(out, unicode.ToLower(r))
		}
	}
	if !norm.NFC.IsNormal(out) {
		out = norm.NFC.Bytes(out)
	}
	return out
}
