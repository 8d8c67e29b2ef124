package web

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sync"
	"testing"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search"
)

// The fixture corpus: fictional people in fictional municipalities, and an
// article of hostile text.
const fixtureDir = "testdata/corpus"

var fixture struct {
	once sync.Once
	c    *corpus.Corpus
	err  error
}

// fixtureSearcher indexes the fixture corpus in memory.
func fixtureSearcher(t testing.TB) *search.Searcher {
	t.Helper()
	fixture.once.Do(func() { fixture.c, fixture.err = corpus.Load(os.DirFS(fixtureDir)) })
	if fixture.err != nil {
		t.Fatalf("load %s: %v", fixtureDir, fixture.err)
	}
	return newSearcher(t, fixture.c)
}

// newSearcher indexes a corpus in memory and searches it; the test closes it.
func newSearcher(t testing.TB, c *corpus.Corpus) *search.Searcher {
	t.Helper()
	idx, err := index.NewMemOnly(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	s, err := search.New(idx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// loadCorpus loads a corpus or stops the test.
func loadCorpus(t testing.TB, fsys fs.FS) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// serveCorpus serves a corpus, indexed in memory, on a real listener.
func serveCorpus(t testing.TB, cfg Config, c *corpus.Corpus) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(New(cfg, newSearcher(t, c)))
	t.Cleanup(ts.Close)
	return ts
}

// pageServer serves the fixture corpus on a real listener on 127.0.0.1.
func pageServer(t testing.TB, cfg Config) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(New(cfg, fixtureSearcher(t)))
	t.Cleanup(ts.Close)
	return ts
}

// apiTotal asks the API how many results a search has: the truth that
// pages are checked against.
func apiTotal(t testing.TB, base string, params url.Values) uint64 {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/search?" + params.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("API search %s: status %d", params.Encode(), resp.StatusCode)
	}
	var res search.Result
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	return res.Total
}
