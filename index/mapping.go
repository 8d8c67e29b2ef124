package index

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/mapping"
	indexapi "github.com/blevesearch/bleve_index_api"
)

// AnalyzerDutch is the analyzer of every Dutch text field, at index and at
// query time.
const AnalyzerDutch = nl.AnalyzerName

// NewMapping returns the index mapping: every field mapped explicitly,
// dynamic mapping off, BM25 scoring.
func NewMapping() *mapping.IndexMappingImpl {
	im := mapping.NewIndexMapping()
	im.ScoringModel = indexapi.BM25Scoring
	im.DefaultAnalyzer = AnalyzerDutch
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	doc := mapping.NewDocumentStaticMapping()
	for _, f := range TextFields {
		doc.AddFieldMappingsAt(f.Name, textField())
	}
	for _, name := range []string{FieldKind, FieldTheme, FieldMunicipality, FieldRole, FieldArticle, FieldSpeaker, FieldOrder} {
		doc.AddFieldMappingsAt(name, keywordField())
	}
	rec := mapping.NewTextFieldMapping()
	rec.Index = false
	rec.Store = true
	rec.IncludeInAll = false
	rec.IncludeTermVectors = false
	rec.DocValues = false
	doc.AddFieldMappingsAt(FieldRecord, rec)

	im.DefaultMapping = doc
	return im
}

func textField() *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Analyzer = AnalyzerDutch
	f.Store = true
	f.IncludeTermVectors = true
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

func keywordField() *mapping.FieldMapping {
	f := mapping.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = true
	return f
}
