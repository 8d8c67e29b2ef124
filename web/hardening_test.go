package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"vanelkaar/search"
)

// do sends one request to a running test server.
func do(t *testing.T, method, url string, header http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// TestEveryRouteHasHEADAnd405 walks the route table: every GET route
// answers HEAD like GET without a body, and every route answers a method
// it does not have with 405 and an Allow header naming the ones it has.
func TestEveryRouteHasHEADAnd405(t *testing.T) {
	ts := pageServer(t, Config{})
	srv := New(Config{}, fixtureSearcher(t))
	examples := map[string]string{"/artikelen/:slug": "/artikelen/proef-data", staticPrefix + "/*": staticPrefix + "/style.css"}
	for _, r := range srv.routeTable() {
		path := r.path
		if ex, ok := examples[path]; ok {
			path = ex
		}
		t.Run(path, func(t *testing.T) {
			if r.method == http.MethodGet {
				get, getBody := do(t, http.MethodGet, ts.URL+path, nil)
				head, headBody := do(t, http.MethodHead, ts.URL+path, nil)
				if head.StatusCode != get.StatusCode || headBody != "" {
					t.Errorf("HEAD: status %d with %d bytes; GET: %d", head.StatusCode, len(headBody), get.StatusCode)
				}
				if get.StatusCode == http.StatusOK && head.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
					t.Errorf("HEAD Content-Type %q, GET %q", head.Header.Get("Content-Type"), get.Header.Get("Content-Type"))
				}
				if getBody == "" && get.StatusCode == http.StatusOK {
					t.Errorf("GET has no body")
				}
			}
			for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
				if m == r.method {
					continue
				}
				res, _ := do(t, m, ts.URL+path, nil)
				if res.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(res.Header.Get("Allow"), r.method) {
					t.Errorf("%s: status %d, Allow %q; want 405 naming %s", m, res.StatusCode, res.Header.Get("Allow"), r.method)
				}
			}
		})
	}
}

// TestUnreadableQueryIs400: a query string with invalid percent-encoding
// used to be read as empty and answer everything with 200.
func TestUnreadableQueryIs400(t *testing.T) {
	ts := pageServer(t, Config{})
	for _, target := range []string{"/api/v1/search?%zz%", "/api/v1/search?q=data%zz", "/api/v1/suggest?q=%e", "/zoeken?q=%zz%"} {
		res, body := do(t, http.MethodGet, ts.URL+target, nil)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400: %.200s", target, res.StatusCode, body)
		}
		if strings.HasPrefix(target, "/api/") && res.Header.Get("Content-Type") != problemJSON {
			t.Errorf("%s: Content-Type %q", target, res.Header.Get("Content-Type"))
		}
	}
}

// TestProblemDocumentsAreCapped: 1,500 duplicated parameters used to give
// a 114 KB answer; a request with many bad values lists the first few and
// a count.
func TestProblemDocumentsAreCapped(t *testing.T) {
	ts := pageServer(t, Config{})
	tests := []struct {
		name, query string
		wantTotal   int
	}{
		{"1,500 duplicated parameters", strings.Repeat("theme=bestaat-niet&", 1500) + "q=data", 0},
		{"50 unknown filter values", strings.Repeat("theme=bestaat-niet&", 50) + "q=data", 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := do(t, http.MethodGet, ts.URL+"/api/v1/search?"+tt.query, nil)
			if res.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", res.StatusCode)
			}
			if len(body) > 4096 {
				t.Errorf("the problem document is %d bytes, want at most 4 KiB", len(body))
			}
			var p Problem
			if err := json.Unmarshal([]byte(body), &p); err != nil {
				t.Fatal(err)
			}
			if len(p.InvalidParams) > maxProblemParams || p.InvalidParamsTotal != tt.wantTotal {
				t.Errorf("%d invalid params listed, total %d; want at most %d and total %d", len(p.InvalidParams), p.InvalidParamsTotal, maxProblemParams, tt.wantTotal)
			}
		})
	}
}

