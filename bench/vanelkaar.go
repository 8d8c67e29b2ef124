package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"vanelkaar/index"
	"vanelkaar/search"
)

// Vanelkaar is the engine under test: an index folder built by index.Build
// and answered by search.Searcher, as `vanelkaar serve` does.
type Vanelkaar struct {
	// TempDir is where index folders are built; "" means the system's.
	TempDir string
	// Command, when set, makes the command that builds an index folder
	// from a corpus folder in a process of its own (`vanelkaar index`),
	// so that the build's peak memory is measured apart from this
	// process's (which holds the generated corpora). It is used for sets
	// with Files; others are built in this process, unmeasured.
	Command func(ctx context.Context, corpusDir, indexDir string) *exec.Cmd
	// Keep leaves the index folders in TempDir when the engine loads the
	// next set or closes, for `vanelkaar serve --index` to open.
	Keep bool

	dir   string
	s     *search.Searcher
	stats BuildStats
}

func (v *Vanelkaar) Name() string { return "vanelkaar" }

func (v *Vanelkaar) Load(ctx context.Context, s *Set) error {
	if err := v.Close(); err != nil {
		return err
	}
	dir, err := os.MkdirTemp(v.TempDir, "vanelkaar-bench-index-")
	if err != nil {
		return fmt.Errorf("vanelkaar: %w", err)
	}
	v.dir, v.stats = dir, BuildStats{}
	out := filepath.Join(dir, "index")
	switch {
	case v.Command != nil && s.Files != nil:
		err = v.buildApart(ctx, s, out)
	case s.Corpus == nil:
		err = fmt.Errorf("a summary set is built from its folder by Command, which is not set")
	default:
		start := time.Now()
		_, err = index.Build(ctx, s.Corpus, out, nil)
		v.stats.Time = time.Since(start)
		v.stats.Phases = "index.Build in the bench's process"
	}
	if err != nil {
		return fmt.Errorf("vanelkaar: %w", err)
	}
	if v.stats.Size, err = dirSize(out); err != nil {
		return fmt.Errorf("vanelkaar: %w", err)
	}
	if v.s, err = search.Open(out); err != nil {
		return fmt.Errorf("vanelkaar: %w", err)
	}
	return nil
}

// buildApart builds the index with Command from the set's folder, or
// from a copy of its files when they are in none, timing the command
// alone.
func (v *Vanelkaar) buildApart(ctx context.Context, s *Set, out string) error {
	src := s.Dir
	if src == "" {
		src = filepath.Join(v.dir, "corpus")
		if err := os.CopyFS(src, s.Files); err != nil {
			return fmt.Errorf("write the corpus: %w", err)
		}
		defer os.RemoveAll(src)
	}
	cmd := v.Command(ctx, src, out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Start()
	if err == nil {
		stop := watchPeakRSS(cmd.Process.Pid)
		err = cmd.Wait()
		v.stats.PeakRSS = stop()
	}
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, stderr.String())
	}
	v.stats.Time = time.Since(start)
	v.stats.Phases = "`vanelkaar index` in a process of its own (reading the corpus files included)"
	return nil
}

// BuildStats tells the last build's time, peak memory and index size.
func (v *Vanelkaar) BuildStats(context.Context) (BuildStats, error) { return v.stats, nil }

// Searcher is the searcher of the loaded index, for the HTTP measurement.
func (v *Vanelkaar) Searcher() *search.Searcher { return v.s }

func (v *Vanelkaar) Search(ctx context.Context, q Query, size int) (*Answer, error) {
	res, err := v.s.Search(ctx, search.Request{Query: q.Text, Filters: q.Filters, Size: size})
	if err != nil {
		return nil, fmt.Errorf("vanelkaar: %q: %w", q, err)
	}
	a := NewAnswer()
	a.Total = int(res.Total)
	for _, h := range res.Hits {
		a.Hits = append(a.Hits, Hit{ID: h.ID, Snippet: h.Snippet})
	}
	for _, f := range Facets {
		for _, fv := range res.Facets.Get(f) {
			a.Count(f, fv.Value, fv.Count)
		}
	}
	return a, nil
}

// MunicipalityCounts counts the documents of each municipality of the
// loaded index: the municipality facet of a search for everything.
func (v *Vanelkaar) MunicipalityCounts(ctx context.Context) (map[string]int, error) {
	res, err := v.s.Search(ctx, search.Request{Size: 1})
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, fv := range res.Facets.Get(facetMunicipality) {
		counts[fv.Value] = fv.Count
	}
	return counts, nil
}

// Version names the bleve release the binary was built with.
func (v *Vanelkaar) Version(ctx context.Context) (string, error) {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/blevesearch/bleve/v2" {
				return "vanelkaar on bleve " + d.Version, nil
			}
		}
	}
	return "vanelkaar", nil
}

func (v *Vanelkaar) Close() error {
	var err error
	if v.s != nil {
		err = v.s.Close()
		v.s = nil
	}
	if v.dir != "" && !v.Keep {
		if rerr := os.RemoveAll(v.dir); err == nil {
			err = rerr
		}
		v.dir = ""
	}
	return err
}
