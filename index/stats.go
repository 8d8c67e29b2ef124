package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
)

// internalFieldStats is the internal key the field statistics are stored
// under.
const internalFieldStats = "vanelkaar.fieldstats"

// FieldStats are the lengths of the text fields, for BM25's length
// normalisation. bleve estimates a field's average length as its number
// of distinct terms divided by the number of documents: far too short for
// the body (distinct terms grow much slower than text) and shorter still
// for fields only some kinds of documents have (quote text, headings),
// which made every longer or sparser field lose to a four-word person
// description. These are the true averages, over the documents that have
// each field, counted with the index's analyzer at build time.
type FieldStats struct {
	Documents int                    `json:"documents"`
	Fields    map[string]FieldLength `json:"fields"`
}

// FieldLength is how many documents have a field and how many tokens
// they hold in it together.
type FieldLength struct {
	Documents int `json:"documents"`
	Tokens    int `json:"tokens"`
}

// Average returns a field's average length over the documents that have
// it; 0 when none has.
func (s FieldStats) Average(field string) float64 {
	f := s.Fields[field]
	if f.Documents == 0 {
		return 0
	}
	return float64(f.Tokens) / float64(f.Documents)
}

// FieldStatsOf counts the tokens of the documents' text fields with the
// analyzer the index uses.
func FieldStatsOf(docs []Document, an analysis.Analyzer) FieldStats {
	s := newFieldStats()
	for _, d := range docs {
		lengths := d.lengths
		if lengths == nil {
			lengths = tokenLengths(fieldTokens(d.Fields, an, nil))
		}
		s.add(lengths)
	}
	return s
}

func newFieldStats() FieldStats { return FieldStats{Fields: map[string]FieldLength{}} }

// add counts a document whose text fields hold lengths tokens.
func (s *FieldStats) add(lengths map[string]int) {
	s.Documents++
	for name, n := range lengths {
		fl := s.Fields[name]
		fl.Documents++
		fl.Tokens += n
		s.Fields[name] = fl
	}
}

// fieldTokens are the tokens of each non-empty text field of a
// document's fields f: analyzed's, and an's of the others.
func fieldTokens(f map[string]any, an analysis.Analyzer, analyzed map[string]analysis.TokenStream) map[string]analysis.TokenStream {
	out := make(map[string]analysis.TokenStream, len(TextFields))
	for _, tf := range TextFields {
		text, _ := f[tf.Name].(string)
		if text == "" {
			continue
		}
		toks, ok := analyzed[tf.Name]
		if !ok {
			toks = an.Analyze([]byte(text))
		}
		out[tf.Name] = toks
	}
	return out
}

// tokenLengths counts the tokens of each field that has some.
func tokenLengths(tokens map[string]analysis.TokenStream) map[string]int {
	lengths := map[string]int{}
	for name, toks := range tokens {
		if len(toks) > 0 {
			lengths[name] = len(toks)
		}
	}
	return lengths
}

// ReadFieldStats reads the field statistics stored in an index; an index
// built before they were stored has none (ok is false).
func ReadFieldStats(idx bleve.Index) (s FieldStats, ok bool, err error) {
	raw, err := idx.GetInternal([]byte(internalFieldStats))
	if err != nil || raw == nil {
		return s, false, err
	}
	return s, true, readInternal(idx, internalFieldStats, &s)
}
