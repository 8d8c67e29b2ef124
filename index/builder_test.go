package index_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

// warnings collects what a Builder warns about.
type warnings struct {
	mu   sync.Mutex
	msgs []string
}

func (w *warnings) warn(msg string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.msgs = append(w.msgs, fmt.Sprint(append([]any{msg}, args...)...))
}

func (w *warnings) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return strings.Join(w.msgs, "\n")
}

func TestBuilderBuildsIntoTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	b := index.NewBuilder(nil, "", dir, nil)
	path, err := b.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir {
		t.Errorf("built into %s, want a build in %s", path, dir)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := index.Resolve(dir); err != nil {
		t.Errorf("the index folder after Close: %v", err)
	}
}

func TestBuilderFallsBackToATemporaryFolder(t *testing.T) {
	tests := []struct {
		name string
		dir  func(t *testing.T) string
		warn bool // the fallback is warned about
	}{
		{"no folder given", func(t *testing.T) string { return "" }, false},
		{"a file, not a folder", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "index")
			if err := os.WriteFile(p, []byte("geen map"), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("TMPDIR", t.TempDir())
			var w warnings
			b := index.NewBuilder(nil, "", tt.dir(t), w.warn)
			path, err := b.Build(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			tmp := filepath.Dir(path)
			if !strings.HasPrefix(filepath.Base(tmp), "vanelkaar-index-") {
				t.Errorf("built into %s, want a temporary folder", path)
			}
			if got := strings.Contains(w.String(), "building into a temporary folder instead"); got != tt.warn {
				t.Errorf("warned about the fallback: %v, want %v; warnings:\n%s", got, tt.warn, w.String())
			}
			// A second build goes to the same temporary folder.
			if again, err := b.Build(context.Background(), nil); err != nil || filepath.Dir(again) != tmp {
				t.Errorf("second build: %s, %v; want one in %s", again, err, tmp)
			}
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s is left after Close (err %v)", tmp, err)
			}
		})
	}
}

func TestBuilderNamesCorpusProblemsByTheirPath(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, corpus.Shipped()); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(src, corpus.ArticlesDir, "99-kapot.md")
	if err := os.WriteFile(broken, []byte("---\ntitle: Kapot\npart: 9\n\nDe front matter wordt nooit gesloten.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := index.NewBuilder(nil, src, filepath.Join(t.TempDir(), "index"), nil)
	defer b.Close()
	_, err := b.Build(context.Background(), nil)
	var ps corpus.Problems
	if !errors.As(err, &ps) || !strings.Contains(err.Error(), broken+":1: ") {
		t.Errorf("Build = %v; want a problem at %s:1", err, broken)
	}
}
