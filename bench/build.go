package bench

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// BuildStats is what an engine tells of its last build.
type BuildStats struct {
	// Time is the build itself, without preparing its input (such as
	// writing the corpus files); 0 means the whole of Load.
	Time time.Duration
	// Phases names the build's steps with their times.
	Phases string
	// PeakRSS is the build's peak resident memory in bytes; 0 when it was
	// not measured.
	PeakRSS int64
	// Size is the bytes on disk of what the build made: the index folder,
	// or a database's tables and indexes.
	Size int64
}

// BuildReporter is an engine that tells what its last Load built.
type BuildReporter interface {
	BuildStats(ctx context.Context) (BuildStats, error)
}

// BuildRow is one engine's build of one corpus.
type BuildRow struct {
	Corpus   string
	Passages int
	Engine   string
	BuildStats
	// TextBytes is the size of the corpus files (0 when the set has none).
	TextBytes int64
}

// load loads a set into an engine and returns what the build took.
func load(ctx context.Context, cfg *Config, set *Set, e Engine) (BuildRow, error) {
	cfg.progress("%s: loading %d documents into %s", set.Name, set.Documents(), e.Name())
	start := time.Now()
	if err := e.Load(ctx, set); err != nil {
		return BuildRow{}, err
	}
	row := BuildRow{Corpus: set.Name, Passages: set.Passages(), Engine: e.Name(), TextBytes: set.TextBytes}
	if br, ok := e.(BuildReporter); ok {
		st, err := br.BuildStats(ctx)
		if err != nil {
			return BuildRow{}, fmt.Errorf("%s: build statistics: %w", e.Name(), err)
		}
		row.BuildStats = st
	}
	if row.Time == 0 {
		row.Time = time.Since(start)
	}
	cfg.progress("%s: %s built in %.1f s", set.Name, e.Name(), row.Time.Seconds())
	return row, nil
}

// filesSize is the total size of the regular files under root in fsys.
func filesSize(fsys fs.FS, root string) (int64, error) {
	var n int64
	err := fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return n, err
}

// dirSize is the total size of the regular files in a folder.
func dirSize(dir string) (int64, error) {
	return filesSize(os.DirFS(filepath.Clean(dir)), ".")
}
