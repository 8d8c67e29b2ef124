package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	indexapi "github.com/blevesearch/bleve_index_api"

	"vanelkaar/index/analyzer"
)

// The Dutch analyzers (package analyzer): AnalyzerDutch makes the terms of
// every Dutch text field; AnalyzerDutchQuery makes the terms of a query's
// words from the same chain, without the parts of hyphenated words.
const (
	AnalyzerDutch      = analyzer.Name
	AnalyzerDutchQuery = analyzer.QueryName
)

// PartTerm is the indexed term of a compound's part whose term as a whole
// word is term: "energie" is indexed as part of "energietransitie" under
// PartTerm("energ") (see package analyzer).
func PartTerm(term string) string { return analyzer.PartTerm(term) }

// IsPartTerm reports whether an indexed term is a compound's part.
func IsPartTerm(term string) bool { return analyzer.IsPart([]byte(term)) }

// NewMapping returns the index mapping: every field mapped explicitly,
// dynamic mapping off, BM25 scoring.
func NewMapping() *mapping.IndexMappingImpl {
	return newMapping(analyzer.Config())
}

// newMapping is NewMapping with the given definition of the index
// analyzer (benchmarks compare variants of the chain).
func newMapping(dutch map[string]any) *mapping.IndexMappingImpl {
	im := mapping.NewIndexMapping()
	im.ScoringModel = indexapi.BM25Scoring
	// The analyzers are defined on the mapping rather than registered, so
	// the chain is written into each index with its mapping; only their
	// components live in bleve's registry, where a reopened index finds
	// them by name.
	for name, cfg := range map[string]map[string]any{
		AnalyzerDutch:      dutch,
		AnalyzerDutchQuery: analyzer.QueryConfig(),
	} {
		if err := im.AddCustomAnalyzer(name, cfg); err != nil {
			// Only a component missing from the registry, a programming
			// error, gets here.
			panic(fmt.Sprintf("index mapping: %v", err))
		}
	}
	im.DefaultAnalyzer = AnalyzerDutch
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	doc := mapping.NewDocumentStaticMapping()
	for _, f := range TextFields {
		doc.AddFieldMappingsAt(f.Name, textField(f.Name == FieldNames))
	}
	for _, name := range KeywordFields() {
		doc.AddFieldMappingsAt(name, keywordField(name == FieldOrder))
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

// textField is the mapping of a text field. Phrase queries and the
// marks of hits need the positions and offsets of its terms (term
// vectors). Its text is stored only when store is set: the record holds
// the text of the others (see Record.FieldText), and a second copy made
// the index larger and its build slower.
func textField(store bool) *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Analyzer = AnalyzerDutch
	f.Store = store
	f.IncludeTermVectors = true
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

// keywordField is the mapping of a keyword field, with doc values when
// docValues is set: bleve sorts by a field's doc values. A search reads
// the facets from the terms' postings instead (see search's columns), so
// only the field results are sorted by has them.
func keywordField(docValues bool) *mapping.FieldMapping {
	f := mapping.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = docValues
	return f
}
