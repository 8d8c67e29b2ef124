package main

import (
	"path/filepath"
	"strings"
	"testing"

	"vanelkaar/index"
	"vanelkaar/index/indextest"
	"vanelkaar/search"
)

// olderIndex builds an index folder of the fixture corpus and makes it
// look built by an older vanelkaar, of another index format.
func olderIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	if code, _, errOut := runCmd(t, "", "index", "--corpus", fixtureCorpus, "--out", dir); code != 0 {
		t.Fatalf("vanelkaar index: exit %d\n%s", code, errOut)
	}
	cur := index.CurrentFormat()
	indextest.SetFormat(t, dir, index.Format{Version: cur.Version - 1, Mapping: cur.Mapping})
	return dir
}

// TestServeRebuildsAnIndexOfAnotherFormat: serve does not search an index
// whose fields or terms may not be its own; it says so and rebuilds it.
func TestServeRebuildsAnIndexOfAnotherFormat(t *testing.T) {
	dir := olderIndex(t)
	cfg := testServeConfig(fixtureCorpus)
	cfg.IndexDir = dir
	s := startServer(t, cfg)
	s.waitReady(t)
	if n := s.total(t, "fietspaden"); n != 1 {
		t.Errorf("fietspaden: %d results, want 1 from the rebuilt index", n)
	}
	log := s.logs.String()
	for _, want := range []string{"cannot open the index folder; building a new index from the corpus", "has format", "this vanelkaar reads format"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log does not say %q:\n%s", want, log)
		}
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	got, err := search.Open(dir)
	if err != nil {
		t.Fatalf("the folder does not hold an index of this format after the rebuild: %v", err)
	}
	got.Close()
}

// TestSearchRefusesAnIndexOfAnotherFormat: `vanelkaar search --index`
// has no corpus to rebuild from, so it refuses and says what to run.
func TestSearchRefusesAnIndexOfAnotherFormat(t *testing.T) {
	dir := olderIndex(t)
	code, out, errOut := runCmd(t, "", "search", "--index", dir, "fietspaden")
	if code != 1 || out != "" {
		t.Errorf("exit %d, output %q; want exit 1 and no results", code, out)
	}
	for _, want := range []string{"has format", "this vanelkaar reads format", "vanelkaar index --out"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the error does not say %q: %s", want, errOut)
		}
	}
}
