package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"vanelkaar/search"
)

// slowSearcher answers only when its context ends, like a search that
// takes too long.
type slowSearcher struct{}

func (slowSearcher) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}
func (slowSearcher) Validate(r search.Request) error { return nil }
func (slowSearcher) Ready() error                    { return nil }
func (slowSearcher) Suggest(ctx context.Context, q string, limit int) (*search.Suggestions, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}
func (slowSearcher) Analyze(string) (*search.Analysis, error) { return &search.Analysis{}, nil }
func (slowSearcher) ArticlePage(ctx context.Context, slug, q string, page int) (*search.ArticleText, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestRequestTimeout(t *testing.T) {
	srv := New(Config{RequestTimeout: 50 * time.Millisecond}, slowSearcher{})
	start := time.Now()
	res, body := opsDo(t, srv, http.MethodGet, "/api/v1/search?q=data", "", nil, "")
	took := time.Since(start)
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503: %s", res.StatusCode, body)
	}
	if took > 2*time.Second {
		t.Errorf("took %v: the deadline was not applied", took)
	}
	var p Problem
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.Title != "Time-out" {
		t.Errorf("problem %s (err %v), want title Time-out", body, err)
	}
}

func TestBodyLimit(t *testing.T) {
	r := &fakeReloader{}
	srv := New(Config{MaxBodyBytes: 1024, AdminToken: "t", Reloader: r}, opsSearcher(t))
	h := http.Header{"Authorization": {"Bearer t"}}
	res, body := opsDo(t, srv, http.MethodPost, "/api/v1/admin/reindex", "", h, strings.Repeat("x", 2048))
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413: %s", res.StatusCode, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != problemJSON {
		t.Errorf("Content-Type %q, want %q", ct, problemJSON)
	}
	if r.count() != 0 {
		t.Error("the refused request started a reindex")
	}
	if res, _ := opsDo(t, srv, http.MethodPost, "/api/v1/admin/reindex", "", h, "{}"); res.StatusCode != http.StatusAccepted {
		t.Errorf("small body: status %d, want 202", res.StatusCode)
	}
}

func (slowSearcher) Person(ctx context.Context, id string) (*search.PersonText, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}
