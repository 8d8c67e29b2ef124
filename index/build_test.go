package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"vanelkaar/corpus"
)

func shipped(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(corpus.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestBuildSwitchesAtomically(t *testing.T) {
	c := shipped(t)
	dir := filepath.Join(t.TempDir(), "index")
	first, err := Build(context.Background(), c, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Resolve(dir); err != nil || got != first {
		t.Fatalf("Resolve = %q, %v; want %q", got, err, first)
	}
	idx, err := bleve.Open(first)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := idx.DocCount()
	info, err := ReadInfo(idx)
	idx.Close()
	if err != nil || int(n) != info.Documents || info.People != 14 || info.Passages == 0 {
		t.Errorf("doc count %d, info %+v, err %v", n, info, err)
	}

	// A build that fails half-way leaves the previous build current and
	// leaves no partial folder behind.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, c, dir, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: err %v, want context.Canceled", err)
	}
	if got, _ := Resolve(dir); got != first {
		t.Errorf("after a failed build current is %q, want the first build %q", got, first)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Errorf("failed build left %s behind", e.Name())
		}
	}

	// A second good build becomes current; the first is kept (a server may
	// still hold it open), a third prunes it.
	second, err := Build(context.Background(), c, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := Resolve(dir); got != second || second == first {
		t.Errorf("current %q, want second build %q", got, second)
	}
	if _, err := os.Stat(first); err != nil {
		t.Errorf("previous build was removed too early: %v", err)
	}
	if _, err := Build(context.Background(), c, dir, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("oldest build %s still there after two newer builds", first)
	}
}

func TestResolveErrors(t *testing.T) {
	empty := t.TempDir()
	if _, err := Resolve(empty); !errors.Is(err, ErrNoIndex) {
		t.Errorf("Resolve(empty folder) = %v, want ErrNoIndex", err)
	}
	if _, err := Resolve(filepath.Join(empty, "missing")); err == nil {
		t.Error("Resolve(missing folder) succeeded")
	}
	broken := t.TempDir()
	if err := os.Symlink("build-gone", filepath.Join(broken, currentFile)); err != nil {
		t.Fatal(err)
	}
	if _, err := Resolve(broken); err == nil || !strings.Contains(err.Error(), "unreadable") {
		t.Errorf("Resolve(dangling current) = %v, want an unreadable-build error", err)
	}
}

func TestMappingIsExplicit(t *testing.T) {
	m := NewMapping()
	if m.DefaultMapping.Dynamic || m.IndexDynamic || m.StoreDynamic {
		t.Error("dynamic mapping is on")
	}
	if m.ScoringModel != "bm25" {
		t.Errorf("scoring model %q, want bm25", m.ScoringModel)
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	// Only the names are stored of the text fields: the record has the
	// text of the others. Only the reading order, which bleve sorts by,
	// has doc values.
	for _, f := range TextFields {
		fm := m.DefaultMapping.Properties[f.Name].Fields[0]
		if fm.Analyzer != AnalyzerDutch || fm.Store != (f.Name == FieldNames) || !fm.IncludeTermVectors {
			t.Errorf("text field %s: analyzer %q store %v vectors %v", f.Name, fm.Analyzer, fm.Store, fm.IncludeTermVectors)
		}
	}
	for _, f := range KeywordFields() {
		fm := m.DefaultMapping.Properties[f].Fields[0]
		if fm.Analyzer != "keyword" || fm.DocValues != (f == FieldOrder) || fm.Store {
			t.Errorf("keyword field %s: analyzer %q doc values %v store %v", f, fm.Analyzer, fm.DocValues, fm.Store)
		}
	}
}

func TestConcurrentBuildsTakeTurns(t *testing.T) {
	c := shipped(t)
	dir := filepath.Join(t.TempDir(), "index")
	const n = 3
	errs := make(chan error, n)
	paths := make(chan string, n)
	for i := 0; i < n; i++ {
		go func() {
			p, err := Build(context.Background(), c, dir, nil)
			errs <- err
			paths <- p
		}()
	}
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			t.Errorf("concurrent build: %v", err)
		}
	}
	current, err := Resolve(dir)
	if err != nil {
		t.Fatalf("after concurrent builds: %v", err)
	}
	idx, err := bleve.Open(current)
	if err != nil {
		t.Fatalf("current build does not open: %v", err)
	}
	defer idx.Close()
	if n, _ := idx.DocCount(); n == 0 {
		t.Error("current build is empty")
	}
}

func TestBuildWaitsForTheLockUntilCancelled(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lockDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := Build(ctx, shipped(t), dir, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("build while another holds the lock: %v, want it to wait until the deadline", err)
	}
}
