package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"vanelkaar/index"
)

// runIndex builds an index folder from a corpus, showing its progress on
// standard error: a bar rewritten in place on a terminal, a line per
// stage and per tenth of the documents otherwise.
func runIndex(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "index", "[--corpus DIR] --out DIR")
	var src corpusSource
	src.addFlags(fs, "corpus folder (default: the embedded corpus)")
	out := fs.String("out", "", "index folder to build into (required)")
	quiet := fs.Bool("quiet", false, "show no progress")
	memLimit := fs.Int64("memory-limit", defaultBuildMemory>>20, "MiB the Go heap aims to stay under while building, raised for a larger corpus to what it holds plus 256 MiB (the collector works harder near the limit); 0 for none, as does a GOMEMLIMIT in the environment")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 || *memLimit < 0 {
		fs.Usage()
		return errUsage
	}
	// The corpus is described before it is read: a change while it is
	// read makes the next server start rebuild, never miss the change.
	opts := &index.Options{Started: time.Now(), Source: index.SourceOfDir(src.Dir)}
	if !*quiet {
		bar := newProgressBar(e.stderr, isTerminal(e.stderr))
		opts.Progress = bar.show
		bar.show(index.Progress{Stage: index.StageLoading})
	}
	limit := *memLimit > 0 && e.getenv("GOMEMLIMIT") == ""
	if limit {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(loadMemoryLimit(*memLimit<<20, opts.Source)))
	}
	c, err := src.load()
	if err != nil {
		return err
	}
	c.DropBodies()
	if limit {
		debug.SetMemoryLimit(buildMemoryLimit(*memLimit << 20))
	}
	// Build is the corpus's last user: once it has encoded what it stores
	// besides the documents, the collector may free the corpus during
	// the final merge.
	articles, people := len(c.Articles), len(c.People)
	path, err := index.Build(ctx, c, *out, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "indexed %d articles and %d people into %s\n", articles, people, path)
	return nil
}

// defaultBuildMemory is the heap a build aims to stay under: a build of
// 100,000 passages holds about 300 MB (the corpus, a batch being
// analysed, the vocabulary); without a limit the collector lets the heap
// grow to twice that before it collects.
const defaultBuildMemory = 400 << 20

// buildHeadroom is what a build needs besides the loaded corpus: a batch
// being analysed, the documents made ahead of it, the vocabulary.
const buildHeadroom = 256 << 20

// loadHeapPerByte is about how many bytes of heap a loaded corpus holds
// per byte of its files (2.4 for the generated corpora of 50,000 and
// 200,000 passages).
const loadHeapPerByte = 2.5

// loadMemoryLimit is the heap limit while the corpus is read: limit, or
// what the loaded corpus of src is expected to hold plus buildHeadroom
// when that is more. A limit under what the corpus alone holds (over 1 GB
// at a million passages) would keep the collector running without pause,
// taking up to half the CPU, and free nothing.
func loadMemoryLimit(limit int64, src *index.Source) int64 {
	if src == nil {
		return limit
	}
	return max(limit, int64(loadHeapPerByte*float64(src.Bytes))+buildHeadroom)
}

// buildMemoryLimit is the heap limit of a build, set once the corpus is
// loaded: limit, or the loaded corpus's heap plus buildHeadroom when that
// is more (see loadMemoryLimit).
func buildMemoryLimit(limit int64) int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return max(limit, int64(m.HeapAlloc)+buildHeadroom)
}

// progressBar shows a build's progress. On a terminal it rewrites one
// line; elsewhere (a log, a pipe) it writes a line when the stage changes
// and at each further tenth of the documents, so a log stays short.
type progressBar struct {
	w     io.Writer
	tty   bool
	stage index.Stage
	tenth int // the last tenth written, for plain lines
}

// barWidth is the number of cells of the bar on a terminal.
const barWidth = 30

func newProgressBar(w io.Writer, tty bool) *progressBar {
	return &progressBar{w: w, tty: tty, tenth: -1}
}

// show shows p.
func (b *progressBar) show(p index.Progress) {
	if b.tty {
		b.rewrite(p)
		return
	}
	tenth := int(10 * p.Fraction())
	if p.Stage == b.stage && tenth == b.tenth {
		return
	}
	b.stage, b.tenth = p.Stage, tenth
	fmt.Fprintln(b.w, p)
}

// rewrite draws p over the terminal line, and ends the line once done.
func (b *progressBar) rewrite(p index.Progress) {
	if p.Stage == index.StageDone {
		fmt.Fprintf(b.w, "\r\033[K%s\n", p)
		return
	}
	filled := int(barWidth * p.Fraction())
	bar := strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled)
	line := fmt.Sprintf("%-9s %s", p.Stage, bar)
	if p.Total > 0 {
		line += fmt.Sprintf(" %3.0f%% %d/%d", 100*p.Fraction(), p.Done, p.Total)
	}
	fmt.Fprintf(b.w, "\r\033[K%s %s", line, p.Elapsed.Round(time.Second))
}
