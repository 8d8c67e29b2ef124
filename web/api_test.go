package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"vanelkaar/corpus"
	"vanelkaar/search"
)

func shippedServer(t *testing.T) *httptest.Server {
	t.Helper()
	return serveCorpus(t, Config{}, loadCorpus(t, corpus.Shipped()))
}

func fixtureServer(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	return serveCorpus(t, Config{}, loadCorpus(t, os.DirFS(dir)))
}

func getJSON(t *testing.T, url string, v any) *http.Response {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: decode: %v", url, err)
	}
	return resp
}

func TestSearchAPI(t *testing.T) {
	ts := shippedServer(t)
	var res search.Result
	resp := getJSON(t, ts.URL+"/api/v1/search?q=gemeenten", &res)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if resp.Header.Get("API-Version") == "" {
		t.Error("no API-Version header")
	}
	if res.Total == 0 || len(res.Hits) == 0 {
		t.Fatalf("no hits for gemeenten: %+v", res)
	}
	// The facets are all there, as JSON keys, with labels and counts.
	var raw struct {
		Facets map[string][]map[string]any `json:"facets"`
	}
	getJSON(t, ts.URL+"/api/v1/search?q=gemeenten", &raw)
	for _, f := range []string{"theme", "municipality", "role", "kind"} {
		vals, ok := raw.Facets[f]
		if !ok || len(vals) == 0 {
			t.Errorf("facet %q missing or empty: %v", f, raw.Facets[f])
			continue
		}
		for _, v := range vals {
			if v["label"] == "" || v["count"].(float64) < 1 {
				t.Errorf("facet %q value %v has no label or count", f, v)
			}
		}
	}
}

func TestSearchAPIRejectsBadParameters(t *testing.T) {
	ts := shippedServer(t)
	long := strings.Repeat("a", 257)
	for _, tc := range []struct {
		query  string
		params []string // names listed in invalidParams
	}{
		{"size=1000", []string{"size"}},
		{"page=0", []string{"page"}},
		{"page=twee", []string{"page"}},
		{"q=data&theme=bestaat-niet", []string{"theme"}},
		{"q=" + long, []string{"q"}},
		{`q="open`, []string{"q"}},
		{"size=0&page=-1&municipality=nergens&sort=random", []string{"page", "size", "municipality", "sort"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			var p Problem
			resp := getJSON(t, ts.URL+"/api/v1/search?"+tc.query, &p)
			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("status %d, want 400", resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q, want application/problem+json", ct)
			}
			if p.Status != 400 || p.Title == "" || p.Detail == "" {
				t.Errorf("problem document lacks status, title or detail: %+v", p)
			}
			var names []string
			for _, ip := range p.InvalidParams {
				names = append(names, ip.Name)
			}
			for _, want := range tc.params {
				if !contains(names, want) {
					t.Errorf("invalidParams %v does not name %q", names, want)
				}
			}
			if len(names) != len(tc.params) {
				t.Errorf("invalidParams %v, want exactly %v", names, tc.params)
			}
		})
	}
}

func TestSnippetEscapesHostileText(t *testing.T) {
	ts := fixtureServer(t, "../corpus/testdata/hostile")
	var res search.Result
	getJSON(t, ts.URL+"/api/v1/search?q=inclusiviteit", &res)
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	var found bool
	for _, h := range res.Hits {
		for _, s := range []string{h.Snippet, h.TitleHTML} {
			rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
			if strings.ContainsAny(rest, "<>") {
				t.Errorf("hit %s: markup other than <mark> in %q", h.ID, s)
			}
		}
		if strings.Contains(h.Snippet, "&lt;script&gt;alert(1)&lt;/script&gt;") && strings.Contains(h.Snippet, "<mark>") {
			found = true
		}
	}
	if !found {
		t.Errorf("no snippet shows the escaped <script> text with a marked match: %+v", res.Hits)
	}
}

func TestHealthAndReady(t *testing.T) {
	ts := shippedServer(t)
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
	}
	// A server whose index is not loaded yet is healthy but not ready.
	pending := httptest.NewServer(New(Config{}, &search.Searcher{}))
	defer pending.Close()
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 503, "/api/v1/search?q=x": 503} {
		resp, err := http.Get(pending.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("before loading, %s: status %d, want %d", path, resp.StatusCode, want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
