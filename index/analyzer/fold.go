package analyzer

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// accentVariantFilter follows each term that has diacritics with the same
// term without them, at the same position and offsets. The stemmer then
// sees both spellings: "financiële" stems to "financieel", its variant
// "financiele" to "financiel", which is what the unaccented spelling
// stems to.
type accentVariantFilter struct{}

func (accentVariantFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	return withVariants(in, func(term []byte) []byte {
		if f := fold(term); !bytes.Equal(f, term) {
			return f
		}
		return nil
	})
}

// foldFilter removes diacritics from the (stemmed) terms and drops a term
// that repeats the one before it at the same place, as a term and its
// accent variant often stem and fold to the same thing.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	var prev *analysis.Token
	for _, t := range in {
		t.Term = fold(t.Term)
		if prev != nil && prev.Position == t.Position && prev.Start == t.Start &&
			prev.End == t.End && bytes.Equal(prev.Term, t.Term) {
			continue
		}
		out = append(out, t)
		prev = t
	}
	return out
}

// fold returns b without diacritics: decomposed, combining marks dropped,
// and the few letters that do not decompose (ø, æ, œ, ß, ł, đ) spelled
// out. An ASCII term is returned as it is.
func fold(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	if i == len(b) {
		return b
	}
	d := norm.NFD.Bytes(b)
	out := make([]byte, 0, len(d))
	ascii := true
	for j := 0; j < len(d); {
		r, n := utf8.DecodeRune(d[j:])
		j += n
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ø':
			out = append(out, 'o')
		case 'æ':
			out = append(out, 'a', 'e')
		case 'œ':
			out = append(out, 'o', 'e')
		case 'ß':
			out = append(out, 's', 's')
		case 'ł':
			out = append(out, 'l')
		case 'đ':
			out = append(out, 'd')
		default:
			if r >= utf8.RuneSelf {
				ascii = false
			}
			out = utf8.AppendRune(out, r)
		}
	}
	if !ascii && !norm.NFC.IsNormal(out) {
		// Put back together what decomposition split but no mark
		// removal touched, such as Hangul syllables.
		out = norm.NFC.Bytes(out)
	}
	return out
}
