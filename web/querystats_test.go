package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"vanelkaar/search"
)

// dump is everything a queryStats holds, as text: what a test can search
// for words that must not be kept.
func dump(q *queryStats) string {
	q.mu.Lock()
	defer q.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "%x %v %d\n", q.key, q.since, q.dropped)
	for h, n := range q.pending {
		fmt.Fprintf(&b, "%x %d\n", h, n)
	}
	for k, rc := range q.reported {
		fmt.Fprintf(&b, "%q %#v\n", k, *rc)
	}
	return b.String()
}

// TestQueryStatsThreshold checks that a search asked fewer than three
// times is not kept as text (only as a keyed hash), and is reported from
// the third time on, folded, with its filters.
func TestQueryStatsThreshold(t *testing.T) {
	q := newQueryStats(nil)
	req := search.Request{Query: "Geheime  Persóon Jansen", Filters: map[string][]string{search.FacetMunicipality: {"breda"}}}
	for i := 1; i < QueryStatsThreshold; i++ {
		q.record(req)
		for _, word := range []string{"geheime", "Geheime", "persoon", "Persóon", "jansen", "Jansen", "breda"} {
			if strings.Contains(dump(q), word) {
				t.Fatalf("after %d searches the statistics hold %q:\n%s", i, word, dump(q))
			}
		}
		if got := q.report().Queries; len(got) != 0 {
			t.Fatalf("after %d searches the report lists %v", i, got)
		}
	}
	q.record(req)
	got := q.report().Queries
	want := []queryCount{{Query: "geheime persoon jansen", Filters: map[string][]string{search.FacetMunicipality: {"breda"}}, Count: QueryStatsThreshold}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("report %v, want %v", got, want)
	}
	if len(q.pending) != 0 {
		t.Errorf("the hash stays after the text is reported: %v", q.pending)
	}
	q.record(search.Request{Query: "geheime persoon JANSEN", Filters: map[string][]string{search.FacetMunicipality: {"breda"}}})
	if got := q.report().Queries[0].Count; got != QueryStatsThreshold+1 {
		t.Errorf("count %d after one more (spelled otherwise), want %d", got, QueryStatsThreshold+1)
	}
	// Other filters make another search.
	q.record(search.Request{Query: "geheime persoon jansen"})
	if n := len(q.report().Queries); n != 1 {
		t.Errorf("the search without filters is counted with the filtered one: %d listed", n)
	}
}

// TestQueryStatsWindow checks that counts are forgotten after the window.
func TestQueryStatsWindow(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	q := newQueryStats(func() time.Time { return now })
	for range QueryStatsThreshold {
		q.record(search.Request{Query: "blockchain"})
	}
	if len(q.report().Queries) != 1 {
		t.Fatal("not reported at the threshold")
	}
	now = now.Add(QueryStatsWindow)
	q.record(search.Request{Query: "iets anders"})
	rep := q.report()
	if len(rep.Queries) != 0 || !rep.Since.Equal(now) || strings.Contains(dump(q), "blockchain") {
		t.Errorf("after the window: %+v\n%s", rep, dump(q))
	}
}

