package index

import (
	"context"
	"sync"

	"vanelkaar/corpus"
)

// chunkDocs is the number of documents a worker makes at a time.
const chunkDocs = 64

// docChunk is a run of jobs in reading order and, once done is closed,
// their documents or the first error.
type docChunk struct {
	jobs []docJob
	docs []Document
	err  error
	done chan struct{}
}

// streamDocuments makes the corpus's documents (see Documents) on workers
// goroutines and calls fn with each, in reading order, from the calling
// goroutine; prepare, when not nil, is called with each on its worker.
// About ahead documents, and at least two chunks per worker, are made
// ahead of fn: enough to keep the workers busy while fn writes a batch,
// and a bound on the documents in memory whatever the corpus's size.
// It stops at the first error, of making a document, of fn or of ctx.
func streamDocuments(ctx context.Context, d *documents, workers, ahead int, prepare, fn func(*Document) error) error {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	queue := make(chan *docChunk, max(2*workers, ahead/chunkDocs)) // in reading order, for fn
	work := make(chan *docChunk)                                   // for the workers
	go produceChunks(ctx, d.c, queue, work)
	for range workers {
		wg.Go(func() {
			for ch := range work {
				ch.docs, ch.err = d.makeAll(ch.jobs, prepare)
				close(ch.done)
			}
		})
	}
	for ch := range queue {
		select {
		case <-ch.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if ch.err != nil {
			return ch.err
		}
		for i := range ch.docs {
			if err := fn(&ch.docs[i]); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

// produceChunks cuts the corpus's jobs into chunks and hands each to the
// queue and to the workers, until all are handed or ctx is done.
func produceChunks(ctx context.Context, c *corpus.Corpus, queue, work chan<- *docChunk) {
	defer close(queue)
	defer close(work)
	send := func(ch *docChunk) bool {
		for _, to := range []chan<- *docChunk{queue, work} {
			select {
			case to <- ch:
			case <-ctx.Done():
				return false
			}
		}
		return true
	}
	ch := &docChunk{done: make(chan struct{})}
	for j := range docJobs(c) {
		ch.jobs = append(ch.jobs, j)
		if len(ch.jobs) == chunkDocs {
			if !send(ch) {
				return
			}
			ch = &docChunk{done: make(chan struct{})}
		}
	}
	if len(ch.jobs) > 0 {
		send(ch)
	}
}

// makeAll makes the documents of jobs, each prepared when prepare is not nil.
func (d *documents) makeAll(jobs []docJob, prepare func(*Document) error) ([]Document, error) {
	docs := make([]Document, 0, len(jobs))
	for _, j := range jobs {
		doc, err := d.make(j)
		if err == nil && prepare != nil {
			err = prepare(&doc)
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return docs, nil
}