// TestForgedForwardingHeaders: without --trust-proxy, or from a peer
// outside the proxy networks, X-Forwarded-For and X-Forwarded-Proto change
// nothing, and the Host header never reaches the embed snippet.
func TestForgedForwardingHeaders(t *testing.T) {
	search := "/api/v1/search?q=data"
	proxyNets := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	t.Run("rate limit", func(t *testing.T) {
		tests := []struct {
			name   string
			cfg    Config
			remote string
			xff    []string // one per request
			want   int      // status of the second request
		}{
			{"forged, no trust-proxy", Config{}, "203.0.113.9:5000", []string{"198.51.100.1", "198.51.100.2"}, 429},
			{"forged private addresses, no trust-proxy", Config{}, "203.0.113.9:5000", []string{"10.0.0.1", "10.0.0.2"}, 429},
			{"trust-proxy, but the peer is no proxy", Config{TrustProxy: true, ProxyNetworks: proxyNets}, "203.0.113.9:5000", []string{"198.51.100.1", "198.51.100.2"}, 429},
			{"private addresses only, from a direct client on a private network", Config{TrustProxy: true}, "192.168.1.20:5000", []string{"10.0.0.1", "10.0.0.2"}, 429},
			{"client prepends a forged address; the proxy appends the real one", Config{TrustProxy: true, ProxyNetworks: proxyNets}, "10.0.0.5:5000",
				[]string{"198.51.100.1, 203.0.113.9", "198.51.100.2, 203.0.113.9"}, 429},
			{"forged addresses of our own proxy network", Config{TrustProxy: true, ProxyNetworks: proxyNets}, "10.0.0.5:5000",
				[]string{"10.9.9.1, 203.0.113.9", "10.9.9.2, 203.0.113.9"}, 429},
			{"two real clients behind the proxy", Config{TrustProxy: true, ProxyNetworks: proxyNets}, "10.0.0.5:5000",
				[]string{"203.0.113.9", "203.0.113.10"}, 200},
			{"IPv6 clients of one /64", Config{}, "", []string{"", ""}, 429},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.cfg.RateLimit, tt.cfg.RateBurst = 0.01, 1
				srv := New(tt.cfg, opsSearcher(t))
				var status int
				for i, xff := range tt.xff {
					remote, h := tt.remote, http.Header{}
					if xff != "" {
						h.Set("X-Forwarded-For", xff)
					}
					if remote == "" {
						remote = []string{"[2001:db8:1:2::1]:5000", "[2001:db8:1:2:ffff::7]:5000"}[i]
					}
					res, _ := opsDo(t, srv, http.MethodGet, search, remote, h, "")
					status = res.StatusCode
				}
				if status != tt.want {
					t.Errorf("second request: status %d, want %d", status, tt.want)
				}
			})
		}
	})
	t.Run("embed snippet", func(t *testing.T) {
		tests := []struct {
			name, remote, host string
			cfg                Config
			header             http.Header
			want, notWant      string
		}{
			{"forged Host", "203.0.113.9:5000", "kwaadaardig.example", Config{}, nil, placeholderOrigin, "kwaadaardig"},
			{"forged Host and proto", "203.0.113.9:5000", "127.0.0.1:8080", Config{}, http.Header{"X-Forwarded-Proto": {"https"}}, "http://127.0.0.1:8080/embed/widget.js", "https://"},
			{"public URL wins", "203.0.113.9:5000", "kwaadaardig.example", Config{PublicURL: "https://zoeken.voorbeeldstad.nl/"}, nil,
				"https://zoeken.voorbeeldstad.nl/embed/widget.js", "kwaadaardig"},
			{"trusted proxy's proto", "127.0.0.1:5000", "localhost:8080", Config{TrustProxy: true}, http.Header{"X-Forwarded-Proto": {"https"}}, "https://localhost:8080/embed/widget.js", ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				srv := New(tt.cfg, opsSearcher(t))
				req := httptest.NewRequest(http.MethodGet, "/embed/demo", nil)
				req.RemoteAddr, req.Host = tt.remote, tt.host
				for k, vs := range tt.header {
					req.Header[k] = vs
				}
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				body := rec.Body.String()
				if !strings.Contains(body, tt.want) || tt.notWant != "" && strings.Contains(body, tt.notWant) {
					t.Errorf("the demo page should hold %q and not %q:\n%.3000s", tt.want, tt.notWant, body)
				}
			})
		}
	})
}

