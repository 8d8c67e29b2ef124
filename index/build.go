package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"vanelkaar/corpus"
)

// Options tune a build.
type Options struct {
	// Progress, when set, is told what the build is doing: at each stage's
	// start, after each batch of documents, and once done, with the
	// build's Result. It is called from the goroutine that called Build.
	Progress func(Progress)
	// Started is when the build started, for Progress's Elapsed and the
	// Result's Duration: set it to include loading the corpus; zero means
	// when Build is called.
	Started time.Time
	// BatchSize is the number of documents per batch, and so per segment
	// before the final merge, and between progress reports; 0 means about
	// 1 MB of text per batch and a report every 1,000 documents.
	BatchSize int
	// Source, when set, describes the corpus being built; it is recorded
	// with the build in the folder's "current" file.
	Source *Source
}

// Build indexes the corpus into the index folder dir and makes it the
// current build. It returns the path of the new build.
func Build(ctx context.Context, c *corpus.Corpus, dir string, opts *Options) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("build index: %w", err)
	}
	unlock, err := lockDir(ctx, dir)
	if err != nil {
		return "", fmt.Errorf("build index: %w", err)
	}
	defer unlock()
	rep := newReporter(opts)
	removeStale(dir)
	name := buildPrefix + time.Now().UTC().Format("20060102T150405.000000000Z")
	tmp := filepath.Join(dir, tempPrefix+name)
	n, err := write(ctx, c, NewMapping(), tmp, opts, rep)
	if err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	final := filepath.Join(dir, name)
	if err := os.Rename(tmp, final); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("build index: %w", err)
	}
	if err := switchTo(dir, name, opts, time.Since(rep.started)); err != nil {
		return "", fmt.Errorf("build index: %w", err)
	}
	res := &Result{Path: final, Documents: n, Bytes: DiskSize(final), Duration: time.Since(rep.started)}
	rep.send(Progress{Stage: StageDone, Done: n, Total: n, Result: res})
	return final, nil
}

// DiskSize is the size in bytes of the files under path.
func DiskSize(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// write builds the corpus into a new bleve index at path, one segment
// per batch and one merge at the end, and returns the number of documents.
// A one-shot build needs none of what an index that is updated does: no
// snapshots to roll back to, no merging in the background, no deleted
// documents; scorch's offline Builder writes it (see analysed.go).
func write(ctx context.Context, c *corpus.Corpus, m mapping.IndexMapping, path string, opts *Options, rep *reporter) (int, error) {
	rep.report(StageAnalysing, 0)
	b, err := newBuilder(m, path, batchDocs(c, opts))
	if err != nil {
		return 0, fmt.Errorf("build index: create %s: %w", path, err)
	}
	own := fingerprint(m) == CurrentFormat().Mapping
	d, err := writeDocuments(ctx, c, builderSink{b: b, m: m, own: own}, opts, rep)
	if err != nil {
		return 0, err
	}
	// What is stored besides the documents is encoded before the merge,
	// so that nothing here needs the corpus or the counters any more and
	// the collector may free them, if the caller holds no other reference.
	raw, err := internals(d)
	if err != nil {
		return 0, err
	}
	n := d.docs
	rep.report(StageMerging, n)
	// The merge maps every segment into memory; give back first what the
	// writing left of the heap, so the two do not add up.
	debug.FreeOSMemory()
	if err := b.Close(); err != nil {
		return 0, fmt.Errorf("build index: merge: %w", err)
	}
	idx, err := bleve.Open(path)
	if err != nil {
		return 0, fmt.Errorf("build index: open %s: %w", path, err)
	}
	err = storeInternals(idx, raw)
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("build index: close: %w", cerr)
	}
	return n, err
}

// Populate adds the corpus's documents to an open index and stores the
// facet labels and build information next to them.
func Populate(ctx context.Context, idx bleve.Index, c *corpus.Corpus, opts *Options) error {
	rep := newReporter(opts)
	sink := &batchSink{idx: idx, size: batchDocs(c, opts)}
	d, err := writeDocuments(ctx, c, sink, opts, rep)
	if err != nil {
		return err
	}
	if err := sink.flush(); err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	raw, err := internals(d)
	if err != nil {
		return err
	}
	return storeInternals(idx, raw)
}

// NewMemOnly builds an index of the corpus in memory: for tests and tools
// that need no files. It is the same kind of index (scorch) as one on
// disk, so it scores the same (bleve's own NewMemOnly makes an older kind
// without BM25).
func NewMemOnly(ctx context.Context, c *corpus.Corpus) (bleve.Index, error) {
	idx, err := bleve.NewUsing("", NewMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("build index in memory: %w", err)
	}
	if err := Populate(ctx, idx, c, nil); err != nil {
		idx.Close()
		return nil, err
	}
	return idx, nil
}

// ErrNoIndex means a folder holds no index.
var ErrNoIndex = errors.New("no index in folder")

// ReadLabels reads the facet labels stored in an index.
func ReadLabels(idx bleve.Index) (Labels, error) {
	var l Labels
	return l, readInternal(idx, internalLabels, &l)
}

// ReadInfo reads the build information stored in an index.
func ReadInfo(idx bleve.Index) (Info, error) {
	var i Info
	return i, readInternal(idx, internalInfo, &i)
}

// readOptional reads what an older build may lack: a key that is absent
// leaves v as it is and is no error.
func readOptional(idx bleve.Index, key string, v any) error { return readStored(idx, key, v, true) }

func readInternal(idx bleve.Index, key string, v any) error { return readStored(idx, key, v, false) }

func readStored(idx bleve.Index, key string, v any, optional bool) error {
	raw, err := idx.GetInternal([]byte(key))
	if err != nil {
		return fmt.Errorf("read %s: %w", key, err)
	}
	if raw == nil {
		if optional {
			return nil
		}
		return fmt.Errorf("read %s: not in index (was it built by vanelkaar?)", key)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("read %s: %w", key, err)
	}
	return nil
}
