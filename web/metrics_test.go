package web

import (
	"bufio"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"vanelkaar/search"
)

// metricValues reads the /metrics page of srv into a map from series (name
// and labels, as printed) to value.
func metricValues(t *testing.T, srv http.Handler) map[string]float64 {
	t.Helper()
	res, body := opsDo(t, srv, http.MethodGet, "/metrics", "127.0.0.1:9100", nil, "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/metrics: status %d", res.StatusCode)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metric line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

func TestMetrics(t *testing.T) {
	last := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	r := &fakeReloader{status: search.ReloadStatus{
		Documents: 41, Last: last, LastErr: errors.New("artikelen/x.md:3: missing title"),
		LastTook: 1500 * time.Millisecond, Succeeded: 2, Failed: 1,
	}}
	srv := New(Config{Reloader: r}, opsSearcher(t))
	// Two searches with different words count as one route; one finds
	// nothing; an unknown path is counted without its URL.
	for _, target := range []string{"/api/v1/search?q=data", "/api/v1/search?q=innovatie", "/api/v1/search?q=zwaluwstaartvlinder", "/api/v1/search?q=%22", "/nergens/123"} {
		opsDo(t, srv, http.MethodGet, target, "", nil, "")
	}
	opsDo(t, srv, "BREW", "/api/v1/search?q=koffie", "", nil, "")
	got := metricValues(t, srv)
	want := map[string]float64{
		`vanelkaar_http_requests_total{code="200",method="GET",route="/api/v1/search"}`: 3,
		`vanelkaar_http_requests_total{code="400",method="GET",route="/api/v1/search"}`: 1,
		`vanelkaar_http_requests_total{code="404",method="GET",route="unmatched"}`:      1,
		// A method the route does not have is 405 on that route.
		`vanelkaar_http_requests_total{code="405",method="other",route="/api/v1/search"}`:    1,
		`vanelkaar_http_request_duration_seconds_count{method="GET",route="/api/v1/search"}`: 4,
		`vanelkaar_searches_total`:                   3,
		`vanelkaar_search_zero_results_total`:        1,
		`vanelkaar_index_documents`:                  41,
		`vanelkaar_reindex_last_timestamp_seconds`:   float64(last.Unix()),
		`vanelkaar_reindex_last_success`:             0,
		`vanelkaar_reindex_last_duration_seconds`:    1.5,
		`vanelkaar_reindex_running`:                  0,
		`vanelkaar_reindex_total{outcome="success"}`: 2,
		`vanelkaar_reindex_total{outcome="failure"}`: 1,
	}
	for series, v := range want {
		if g, ok := got[series]; !ok {
			t.Errorf("%s: missing", series)
		} else if g != v {
			t.Errorf("%s = %v, want %v", series, g, v)
		}
	}
	for series := range got {
		if strings.Contains(series, "nergens") || strings.Contains(series, "zwaluw") {
			t.Errorf("a URL leaked into a metric: %s", series)
		}
	}
	// A second server has its own registry: it starts from zero.
	other := metricValues(t, New(Config{Reloader: r}, opsSearcher(t)))
	if v := other[`vanelkaar_searches_total`]; v != 0 {
		t.Errorf("second server: vanelkaar_searches_total = %v, want 0", v)
	}
}
