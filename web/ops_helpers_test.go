package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search"
)

var (
	opsSearcherOnce sync.Once
	opsSearcherVal  *search.Searcher
	opsSearcherErr  error
)

// opsSearcher is a real searcher over the shipped corpus, in memory,
// shared by the operations tests (it is safe for concurrent use).
func opsSearcher(t *testing.T) *search.Searcher {
	t.Helper()
	opsSearcherOnce.Do(func() {
		c, err := corpus.Load(corpus.Shipped())
		if err != nil {
			opsSearcherErr = err
			return
		}
		idx, err := index.NewMemOnly(context.Background(), c)
		if err != nil {
			opsSearcherErr = err
			return
		}
		opsSearcherVal, opsSearcherErr = search.New(idx)
	})
	if opsSearcherErr != nil {
		t.Fatal(opsSearcherErr)
	}
	return opsSearcherVal
}

// fakeReloader records reload requests and reports a fixed status.
type fakeReloader struct {
	mu      sync.Mutex
	reloads int
	status  search.ReloadStatus
}

func (f *fakeReloader) Reload() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reloads++
}

func (f *fakeReloader) Status() search.ReloadStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status
}

func (f *fakeReloader) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reloads
}

// opsDo sends one request to srv from the client address remote and returns
// the response and its body.
func opsDo(t *testing.T, srv http.Handler, method, target, remote string, header http.Header, body string) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if remote != "" {
		req.RemoteAddr = remote
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}
