package search

import (
	"context"
	"errors"
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
	// rank is each document's place in reading order (FieldOrder), so
	// that a comparison of two documents is one of two numbers; documents
	// with the same order share it.
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
	// docs is the number of documents of each value.
	docs []int
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

// readColumns reads the columns of every document of the snapshot r:
// the facets, the article and the length prior from their terms' postings
// (a few values each, so a few postings lists), the reading order from
// its doc values.
func readColumns(ctx context.Context, r indexapi.IndexReader) (*columns, error) {
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
	for _, d := range ids {
		c.present[d] = true
	}
	// The reading order (doc values, then a sort) is read beside the
	// values (postings): on two cores, Open takes the longer of the two.
	ranked := make(chan error, 1)
	go func() {
		orders, err := readOrders(r, ids, size)
		if err == nil {
			c.rankDocs(ids, orders)
		}
		ranked <- err
	}()
	err = c.readValueColumns(ctx, r, size)
	return c, errors.Join(err, <-ranked)
}

// readValueColumns reads the facets, the article and the length prior.
func (c *columns) readValueColumns(ctx context.Context, r indexapi.IndexReader, size uint64) error {
	var err error
	for i, f := range index.Facets {
		if c.facets[i], err = readValues(ctx, r, f.Field, size); err != nil {
			return err
		}
	}
	if c.article, err = readValues(ctx, r, index.FieldArticle, size); err != nil {
		return err
	}
	words, err := readValues(ctx, r, index.FieldWords, size)
	if err != nil {
		return err
	}
	for d := range c.prior {
		c.prior[d] = 1 // an index without the field ranks as before
		if vs := words.of(uint64(d)); len(vs) > 0 {
			c.prior[d] = lengthFactor(words.values[vs[0]])
		}
	}
	return nil
}

// readValues reads the values of a keyword field for every document
// number below size, term by term.
func readValues(ctx context.Context, r indexapi.IndexReader, field string, size uint64) (valueColumn, error) {
	col := valueColumn{ordOf: map[string]uint32{}, start: make([]uint32, size+1)}
	dict, err := r.FieldDict(field)
	if err != nil {
		return col, fmt.Errorf("read facet values: %w", err)
	}
	defer dict.Close()
	var docs [][]uint64 // per value number
	for {
		e, err := dict.Next()
		if err != nil {
			return col, fmt.Errorf("read facet values: %w", err)
		}
		if e == nil {
			break
		}
		ds, err := postings(ctx, r, field, e.Term)
		if err != nil {
			return col, fmt.Errorf("read facet values: %w", err)
		}
		col.ordOf[e.Term] = uint32(len(col.values))
		col.values = append(col.values, e.Term)
		col.docs = append(col.docs, len(ds))
		docs = append(docs, ds)
	}
	// Count each document's values, then place them.
	for _, ds := range docs {
		for _, d := range ds {
			col.start[d+1]++
		}
	}
	for d := uint64(1); d <= size; d++ {
		col.start[d] += col.start[d-1]
	}
	col.ords = make([]uint32, col.start[size])
	next := slices.Clone(col.start)
	for o, ds := range docs {
		for _, d := range ds {
			col.ords[next[d]] = uint32(o)
			next[d]++
		}
	}
	return col, nil
}

// postings returns the numbers of the documents whose field has term.
func postings(ctx context.Context, r indexapi.IndexReader, field, term string) ([]uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	out := make([]uint64, 0, tfr.Count())
	tfd := &indexapi.TermFieldDoc{}
	for {
		next, err := tfr.Next(tfd.Reset())
		if err != nil || next == nil {
			return out, err
		}
		out = append(out, next.ID.Value())
		tfd = next
	}
}

// readOrders reads every document's FieldOrder from its doc values.
func readOrders(r indexapi.IndexReader, ids []uint64, size uint64) ([]string, error) {
	dvr, err := r.DocValueReader([]string{index.FieldOrder})
	if err != nil {
		return nil, fmt.Errorf("read reading order: %w", err)
	}
	orders := make([]string, size)
	var buf []byte
	for _, d := range ids {
		buf = indexapi.NewIndexInternalID(buf, d)
		err := dvr.VisitDocValues(buf, func(_ string, term []byte) { orders[d] = string(term) })
		if err != nil {
			return nil, fmt.Errorf("read reading order: %w", err)
		}
	}
	return orders, nil
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

// rankDocs sets the reading-order rank: documents with the same
// FieldOrder share a rank (see idOrder for what orders them then).
func (c *columns) rankDocs(ids []uint64, orders []string) {
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, func(a, b uint64) int { return strings.Compare(orders[a], orders[b]) })
	rank := uint32(0)
	for i, d := range sorted {
		if i > 0 && orders[d] != orders[sorted[i-1]] {
			rank++
		}
		c.rank[d] = rank
	}
}

// idOrder orders documents of the same rank by their ids, as bleve's
// sort on "_id" does. Ids are looked up when two documents tie, which few
// comparisons of a search need, and remembered for the search.
type idOrder struct {
	r   indexapi.IndexReader
	ids map[uint64]string
	err error
}

func (o *idOrder) less(a, b uint64) bool {
	return o.id(a) < o.id(b)
}

func (o *idOrder) id(d uint64) string {
	if id, ok := o.ids[d]; ok {
		return id
	}
	if o.ids == nil {
		o.ids = map[uint64]string{}
	}
	id, err := o.r.ExternalID(indexapi.NewIndexInternalID(nil, d))
	if err != nil && o.err == nil {
		o.err = fmt.Errorf("search: %w", err)
	}
	o.ids[d] = id
	return id
}
