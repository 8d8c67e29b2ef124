package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"vanelkaar/corpus"
)

// An index folder holds one or more builds and a symbolic link "current"
// naming the one in use:
//
//	DIR/current -> build-20261128T101500.123Z
//	DIR/build-20261128T101500.123Z/   (a bleve index)
//
// A new build is written into its own folder; only when it is complete and
// closed does Build point "current" at it, by renaming a new link over the
// old one, which is atomic. A build that fails or is killed leaves the
// previous build in use; its half-written folder is removed by the next
// build. Builds into one folder take turns: each holds the file lock on
// DIR/.lock while it runs (see lockDir).
const (
	currentLink = "current"
	buildPrefix = "build-"
	tempPrefix  = ".tmp-"
	keepBuilds  = 2 // the current build and the one before, which a server may still hold open
)

// Options tune a build.
type Options struct {
	// Progress, when set, is told what the build is doing.
	Progress func(msg string)
	// BatchSize is the number of documents per bleve batch; 0 means 500.
	BatchSize int
}

func (o *Options) progress(format string, args ...any) {
	if o != nil && o.Progress != nil {
		o.Progress(fmt.Sprintf(format, args...))
	}
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
	removeStale(dir)
	name := buildPrefix + time.Now().UTC().Format("20060102T150405.000000000Z")
	tmp := filepath.Join(dir, tempPrefix+name)
	idx, err := bleve.NewUsing(tmp, NewMapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, nil)
	if err != nil {
		return "", fmt.Errorf("build index: create %s: %w", tmp, err)
	}
	if err := Populate(ctx, idx, c, opts); err != nil {
		idx.Close()
		os.RemoveAll(tmp)
		return "", err
	}
	if err := compact(ctx, idx); err != nil {
		idx.Close()
		os.RemoveAll(tmp)
		return "", err
	}
	if err := idx.Close(); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("build index: close: %w", err)
	}
	final := filepath.Join(dir, name)
	if err := os.Rename(tmp, final); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("build index: %w", err)
	}
	link := filepath.Join(dir, tempPrefix+currentLink)
	os.Remove(link)
	if err := os.Symlink(name, link); err != nil {
		return "", fmt.Errorf("build index: %w", err)
	}
	if err := os.Rename(link, filepath.Join(dir, currentLink)); err != nil {
		return "", fmt.Errorf("build index: switch to new build: %w", err)
	}
	syncDir(dir)
	pruneBuilds(dir, name)
	opts.progress("index ready in %s", final)
	return final, nil
}

// Populate adds the corpus's documents to an open index and stores the
// facet labels and build information next to them.
func Populate(ctx context.Context, idx bleve.Index, c *corpus.Corpus, opts *Options) error {
	docs, err := Documents(c)
	if err != nil {
		return err
	}
	size := 500
	if opts != nil && opts.BatchSize > 0 {
		size = opts.BatchSize
	}
	b := idx.NewBatch()
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("build index: %w", err)
		}
		if err := b.Index(d.ID, d.Fields); err != nil {
			return fmt.Errorf("build index: document %s: %w", d.ID, err)
		}
		if b.Size() >= size || i == len(docs)-1 {
			if err := idx.Batch(b); err != nil {
				return fmt.Errorf("build index: %w", err)
			}
			opts.progress("indexed %d of %d documents", i+1, len(docs))
			b = idx.NewBatch()
		}
	}
	info := Info{BuiltAt: time.Now().UTC().Format(time.RFC3339), Documents: len(docs), Articles: len(c.Articles), People: len(c.People)}
	for _, a := range c.Articles {
		info.Passages += len(a.Passages)
		info.Quotes += len(a.Quotes)
	}
	for key, v := range map[string]any{internalLabels: LabelsOf(c), internalInfo: info, FormatKey: CurrentFormat()} {
		raw, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("build index: %w", err)
		}
		if err := idx.SetInternal([]byte(key), raw); err != nil {
			return fmt.Errorf("build index: store %s: %w", key, err)
		}
	}
	return storeDerived(idx, c, docs)
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

// Resolve returns the bleve index folder that dir stands for: dir itself
// when it is a plain bleve index, else the build its "current" link names.
func Resolve(dir string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		return dir, nil
	}
	target, err := os.Readlink(filepath.Join(dir, currentLink))
	if err != nil {
		if _, serr := os.Stat(dir); serr != nil {
			return "", fmt.Errorf("%s: %w", dir, serr)
		}
		return "", fmt.Errorf("%s: %w (run `vanelkaar index --out %s`)", dir, ErrNoIndex, dir)
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(dir, target)
	}
	if _, err := os.Stat(filepath.Join(target, "index_meta.json")); err != nil {
		return "", fmt.Errorf("%s: current build %s is unreadable: %w", dir, filepath.Base(target), err)
	}
	return target, nil
}

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

// removeStale removes what a killed build left behind.
func removeStale(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// pruneBuilds keeps the newest builds, always including current.
func pruneBuilds(dir, current string) {
	entries, _ := os.ReadDir(dir)
	var builds []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), buildPrefix) && e.Name() != current {
			builds = append(builds, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(builds)))
	for i, b := range builds {
		if i >= keepBuilds-1 {
			os.RemoveAll(filepath.Join(dir, b))
		}
	}
}

func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
