package index

import (
	"slices"

	"vanelkaar/corpus"
)

// Field names of an index document. The search package queries these and
// nothing else refers to the names as strings.
const (
	// Text fields, analyzed with the Dutch analyzer.
	FieldTitle    = "title"    // article title (passages), person name (people)
	FieldHeadings = "headings" // the passage's heading path
	FieldBody     = "body"     // passage text, quote text, person description
	FieldQuote    = "quote"    // the words of a quote
	FieldNames    = "names"    // names of people and municipalities mentioned, with aliases

	// Keyword fields: facets and filters.
	FieldKind         = "kind"
	FieldTheme        = "theme"
	FieldMunicipality = "municipality"
	FieldRole         = "role"
	FieldArticle      = "article" // article slug
	FieldSpeaker      = "speaker" // person id of a quote's speaker, or the person of a person doc

	// FieldOrder is a keyword that sorts documents in reading order, used
	// when a request has no words to rank by.
	FieldOrder = "order"

	// FieldWords is the number of words of the document's text, capped at
	// LengthCap, as a keyword with doc values: ranking reads it to weigh
	// very short texts down (see search's length prior).
	FieldWords = "words"

	// FieldRecord holds the JSON Record of the document, compressed (see
	// Refs): stored, not indexed.
	FieldRecord = "record"
)

// LengthCap is the word count from which a text counts as full length.
const LengthCap = 24

// Kinds of documents (values of FieldKind), declared once: the kind
// facet, the API's "kind" and the pages read them from here.
const (
	KindPassage = "passage"
	KindQuote   = "quote"
	KindPerson  = "person"
)

// Kinds are the kinds with their Dutch labels, in display order.
var Kinds = []corpus.Category{
	{ID: KindPassage, Label: "Passage"},
	{ID: KindQuote, Label: "Citaat"},
	{ID: KindPerson, Label: "Persoon"},
}

// TextFields are the analyzed fields a query searches, with their boosts:
// titles and headings weigh more than quote text, which weighs more than
// body text.
var TextFields = []struct {
	Name  string
	Boost float64
}{
	{FieldTitle, 3},
	{FieldHeadings, 3},
	{FieldQuote, 1.5},
	{FieldNames, 1.5},
	{FieldBody, 1},
}

// KeywordFields are every keyword field: the facets' (see Facets) and
// those the searcher filters or sorts on.
func KeywordFields() []string {
	fields := []string{FieldArticle, FieldOrder, FieldWords}
	for _, f := range Facets {
		if !slices.Contains(fields, f.Field) {
			fields = append(fields, f.Field)
		}
	}
	return fields
}

// Internal keys stored in the index next to the documents.
const (
	internalLabels = "vanelkaar.labels"
	internalInfo   = "vanelkaar.info"
)
