package search

import (
	"fmt"
	"sync"

	index "github.com/blevesearch/bleve_index_api"

	vindex "vanelkaar/index"
)

// maxCachedRecords bounds the decoded records a loaded index keeps: enough
// for the pages users look at again (as-you-type searches repeat), small
// beside the index itself.
const maxCachedRecords = 4096

// records reads the stored Record of documents and keeps them decoded.
// Loading and decoding the JSON was a fifth of a search's time; a record
// never changes while its index is served. Records handed out are shared:
// callers must not change them.
type records struct {
	mu    sync.Mutex
	cache map[string]*vindex.Record
}

// record returns the record of the document id, from the cache or the index.
func (l *loaded) record(id string) (*vindex.Record, error) {
	l.records.mu.Lock()
	rec := l.records.cache[id]
	l.records.mu.Unlock()
	if rec != nil {
		return rec, nil
	}
	doc, err := l.idx.Document(id)
	if err != nil {
		return nil, fmt.Errorf("search: load %s: %w", id, err)
	}
	if doc == nil {
		return nil, fmt.Errorf("search: %s is not in the index", id)
	}
	var raw []byte
	doc.VisitFields(func(f index.Field) {
		if f.Name() == vindex.FieldRecord {
			raw = f.Value()
		}
	})
	rec, err = l.refs.Record(raw)
	if err != nil {
		return nil, fmt.Errorf("search: record of %s: %w", id, err)
	}
	l.records.mu.Lock()
	if l.records.cache == nil || len(l.records.cache) >= maxCachedRecords {
		l.records.cache = map[string]*vindex.Record{}
	}
	l.records.cache[id] = rec
	l.records.mu.Unlock()
	return rec, nil
}
