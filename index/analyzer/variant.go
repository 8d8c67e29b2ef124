package analyzer

import "github.com/blevesearch/bleve/v2/analysis"

// withVariants returns the stream with, after each token that has one, a
// token at the same position whose term is variant(term); variant returns
// nil for a term without one. A stream without variants is returned as it
// is, uncopied.
func withVariants(in analysis.TokenStream, variant func(term []byte) []byte) analysis.TokenStream {
	var out analysis.TokenStream // nil until a variant is needed
	for i, t := range in {
		term := variant(t.Term)
		if term == nil {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, i, len(in)+4)
			copy(out, in[:i])
		}
		v := *t
		v.Term = term
		out = append(out, t, &v)
	}
	if out == nil {
		return in
	}
	return out
}
