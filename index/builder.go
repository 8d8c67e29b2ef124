package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"vanelkaar/corpus"
)

// Builder builds the index a server serves, again each time Build is
// called: it loads the corpus afresh and builds it into the index folder
// (see Build for the atomic switch and the lock). Its Build method is what
// a search.Reloader runs.
//
// When the folder cannot be written (or none was given), Builder builds
// into a temporary folder of its own instead, from then on, so the server
// serves rather than not at all; Close removes that folder.
type Builder struct {
	load      func() (*corpus.Corpus, error)
	corpusDir string
	fsys      fs.FS // the corpus folder, for its Source
	warn      func(msg string, args ...any)

	mu  sync.Mutex
	dir string // the index folder; "" until the first build makes a temporary one
	tmp string // the temporary folder this builder made, removed by Close
}

// NewBuilder returns a Builder of the corpus in corpusDir ("" for the
// corpus shipped in the binary) into the index folder dir ("" for a
// temporary folder). load loads the corpus; nil means corpus.Load of the
// folder with the default limits. warn, when not nil, is told each corpus
// warning and why a build moved to a temporary folder, in the manner of
// slog's Logger.Warn.
func NewBuilder(load func() (*corpus.Corpus, error), corpusDir, dir string, warn func(msg string, args ...any)) *Builder {
	if load == nil {
		load = func() (*corpus.Corpus, error) { return corpus.Load(corpus.DirFS(corpusDir)) }
	}
	if warn == nil {
		warn = func(string, ...any) {}
	}
	return &Builder{load: load, corpusDir: corpusDir, fsys: corpus.DirFS(corpusDir), dir: dir, warn: warn}
}

// Build loads the corpus and builds it into the index folder; it returns
// the path of the new build. report, when not nil, is told how far the
// build is (see Report), first at once with the expected duration. Corpus
// problems name their files by their path under the corpus folder, so an
// editor can open them.
func (b *Builder) Build(ctx context.Context, report func(Report)) (string, error) {
	rep := b.reporter(report)
	rep.stage(StageLoading, 0, 0)
	opts := &Options{Progress: rep.progress, Started: rep.started, Source: SourceOfDir(b.corpusDir)}
	c, err := b.load()
	if err != nil {
		return "", corpus.ProblemsIn(err, b.corpusDir)
	}
	for _, w := range c.Warnings {
		b.warn("corpus", "problem", w.In(b.corpusDir).String())
	}
	dir, tmp := b.folders()
	if dir == "" {
		if dir, err = b.useTemp(); err != nil {
			return "", err
		}
		tmp = dir
	}
	path, err := Build(ctx, c, dir, opts)
	if err == nil || dir == tmp || ctx.Err() != nil {
		return path, err
	}
	// The folder cannot be written: build into a temporary folder rather
	// than serve nothing.
	tmp, terr := b.useTemp()
	if terr != nil {
		return "", errors.Join(err, terr)
	}
	b.warn("cannot build into the index folder; building into a temporary folder instead",
		"dir", dir, "err", err.Error(), "tmp", tmp)
	return Build(ctx, c, tmp, opts)
}

// Stale says why the index in the folder is out of date with the corpus
// ("" when it is not): the corpus changed since it was built, or the build
// does not record what it was built from.
func (b *Builder) Stale() string {
	dir, _ := b.folders()
	cur, err := ReadCurrent(dir)
	if err != nil {
		return "" // a plain bleve index, or none: nothing to compare
	}
	if cur.Source == nil {
		return "the index does not record the corpus it was built from"
	}
	src, err := SourceOf(b.fsys)
	if err != nil {
		return "the corpus cannot be read: " + err.Error()
	}
	if src.Fingerprint != cur.Source.Fingerprint {
		return "the corpus changed since the index was built"
	}
	return ""
}

// Dir is the index folder builds go into.
func (b *Builder) Dir() string {
	dir, _ := b.folders()
	return dir
}

func (b *Builder) folders() (dir, tmp string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.dir, b.tmp
}

// useTemp makes a temporary folder and builds into it from now on.
func (b *Builder) useTemp() (string, error) {
	tmp, err := os.MkdirTemp("", "vanelkaar-index-")
	if err != nil {
		return "", fmt.Errorf("temporary index folder: %w", err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
	b.dir, b.tmp = tmp, tmp
	return tmp, nil
}

// Close removes the temporary folder, if the builder made one. Call it
// after the index built there is closed.
func (b *Builder) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tmp == "" {
		return nil
	}
	err := os.RemoveAll(b.tmp)
	b.tmp = ""
	return err
}

// CorpusName names the corpus in corpusDir for a log: the folder, or
// "embedded".
func CorpusName(corpusDir string) string {
	if corpusDir == "" {
		return "embedded"
	}
	return filepath.Clean(corpusDir)
}
