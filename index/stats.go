package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/corpus"
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
	s := FieldStats{Documents: len(docs), Fields: map[string]FieldLength{}}
	for _, d := range docs {
		for _, f := range TextFields {
			text, _ := d.Fields[f.Name].(string)
			if text == "" {
				continue
			}
			n := len(an.Analyze([]byte(text)))
			if n == 0 {
				continue
			}
			fl := s.Fields[f.Name]
			fl.Documents++
			fl.Tokens += n
			s.Fields[f.Name] = fl
		}
	}
	return s
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

// storeDerived stores what is computed from the corpus besides the
// documents: the vocabulary and the field statistics.
func storeDerived(idx bleve.Index, c *corpus.Corpus, docs []Document) error {
	an := idx.Mapping().AnalyzerNamed(AnalyzerDutch)
	if an == nil {
		return fmt.Errorf("build index: analyzer %q is not available", AnalyzerDutch)
	}
	if err := storeInternal(idx, internalVocabulary, VocabularyOf(c, an)); err != nil {
		return err
	}
	if err := storeInternal(idx, internalSynonyms, SynonymsOf(c)); err != nil {
		return err
	}
	return storeInternal(idx, internalFieldStats, FieldStatsOf(docs, an))
}
