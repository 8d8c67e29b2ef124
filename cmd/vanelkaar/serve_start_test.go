package main

import (
	"net/http"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"vanelkaar/corpus/synth"
)

// startPassages is the size of the generated corpus of the start-up
// tests: large enough that a build takes seconds and opening must not.
const startPassages = 10_000

// progressReady is the part of /readyz that reports a build's progress.
type progressReady struct {
	Status  string
	Detail  string
	Reindex struct {
		Running  bool
		Progress *struct {
			Stage            string
			Done, Total      int
			RemainingSeconds *float64 `json:"remaining_seconds"`
		}
	}
}

// readyWithin waits until /readyz answers 200 and returns how long that
// took from start.
func (s *liveServer) readyWithin(t *testing.T, start time.Time, limit time.Duration) time.Duration {
	t.Helper()
	for time.Since(start) < limit {
		if res, err := http.Get(s.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return time.Since(start)
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("not ready within %s; log:\n%s", limit, s.logs.String())
	return 0
}

// TestServeStartsWithoutWaitingForABuild runs serve on a generated corpus
// without --index, three times: the first start has no index, answers
// 503 with Retry-After at once and reports the build's progress and
// expected time; the second opens the index the first built, in under a
// second, and does not rebuild; after a change to the corpus the third
// opens the old index as fast, answers from it while it rebuilds in the
// background, and then serves the change.
func TestServeStartsWithoutWaitingForABuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := synth.Write(dir, synth.Options{Passages: startPassages, Seed: synth.DefaultSeed}); err != nil {
		t.Fatal(err)
	}
	cfg := testServeConfig(dir)

	// No index: 503 at once, with Retry-After and the expected time.
	s := startServer(t, cfg)
	start := time.Now()
	res, err := http.Get(s.url + q("gemeente"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if secs, err := strconv.Atoi(res.Header.Get("Retry-After")); res.StatusCode != http.StatusServiceUnavailable || err != nil || secs < 1 {
		t.Errorf("a search during the first build: %d, Retry-After %q; want 503 with seconds", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("a search during the first build took %s to be refused", took)
	}
	var r progressReady
	eventually(t, "/readyz reports the first build's progress", func() bool {
		r = progressReady{}
		code := s.getJSON(t, "/readyz", &r)
		p := r.Reindex.Progress
		return code == http.StatusServiceUnavailable && p != nil && p.RemainingSeconds != nil && p.Stage != ""
	})
	if r.Status != "not ready" || r.Detail == "" || !r.Reindex.Running {
		t.Errorf("/readyz during the first build: %+v", r)
	}
	s.readyWithin(t, start, 3*time.Minute)
	s.stop()

	// The index is kept: the next start opens it and does not rebuild.
	start = time.Now()
	s = startServer(t, cfg)
	if took := s.readyWithin(t, start, 10*time.Second); took > time.Second {
		t.Errorf("ready %s after start on a built index of %d passages; want under 1s", took, startPassages)
	}
	if r = (progressReady{}); s.getJSON(t, "/readyz", &r) != http.StatusOK || r.Reindex.Running {
		t.Errorf("rebuilding an index whose corpus did not change: %s", s.logs.String())
	}
	s.stop()

	// A changed corpus: the old index serves at once while the new one is
	// built, and /readyz shows the build.
	writeFile(t, filepath.Join(dir, "artikelen", "zz-vlinders.md"), newArticle)
	start = time.Now()
	s = startServer(t, cfg)
	if took := s.readyWithin(t, start, 10*time.Second); took > time.Second {
		t.Errorf("ready %s after start on a stale index; want under 1s", took)
	}
	if r = (progressReady{}); s.getJSON(t, "/readyz", &r) != http.StatusOK || !r.Reindex.Running {
		t.Errorf("/readyz while rebuilding a stale index: %+v", r)
	}
	eventually(t, "/readyz reports the rebuild's progress", func() bool {
		r = progressReady{}
		code := s.getJSON(t, "/readyz", &r)
		return code == http.StatusOK && r.Reindex.Running && r.Reindex.Progress != nil && r.Reindex.Progress.Stage != ""
	})
	if n := s.total(t, uniqueWord); n != 0 {
		t.Errorf("%q found %d times before the rebuild is done", uniqueWord, n)
	}
	eventuallyWithin(t, 2*time.Minute, "the rebuilt index serves the change", func() bool { return s.total(t, uniqueWord) == 1 })
}