// TestQueryStatsNothingPersonal sends searches that find nothing from
// different addresses, browsers and cookies through the HTTP server, and
// checks what the statistics keep: the query and its count, nothing about
// who asked.
func TestQueryStatsNothingPersonal(t *testing.T) {
	srv := New(Config{QueryStats: true, TrustProxy: true}, opsSearcher(t))
	clients := []struct{ addr, agent, forwarded, cookie string }{
		{"198.51.100.7:40001", "Mozilla/5.0 (Testbrowser Alfa)", "203.0.113.41", "sessie=abc123"},
		{"198.51.100.8:40002", "Mozilla/5.0 (Testbrowser Beta)", "203.0.113.42", "sessie=def456"},
		{"[2001:db8::9]:40003", "curl/8.0 Gamma", "203.0.113.43", "sessie=ghi789"},
	}
	for i, c := range clients {
		h := http.Header{"User-Agent": {c.agent}, "X-Forwarded-For": {c.forwarded}, "Cookie": {c.cookie}, "Referer": {"https://voorbeeld.example/pagina-" + c.cookie}}
		target := "/api/v1/search?q=" + url.QueryEscape("quantumcomputer")
		if i == 1 {
			target = "/zoeken?q=" + url.QueryEscape("quantumcomputer") // the page counts too
		}
		if res, body := opsDo(t, srv, http.MethodGet, target, c.addr, h, ""); res.StatusCode != http.StatusOK {
			t.Fatalf("search: %d %s", res.StatusCode, body)
		}
		if i < 2 {
			opsDo(t, srv, http.MethodGet, "/api/v1/search?q=hyperloop", c.addr, h, "")
		}
	}
	// Searches that find something, instant searches and later pages are
	// not counted.
	for range QueryStatsThreshold {
		opsDo(t, srv, http.MethodGet, "/api/v1/search?q=burgers", "198.51.100.7:1", nil, "")
		opsDo(t, srv, http.MethodGet, "/api/v1/search?q=quantu&prefix=true", "198.51.100.7:1", nil, "")
		opsDo(t, srv, http.MethodGet, "/api/v1/search?q=zeppelin&page=2", "198.51.100.7:1", nil, "")
	}
	res, body := opsDo(t, srv, http.MethodGet, "/query-stats", "127.0.0.1:5000", nil, "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("report: %d %s", res.StatusCode, body)
	}
	var rep queryStatsReport
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Queries) != 1 || rep.Queries[0].Query != "quantumcomputer" || rep.Queries[0].Count != 3 {
		t.Errorf("report %+v, want only quantumcomputer, asked 3 times", rep.Queries)
	}
	kept := dump(srv.queryStats) + body
	for _, c := range clients {
		host, _, _ := strings.Cut(strings.Trim(c.addr, "[]"), "]")
		for _, s := range []string{strings.Split(c.addr, ":")[0], host, c.agent, c.forwarded, c.cookie, "Testbrowser", "voorbeeld.example", "hyperloop", "burgers", "zeppelin", "quantu\""} {
			if s != "" && strings.Contains(kept, s) {
				t.Errorf("the statistics keep %q:\n%s", s, kept)
			}
		}
	}
}

// TestQueryStatsAccess checks that the report is off by default and, when
// on, guarded like /metrics: loopback clients only, and only on the admin
// listener when there is one.
func TestQueryStatsAccess(t *testing.T) {
	off := New(Config{}, opsSearcher(t))
	opsDo(t, off, http.MethodGet, "/api/v1/search?q=quantumcomputer", "198.51.100.7:1", nil, "")
	if res, _ := opsDo(t, off, http.MethodGet, "/query-stats", "127.0.0.1:5000", nil, ""); res.StatusCode != http.StatusNotFound {
		t.Errorf("without --query-stats: %d, want 404", res.StatusCode)
	}
	if res, _ := opsDo(t, off.AdminHandler(), http.MethodGet, "/query-stats", "127.0.0.1:5000", nil, ""); res.StatusCode != http.StatusNotFound {
		t.Errorf("without --query-stats on the admin listener: %d, want 404", res.StatusCode)
	}
	if off.queryStats != nil {
		t.Error("statistics are kept without --query-stats")
	}

	on := New(Config{QueryStats: true}, opsSearcher(t))
	if res, _ := opsDo(t, on, http.MethodGet, "/query-stats", "198.51.100.7:1", nil, ""); res.StatusCode != http.StatusNotFound {
		t.Errorf("from another machine: %d, want 404", res.StatusCode)
	}
	if res, _ := opsDo(t, on, http.MethodGet, "/query-stats", "[::1]:5000", nil, ""); res.StatusCode != http.StatusOK {
		t.Errorf("from this machine: %d, want 200", res.StatusCode)
	}

	admin := New(Config{QueryStats: true, AdminListener: true}, opsSearcher(t))
	if res, _ := opsDo(t, admin, http.MethodGet, "/query-stats", "127.0.0.1:5000", nil, ""); res.StatusCode != http.StatusNotFound {
		t.Errorf("public listener with an admin listener: %d, want 404", res.StatusCode)
	}
	res, body := opsDo(t, admin.AdminHandler(), http.MethodGet, "/query-stats", "203.0.113.9:5000", nil, "")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"threshold":3`) {
		t.Errorf("admin listener: %d %s", res.StatusCode, body)
	}
}

// TestZeroResultCounter checks the Prometheus counter of searches that
// found nothing.
func TestZeroResultCounter(t *testing.T) {
	srv := New(Config{}, opsSearcher(t))
	opsDo(t, srv, http.MethodGet, "/api/v1/search?q=quantumcomputer", "198.51.100.7:1", nil, "")
	opsDo(t, srv, http.MethodGet, "/zoeken?q=hyperloop", "198.51.100.7:1", nil, "")
	opsDo(t, srv, http.MethodGet, "/api/v1/search?q=burgers", "198.51.100.7:1", nil, "")
	_, body := opsDo(t, srv, http.MethodGet, "/metrics", "127.0.0.1:5000", nil, "")
	if !strings.Contains(body, "vanelkaar_search_zero_results_total 2\n") {
		t.Errorf("metrics lack two zero-result searches:\n%s", body)
	}
}
