package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vanelkaar/web"
)

// fixtureCorpus is a small corpus about fictional people in fictional
// municipalities.
const fixtureCorpus = "testdata/corpus"

// liveServer is `vanelkaar serve` running in-process on a real listener on
// 127.0.0.1.
type liveServer struct {
	url  string
	logs *lockedBuffer // the JSON log
	stop func() error  // shuts down as SIGTERM would and returns serve's error
}

// testServeConfig is a serve configuration for tests: no rate limit, a
// short watch delay.
func testServeConfig(corpusDir string) serveConfig {
	return serveConfig{
		Corpus:          corpusSource{Dir: corpusDir},
		WatchDelay:      100 * time.Millisecond,
		Web:             web.Config{RequestTimeout: 10 * time.Second},
		ShutdownTimeout: 10 * time.Second,
	}
}

// startServer starts serve with cfg; it is stopped at the end of the test
// unless the test stops it first.
func startServer(t *testing.T, cfg serveConfig) *liveServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	logs := &lockedBuffer{}
	done := make(chan error, 1)
	go func() { done <- serve(ctx, cfg, ln, slog.New(slog.NewJSONHandler(logs, nil))) }()
	stopped := false
	var result error
	s := &liveServer{url: "http://" + ln.Addr().String(), logs: logs}
	s.stop = func() error {
		if !stopped {
			stopped = true
			cancel()
			result = <-done
		}
		return result
	}
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return s
}

// waitReady waits until /readyz answers 200.
func (s *liveServer) waitReady(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		res, err := http.Get(s.url + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("not ready within 30s; log:\n%s", s.logs.String())
}

// getJSON gets path and decodes the JSON answer into v; it returns the
// status.
func (s *liveServer) getJSON(t *testing.T, path string, v any) int {
	t.Helper()
	res, err := http.Get(s.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, b)
		}
	}
	return res.StatusCode
}

// total is the number of results for the query q.
func (s *liveServer) total(t *testing.T, q string) int {
	t.Helper()
	var res struct{ Total int }
	if code := s.getJSON(t, "/api/v1/search?q="+url.QueryEscape(q), &res); code != http.StatusOK {
		t.Fatalf("search %q: status %d", q, code)
	}
	return res.Total
}

// ready is the part of the /readyz answer the tests look at.
type ready struct {
	Status    string
	Documents int
	Reindex   struct {
		OK        bool
		Error     string
		Succeeded int
		Failed    int
	}
}

func (s *liveServer) ready(t *testing.T) (int, ready) {
	t.Helper()
	var r ready
	code := s.getJSON(t, "/readyz", &r)
	return code, r
}

// metric returns the value of one series of /metrics, or -1 when absent.
func (s *liveServer) metric(t *testing.T, series string) float64 {
	t.Helper()
	res, err := http.Get(s.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), series+" "); ok {
			var f float64
			if err := json.Unmarshal([]byte(v), &f); err != nil {
				t.Fatalf("metric %s: %q", series, v)
			}
			return f
		}
	}
	return -1
}

// eventually waits up to 20s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	eventuallyWithin(t, 20*time.Second, what, cond)
}

// eventuallyWithin waits up to limit for cond.
func eventuallyWithin(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// copyCorpus copies the fixture corpus into a temporary folder that the
// test may change.
func copyCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := os.CopyFS(dir, os.DirFS(fixtureCorpus)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// writeFile writes a file of a test corpus atomically, as an editor or a
// deploy does, so a watcher never sees half of it.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// uniqueWord is in no fixture article until a test adds one with it.
const uniqueWord = "zwaluwstaartvlinder"

const newArticle = `---
slug: vlinders
title: "Vlinders in Voorbeeldstad"
series: "Testreeks"
part: 3
themes: [inclusiviteit]
---

Gemeente Voorbeeldstad telt elk jaar de zwaluwstaartvlinder in haar parken, samen met inwoners.
`
