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
	for _, t := range in {
		t.Term = normalize(t.Term)
	}
	return in
}

func normalize(b []byte) []byte {
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
		out := make([]byte, len(b))
		for i, c := range b {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			out[i] = c
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
		case unicode.Is(unicode.Cf, r):
		default:
			out = utf8.AppendRune(out, unicode.ToLower(r))
		}
	}
	if !norm.NFC.IsNormal(out) {
		out = norm.NFC.Bytes(out)
	}
	return out
}
