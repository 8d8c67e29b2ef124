package search

import (
	"fmt"
	"slices"
	"strings"

	indexapi "github.com/blevesearch/bleve_index_api"

	"vanelkaar/index"
)

// columns hold what a search needs to know of every matching document
// besides its score, read once when an index is opened: the values of
// each facet, the article (for group=article), the reading-order rank
// and the length prior. They are indexed by bleve's document number (the
// value of an IndexInternalID), which stays the same for as long as the
// snapshot they were read from is open (see loaded.reader).
//
// A search reads them for each match from memory. Reading bleve's doc
// values instead costs a compressed chunk of the index per field for each
// match that lies in a chunk not read yet: for a rare word, whose few
// matches lie far apart, that was most of the search, and it grows with
// the corpus (see BENCHMARKS.md, "Search core").
type columns struct {
	// facets are the columns of index.Facets, in the same order.
	facets  []valueColumn
	article valueColumn
	// rank is each document's place in reading order (FieldOrder, then
	// id), so that a comparison of two documents is one of two numbers.
	rank []uint32
	// prior is each document's length prior (see lengthFactor).
	prior []float64
	// present marks the numbers that are documents.
	present []bool
}

// valueColumn holds a keyword field's values of every document: the
// values of document d are ords[start[d]:start[d+1]], numbers into values.
type valueColumn struct {
	values []string
	ordOf  map[string]uint32
	start  []uint32
	ords   []uint32
}

// of returns the value numbers of document d.
func (c *valueColumn) of(d uint64) []uint32 {
	return c.ords[c.start[d]:c.start[d+1]]
}

// ord returns the number of a value, and whether any document has it.
func (c *valueColumn) ord(v string) (uint32, bool) {
	o, ok := c.ordOf[v]
	return o, ok
}

// add appends a value of the document being read.
func (c *valueColumn) add(v []byte) {
	o, ok := c.ordOf[string(v)]
	if !ok {
		o = uint32(len(c.values))
		c.values = append(c.values, string(v))
		c.ordOf[string(v)] = o
	}
	c.ords = append(c.ords, o)
}

// readColumns reads the columns of every document of the snapshot r in
// one pass over its doc values.
func readColumns(r indexapi.IndexReader) (*columns, error) {
	ids, err := allDocs(r)
	if err != nil {
		return nil, fmt.Errorf("read facet values: %w", err)
	}
	size := uint64(0)
	if len(ids) > 0 {
		size = slices.Max(ids) + 1
	}
	c := &columns{
		facets: make([]valueColumn, len(index.Facets)),
		rank:   make([]uint32, size), prior: make([]float64, size), present: make([]bool, size),
	}
	byField := map[string][]*valueColumn{index.FieldArticle: {&c.article}}
	all := []*valueColumn{&c.article}
	for i, f := range index.Facets {
		byField[f.Field] = append(byField[f.Field], &c.facets[i])
		all = append(all, &c.facets[i])
	}
	for _, col := range all {
		col.ordOf = map[string]uint32{}
		col.start = make([]uint32, size+1)
	}
	fields := []string{index.FieldOrder, index.FieldWords}
	for f := range byField {
		fields = append(fields, f)
	}
	dvr, err := r.DocValueReader(fields)
	if err != nil {
		return nil, fmt.Errorf("read facet values: %w", err)
	}
	orders := make([]string, size)
	var buf []byte
	for k, d := range ids {
		c.present[d] = true
		words := ""
		buf = indexapi.NewIndexInternalID(buf, d)
		err := dvr.VisitDocValues(buf, func(field string, term []byte) {
			switch field {
			case index.FieldOrder:
				orders[d] = string(term)
			case index.FieldWords:
				words = string(term)
			default:
				for _, col := range byField[field] {
					col.add(term)
				}
			}
		})
		if err != nil {
			return nil, fmt.Errorf("read facet values: %w", err)
		}
		c.prior[d] = lengthFactor(words)
		// Documents are read in increasing number: d's values end here,
		// and so do those of the numbers up to the next document.
		end := size
		if k+1 < len(ids) {
			end = ids[k+1]
		}
		for _, col := range all {
			for e := d + 1; e <= end; e++ {
				col.start[e] = uint32(len(col.ords))
			}
		}
	}
	return c, c.rankDocs(r, ids, orders)
}

// allDocs returns the numbers of the documents of r, in increasing order.
func allDocs(r indexapi.IndexReader) ([]uint64, error) {
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer all.Close()
	var ids []uint64
	for {
		id, err := all.Next()
		if err != nil || id == nil {
			return ids, err
		}
		ids = append(ids, id.Value())
	}
}

// rankDocs sets the reading-order rank: by FieldOrder, and by id where
// documents share an order (looked up for those only).
func (c *columns) rankDocs(r indexapi.IndexReader, ids []uint64, orders []string) error {
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, func(a, b uint64) int { return strings.Compare(orders[a], orders[b]) })
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && orders[sorted[j]] == orders[sorted[i]] {
			j++
		}
		if j-i > 1 {
			if err := sortByID(r, sorted[i:j]); err != nil {
				return err
			}
		}
		i = j
	}
	for i, d := range sorted {
		c.rank[d] = uint32(i)
	}
	return nil
}

// sortByID sorts document numbers by their ids.
func sortByID(r indexapi.IndexReader, docs []uint64) error {
	ids := map[uint64]string{}
	for _, d := range docs {
		id, err := r.ExternalID(indexapi.NewIndexInternalID(nil, d))
		if err != nil {
			return fmt.Errorf("read facet values: %w", err)
		}
		ids[d] = id
	}
	slices.SortFunc(docs, func(a, b uint64) int { return strings.Compare(ids[a], ids[b]) })
	return nil
}
