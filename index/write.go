package index

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"vanelkaar/corpus"
)

// How a build writes documents.
const (
	// batchTextBytes is about how much document text goes into one batch,
	// and so into one segment of a build before the final merge: large
	// enough for few segments to merge, small enough that the analysed
	// batch stays well within the build's memory.
	batchTextBytes = 1 << 20
	// minBatchDocs and maxBatchDocs bound a batch's documents.
	minBatchDocs, maxBatchDocs = 100, 20000
	// mergeMax is how many segments a build merges at once: more than a
	// build of millions of passages makes, so the final merge is one.
	mergeMax = 1000
	// progressEvery is how many documents a build writes between reports.
	progressEvery = 1000
)

// docSink receives a build's documents: a builderSink, or a batchSink
// for an open index. prepare, when not nil, is called on a worker with
// each document before Index is called on the sink's goroutine.
type docSink interface {
	prepare(d *Document) error
	Index(d *Document) error
}

// builderSink hands documents, analysed on the workers, to scorch's
// offline builder. own says that m is NewMapping(), whose analyzer made
// the documents' tokens; with another (benchmarks compare variants) the
// text is analysed again.
type builderSink struct {
	b   *scorch.Builder
	m   mapping.IndexMapping
	own bool
}

func (s builderSink) prepare(d *Document) (err error) {
	if !s.own {
		d.fieldTokens = nil
	}
	d.analysed, err = analyse(s.m, d)
	return err
}

func (s builderSink) Index(d *Document) error { return s.b.Index(d.analysed) }

// batchSink writes documents into an open index in batches of size.
type batchSink struct {
	idx  bleve.Index
	b    *bleve.Batch
	size int
}

func (s *batchSink) prepare(*Document) error { return nil }

func (s *batchSink) Index(d *Document) error {
	if s.b == nil {
		s.b = s.idx.NewBatch()
	}
	if err := s.b.Index(d.ID, d.Fields); err != nil {
		return err
	}
	if s.b.Size() >= s.size {
		return s.flush()
	}
	return nil
}

func (s *batchSink) flush() error {
	if s.b == nil || s.b.Size() == 0 {
		return nil
	}
	err := s.idx.Batch(s.b)
	s.b = nil
	return err
}

// derived is what a build computes from its documents as they pass: the
// field statistics and the vocabulary.
type derived struct {
	docs   int
	stats  FieldStats
	vocab  *vocabularyCounter
	corpus *corpus.Corpus
	refs   *Refs
}

// writeDocuments streams the corpus's documents into sink, counting what
// is derived from them; it reports every progressEvery documents (or
// every opts.BatchSize).
func writeDocuments(ctx context.Context, c *corpus.Corpus, sink docSink, opts *Options, rep *reporter) (*derived, error) {
	an := NewMapping().AnalyzerNamed(AnalyzerDutch)
	if an == nil {
		return nil, fmt.Errorf("build index: analyzer %q is not available", AnalyzerDutch)
	}
	docs, err := newDocuments(c)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	d := &derived{stats: newFieldStats(), vocab: newVocabularyCounter(an), corpus: c, refs: docs.refs}
	every := progressEvery
	if opts != nil && opts.BatchSize > 0 {
		every = opts.BatchSize
	}
	rep.total = documentCount(c)
	rep.report(StageWriting, 0)
	ids := make(map[string]bool, rep.total)
	err = streamDocuments(ctx, docs, runtime.GOMAXPROCS(0), batchDocs(c, opts)/2, sink.prepare, func(doc *Document) error {
		if ids[doc.ID] {
			return fmt.Errorf("two documents have the id %s", doc.ID)
		}
		ids[doc.ID] = true
		if err := sink.Index(doc); err != nil {
			return fmt.Errorf("build index: document %s: %w", doc.ID, err)
		}
		d.stats.add(doc.lengths)
		if doc.tokens != nil {
			d.vocab.passage(doc.Fields[FieldBody].(string), doc.tokens)
		}
		*doc = Document{} // let the collector have it while the batch waits
		if d.docs++; d.docs%every == 0 {
			rep.report(StageWriting, d.docs)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	for _, a := range c.Articles {
		d.vocab.article(a)
	}
	return d, nil
}

// documentCount is the number of documents of a corpus.
func documentCount(c *corpus.Corpus) int {
	n := len(c.People)
	for _, a := range c.Articles {
		n += len(a.Passages) + len(a.Quotes)
	}
	return n
}

// batchDocs is the number of documents per batch for a corpus: about
// batchTextBytes of text, or opts.BatchSize when set.
func batchDocs(c *corpus.Corpus, opts *Options) int {
	if opts != nil && opts.BatchSize > 0 {
		return opts.BatchSize
	}
	var text int64
	for _, a := range c.Articles {
		for _, p := range a.Passages {
			text += int64(len(p.Text))
		}
	}
	docs := max(documentCount(c), 1)
	perDoc := max(text/int64(docs), 1)
	return min(max(int(batchTextBytes/perDoc), minBatchDocs), maxBatchDocs)
}

// internals encodes what is stored next to the documents: the facet
// labels, the build information, the format, the vocabulary, the synonyms
// and the field statistics, by internal key.
func internals(d *derived) (map[string][]byte, error) {
	c := d.corpus
	info := Info{BuiltAt: time.Now().UTC().Format(time.RFC3339), Documents: d.docs, Articles: len(c.Articles), People: len(c.People)}
	for _, a := range c.Articles {
		info.Passages += len(a.Passages)
		info.Quotes += len(a.Quotes)
	}
	out := map[string][]byte{}
	for key, v := range map[string]any{
		internalLabels: LabelsOf(c), internalInfo: info, FormatKey: CurrentFormat(),
		internalVocabulary: d.vocab.vocabulary(c), internalSynonyms: SynonymsOf(c), internalFieldStats: d.stats,
		internalRefs: d.refs,
	} {
		raw, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("build index: %w", err)
		}
		out[key] = raw
	}
	return out, nil
}

// storeInternals stores the encoded internals in one batch.
func storeInternals(idx bleve.Index, raw map[string][]byte) error {
	b := idx.NewBatch()
	for key, v := range raw {
		b.SetInternal([]byte(key), v)
	}
	if err := idx.Batch(b); err != nil {
		return fmt.Errorf("build index: store what the build derived: %w", err)
	}
	return nil
}