func TestClientKey(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.1":               "192.0.2.1",
		"::ffff:192.0.2.1":        "192.0.2.1",
		"2001:db8:1:2::1":         "2001:db8:1:2::/64",
		"2001:db8:1:2:ffff:1:2:3": "2001:db8:1:2::/64",
		"2001:db8:1:3::1":         "2001:db8:1:3::/64",
		"fe80::1%eth0":            "fe80::/64",
		"niet-een-adres":          "niet-een-adres",
	} {
		if got := ClientKey(in); got != want {
			t.Errorf("ClientKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCORSDefaultIsPublicReadOnly: without --cors-origins any origin may
// read the API, without credentials, with GET and HEAD only; a preflight
// allows only the listed request headers, never what it is asked for.
func TestCORSDefaultIsPublicReadOnly(t *testing.T) {
	ts := pageServer(t, Config{})
	origin := http.Header{"Origin": {"https://www.station10.example"}}
	for _, path := range []string{"/api/v1/search?q=data", "/api/v1/suggest?q=da", "/api/v1/openapi.json", "/api/v1/search?q=%22open"} {
		res, _ := do(t, http.MethodGet, ts.URL+path, origin)
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "*" {
			t.Errorf("%s: Access-Control-Allow-Origin %q, want *", path, got)
		}
		if got := res.Header.Get("Access-Control-Allow-Credentials"); got != "" {
			t.Errorf("%s: Access-Control-Allow-Credentials %q, want none", path, got)
		}
	}
	res, _ := do(t, http.MethodGet, ts.URL+"/zoeken?q=data", origin)
	if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("a page: Access-Control-Allow-Origin %q, want none", got)
	}
	pre := origin.Clone()
	pre.Set("Access-Control-Request-Method", "GET")
	pre.Set("Access-Control-Request-Headers", "x-kwaadaardig, authorization")
	res, _ = do(t, http.MethodOptions, ts.URL+"/api/v1/search", pre)
	if res.StatusCode != http.StatusNoContent {
		t.Errorf("preflight: status %d, want 204", res.StatusCode)
	}
	allowHeaders := strings.ToLower(res.Header.Get("Access-Control-Allow-Headers"))
	if strings.Contains(allowHeaders, "kwaadaardig") || strings.Contains(allowHeaders, "authorization") || !strings.Contains(allowHeaders, "accept") {
		t.Errorf("preflight: Access-Control-Allow-Headers %q, want only the allowed headers", allowHeaders)
	}
	if m := res.Header.Get("Access-Control-Allow-Methods"); m != "GET,HEAD" {
		t.Errorf("preflight: Access-Control-Allow-Methods %q, want GET,HEAD", m)
	}
}

// TestMetricsNotPublic: /metrics answers the machine itself only, and
// nobody on the public listener when it has an admin listener.
func TestMetricsNotPublic(t *testing.T) {
	srv := New(Config{TrustProxy: true}, opsSearcher(t))
	tests := []struct {
		remote string
		header http.Header
		want   int
	}{
		{"127.0.0.1:9100", nil, 200},
		{"[::1]:9100", nil, 200},
		{"203.0.113.9:5000", nil, 404},
		{"203.0.113.9:5000", http.Header{"X-Forwarded-For": {"127.0.0.1"}}, 404},
		// Through a proxy on the same machine, the request is not local.
		{"127.0.0.1:9100", http.Header{"X-Forwarded-For": {"203.0.113.9"}}, 200},
	}
	for _, tt := range tests {
		if res, _ := opsDo(t, srv, http.MethodGet, "/metrics", tt.remote, tt.header, ""); res.StatusCode != tt.want {
			t.Errorf("/metrics from %s %v: status %d, want %d", tt.remote, tt.header, res.StatusCode, tt.want)
		}
	}
	admin := New(Config{AdminListener: true}, opsSearcher(t))
	if res, _ := opsDo(t, admin, http.MethodGet, "/metrics", "127.0.0.1:9100", nil, ""); res.StatusCode != 404 {
		t.Errorf("/metrics on the public listener with an admin listener: status %d, want 404", res.StatusCode)
	}
	for _, path := range []string{"/metrics", "/healthz", "/readyz"} {
		if res, _ := opsDo(t, admin.AdminHandler(), http.MethodGet, path, "203.0.113.9:5000", nil, ""); res.StatusCode != 200 {
			t.Errorf("%s on the admin listener: status %d, want 200", path, res.StatusCode)
		}
	}
}

// errSearcher fails every search with an error that quotes the query at
// length, as an error from deep down might.
type errSearcher struct{ slowSearcher }

func (errSearcher) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	return nil, errors.New("index exploded on " + r.Query + strings.Repeat(" en nog wat", 2000))
}

// TestLogHoldsNoQueriesAndNoLongLines: refused and accepted requests, and
// a server error quoting the query, log neither the query nor filter
// values, and no line is longer than a sane bound. A client that goes
// away is logged at info as such.
func TestLogHoldsNoQueriesAndNoLongLines(t *testing.T) {
	var buf lockedBuffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ts := pageServer(t, Config{Logger: logger})
	const word, filter = "geheimzoekwoord", "filterwaarde-van-iemand"
	for _, target := range []string{
		"/api/v1/search?q=" + word,
		"/api/v1/search?q=" + word + "&theme=" + filter,
		"/zoeken?q=" + word + "&municipality=" + filter,
		"/zoeken?q=%22" + word,
		"/api/v1/search?q=" + word + "&size=" + filter,
		"/api/v1/suggest?q=" + word + "&size=0",
		"/artikelen/" + word + "?q=" + word,
	} {
		do(t, http.MethodGet, ts.URL+target, http.Header{"User-Agent": {"Browser-van-" + word}})
	}
	failing := httptest.NewServer(New(Config{Logger: logger}, errSearcher{}))
	defer failing.Close()
	if res, _ := do(t, http.MethodGet, failing.URL+"/api/v1/search?q="+word, nil); res.StatusCode != 500 {
		t.Errorf("failing search: status %d, want 500", res.StatusCode)
	}
	log := buf.String()
	for _, s := range []string{word, filter, "127.0.0.1"} {
		if strings.Contains(log, s) {
			t.Errorf("the log holds %q:\n%s", s, log)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
		if len(line) > 1024 {
			t.Errorf("a log line of %d bytes: %.300s…", len(line), line)
		}
	}
	if !strings.Contains(log, `"level":"ERROR"`) {
		t.Errorf("the server error was not logged as one:\n%s", log)
	}

	// A client that gives up: info, "client went away", no error.
	buf = lockedBuffer{}
	slow := httptest.NewServer(New(Config{Logger: slog.New(slog.NewJSONHandler(&buf, nil))}, slowSearcher{}))
	defer slow.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, slow.URL+"/api/v1/search?q=data", nil)
	if res, err := http.DefaultClient.Do(req); err == nil {
		res.Body.Close()
		t.Fatal("the slow search answered")
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(buf.String(), "client went away") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	log = buf.String()
	if !strings.Contains(log, `"level":"INFO","msg":"client went away"`) || strings.Contains(log, "ERROR") || strings.Contains(log, `"status":503`) {
		t.Errorf("a client that went away, log:\n%s", log)
	}
}

// TestGzipForText: pages, API answers, scripts and style sheets are
// gzipped for a client that accepts it, with Vary: Accept-Encoding; small
// answers and clients that do not accept gzip get plain bytes.
func TestGzipForText(t *testing.T) {
	ts := pageServer(t, Config{})
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(path, enc string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
		if enc != "" {
			req.Header.Set("Accept-Encoding", enc)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	for _, path := range []string{"/zoeken?q=data", "/api/v1/search?q=data", "/api/v1/openapi.json", widgetPath, staticPrefix + "/style.css"} {
		res := get(path, "gzip, br")
		if vary := strings.Join(res.Header.Values("Vary"), ","); res.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(vary, "Accept-Encoding") {
			t.Errorf("%s: Content-Encoding %q, Vary %q; want gzip and Accept-Encoding", path, res.Header.Get("Content-Encoding"), vary)
		}
		if res := get(path, ""); res.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s without Accept-Encoding: Content-Encoding %q", path, res.Header.Get("Content-Encoding"))
		}
	}
	if res := get("/healthz", "gzip"); res.Header.Get("Content-Encoding") != "" {
		t.Errorf("/healthz (a few bytes): Content-Encoding %q, want none", res.Header.Get("Content-Encoding"))
	}
}

// TestProbesHaveTheirOwnLimit: /healthz and /readyz are cheap, but a
// flood of them from one client is cut; another client still gets them.
func TestProbesHaveTheirOwnLimit(t *testing.T) {
	srv := New(Config{}, opsSearcher(t))
	refused := 0
	for range 3 * probeBurst {
		if res, _ := opsDo(t, srv, http.MethodGet, "/healthz", "203.0.113.9:5000", nil, ""); res.StatusCode == http.StatusTooManyRequests {
			refused++
		}
	}
	if refused == 0 {
		t.Errorf("%d probes in a row from one client were all answered", 3*probeBurst)
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		if res, _ := opsDo(t, srv, http.MethodGet, path, "203.0.113.10:5000", nil, ""); res.StatusCode != http.StatusOK {
			t.Errorf("%s for another client: status %d", path, res.StatusCode)
		}
	}
}
