package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"vanelkaar/index"
	"vanelkaar/search"
)

// Vanelkaar is the engine under test: an index folder built by index.Build
// and answered by search.Searcher, as `vanelkaar serve` does.
type Vanelkaar struct {
	// TempDir is where index folders are built; "" means the system's.
	TempDir string

	dir string
	s   *search.Searcher
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
	v.dir = dir
	if _, err := index.Build(ctx, s.Corpus, filepath.Join(dir, "index"), nil); err != nil {
		return fmt.Errorf("vanelkaar: %w", err)
	}
	v.s, err = search.Open(filepath.Join(dir, "index"))
	if err != nil {
		return fmt.Errorf("vanelkaar: %w", err)
	}
	return nil
}

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
	if v.dir != "" {
		if rerr := os.RemoveAll(v.dir); err == nil {
			err = rerr
		}
		v.dir = ""
	}
	return err
}
