package search_test

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search"
)

// shippedWith returns the shipped corpus plus extra files.
func shippedWith(t *testing.T, extra fstest.MapFS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(corpus.Shipped(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(corpus.Shipped(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, f := range extra {
		m[p] = f
	}
	return m
}

// buildIndex builds an index folder of fsys and returns it.
func buildIndex(t *testing.T, fsys fs.FS) string {
	t.Helper()
	c, err := corpus.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := index.Build(context.Background(), c, dir, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

const uniqueWord = "zwaluwstaartvlinder"

var extraArticle = fstest.MapFS{path.Join(corpus.ArticlesDir, "99-vlinders.md"): {Data: []byte(`---
slug: vlinders
title: Vlinders in Voorbeeldstad
part: 7
---

Gemeente Voorbeeldstad telt elk jaar de zwaluwstaartvlinder in haar parken.
`)}}

func hits(t *testing.T, s *search.Searcher, q string) uint64 {
	t.Helper()
	res, err := s.Search(context.Background(), search.Request{Query: q})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res.Total
}

func TestReloader(t *testing.T) {
	dirA := buildIndex(t, corpus.Shipped())
	dirB := buildIndex(t, shippedWith(t, extraArticle))
	broken := errors.New("artikelen/02-x.md:3: missing title")
	var mu sync.Mutex
	next := []struct {
		dir string
		err error
	}{{dirA, nil}, {"", broken}, {dirB, nil}}
	build := func(ctx context.Context, _ func(search.BuildProgress)) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		n := next[0]
		next = next[1:]
		return n.dir, n.err
	}
	var reports []search.ReloadStatus
	s := &search.Searcher{}
	defer s.Close()
	r := search.NewReloader(s, build, func(st search.ReloadStatus) {
		mu.Lock()
		defer mu.Unlock()
		reports = append(reports, st)
	})
	defer r.Close()

	if err := r.ReloadNow(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := r.Status()
	if st.Documents == 0 || st.Succeeded != 1 || st.LastErr != nil || st.Last.IsZero() {
		t.Fatalf("after the first build: %+v", st)
	}
	docs := st.Documents
	if n := hits(t, s, uniqueWord); n != 0 {
		t.Fatalf("%q found %d times before it was added", uniqueWord, n)
	}

	// A failed build keeps the old index serving and says why.
	if err := r.ReloadNow(context.Background()); !errors.Is(err, broken) {
		t.Fatalf("ReloadNow = %v, want %v", err, broken)
	}
	st = r.Status()
	if !errors.Is(st.LastErr, broken) || st.Failed != 1 || st.Succeeded != 1 || st.Documents != docs {
		t.Errorf("after a failed build: %+v", st)
	}
	if hits(t, s, "innovatie") == 0 {
		t.Error("the old index stopped answering after a failed build")
	}

	// A background reload swaps the new index in.
	r.Reload()
	waitFor(t, func() bool { return r.Status().Succeeded == 2 })
	if n := hits(t, s, uniqueWord); n == 0 {
		t.Errorf("%q not found after the reload", uniqueWord)
	}
	st = r.Status()
	if st.LastErr != nil || st.Documents <= docs || st.Running {
		t.Errorf("after the reload: %+v", st)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reports) != 3 || reports[1].LastErr == nil {
		t.Errorf("onReload reports: %+v, want three, the second failed", reports)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestReloaderCoalesces(t *testing.T) {
	dir := buildIndex(t, corpus.Shipped())
	var mu sync.Mutex
	builds := 0
	started := make(chan bool, 10)
	release := make(chan bool)
	build := func(ctx context.Context, _ func(search.BuildProgress)) (string, error) {
		mu.Lock()
		builds++
		mu.Unlock()
		started <- true
		<-release
		return dir, nil
	}
	s := &search.Searcher{}
	defer s.Close()
	r := search.NewReloader(s, build, nil)
	defer r.Close()
	r.Reload()
	<-started
	if !r.Status().Running {
		t.Error("Status().Running is false during a build")
	}
	// Five more requests during the build make one more build.
	for range 5 {
		r.Reload()
	}
	release <- true
	<-started
	release <- true
	waitFor(t, func() bool { return r.Status().Succeeded == 2 && !r.Status().Running })
	time.Sleep(50 * time.Millisecond) // a third build would have started by now
	mu.Lock()
	defer mu.Unlock()
	if builds != 2 {
		t.Errorf("%d builds, want 2", builds)
	}
}

func TestReloaderCloseCancelsBuild(t *testing.T) {
	started := make(chan bool)
	build := func(ctx context.Context, _ func(search.BuildProgress)) (string, error) {
		close(started)
		<-ctx.Done()
		return "", ctx.Err()
	}
	s := &search.Searcher{}
	r := search.NewReloader(s, build, nil)
	r.Reload()
	<-started
	done := make(chan bool)
	go func() { r.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not stop the build")
	}
	if st := r.Status(); !errors.Is(st.LastErr, context.Canceled) {
		t.Errorf("LastErr = %v, want context.Canceled", st.LastErr)
	}
	r.Reload() // after Close: does nothing
	if st := r.Status(); st.Running || st.Failed != 1 {
		t.Errorf("Reload after Close ran a build: %+v", st)
	}
}

func TestReloaderStart(t *testing.T) {
	good := buildIndex(t, corpus.Shipped())
	tests := []struct {
		name       string
		dir        string
		wantOpened bool
		wantBuilds int
	}{
		{"an index folder that opens", good, true, 0},
		{"no folder", "", false, 1},
		{"a folder without an index", t.TempDir(), false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			builds := 0
			s := &search.Searcher{}
			defer s.Close()
			r := search.NewReloader(s, func(context.Context, func(search.BuildProgress)) (string, error) { builds++; return good, nil }, nil)
			defer r.Close()
			var why error
			opened, err := r.Start(context.Background(), tt.dir, nil, func(err error) { why = err })
			if err != nil {
				t.Fatal(err)
			}
			if opened != tt.wantOpened || builds != tt.wantBuilds {
				t.Errorf("opened %v after %d builds, want %v after %d", opened, builds, tt.wantOpened, tt.wantBuilds)
			}
			if (why != nil) != (tt.dir != "" && !tt.wantOpened) {
				t.Errorf("told why the folder did not open: %v", why)
			}
			if hits(t, s, "innovatie") == 0 {
				t.Error("no index serving after Start")
			}
		})
	}
}
