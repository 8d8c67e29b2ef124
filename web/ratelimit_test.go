package web

import (
	"encoding/json"
	"net/http"
	"net/netip"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRateLimit(t *testing.T) {
	srv := New(Config{RateLimit: 1, RateBurst: 2}, opsSearcher(t))
	const a, b = "192.0.2.10:40000", "192.0.2.11:40000"
	for i := range 2 {
		if res, body := opsDo(t, srv, http.MethodGet, "/api/v1/search?q=data", a, nil, ""); res.StatusCode != http.StatusOK {
			t.Fatalf("request %d within the burst: status %d, %s", i+1, res.StatusCode, body)
		}
	}
	res, body := opsDo(t, srv, http.MethodGet, "/api/v1/search?q=data", a, nil, "")
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("request past the burst: status %d, want 429", res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); ct != problemJSON {
		t.Errorf("Content-Type %q, want %q", ct, problemJSON)
	}
	secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > 2 {
		t.Errorf("Retry-After %q, want 1 or 2 seconds at 1 request per second", res.Header.Get("Retry-After"))
	}
	var p Problem
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Problem{Type: "about:blank", Title: "Te veel verzoeken", Status: 429, Instance: "/api/v1/search"}, p,
		cmpIgnoreDetail); diff != "" {
		t.Errorf("problem (-want +got):\n%s", diff)
	}
	// Another client has its own bucket; probes are never limited.
	if res, _ := opsDo(t, srv, http.MethodGet, "/api/v1/search?q=data", b, nil, ""); res.StatusCode != http.StatusOK {
		t.Errorf("other client: status %d, want 200", res.StatusCode)
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		if res, _ := opsDo(t, srv, http.MethodGet, path, a, nil, ""); res.StatusCode != http.StatusOK {
			t.Errorf("%s for a limited client: status %d, want 200", path, res.StatusCode)
		}
	}
	if res, _ := opsDo(t, srv, http.MethodGet, "/metrics", "127.0.0.1:9100", nil, ""); res.StatusCode != http.StatusOK {
		t.Errorf("/metrics from the machine itself: status %d, want 200", res.StatusCode)
	}
}

var cmpIgnoreDetail = cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Detail" }, cmp.Ignore())

func TestRateLimitProxy(t *testing.T) {
	const proxy = "10.0.0.5:50000" // a proxy on a private network
	xff := func(ip string) http.Header { return http.Header{"X-Forwarded-For": {ip}} }
	tests := []struct {
		name       string
		trust      bool
		wantSecond int // status of the first request of the second client
	}{
		// Untrusted, every client behind the proxy shares its address.
		{"direct", false, http.StatusTooManyRequests},
		{"trust proxy", true, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := New(Config{RateLimit: 0.1, RateBurst: 1, TrustProxy: tt.trust, ProxyNetworks: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}, opsSearcher(t))
			if res, _ := opsDo(t, srv, http.MethodGet, "/api/v1/search?q=data", proxy, xff("198.51.100.1"), ""); res.StatusCode != http.StatusOK {
				t.Fatalf("first client: status %d", res.StatusCode)
			}
			res, _ := opsDo(t, srv, http.MethodGet, "/api/v1/search?q=data", proxy, xff("198.51.100.2"), "")
			if res.StatusCode != tt.wantSecond {
				t.Errorf("second client: status %d, want %d", res.StatusCode, tt.wantSecond)
			}
		})
	}
}

func TestRateLimiterBounded(t *testing.T) {
	l := newRateLimiter(1, 1, 3)
	now := time.Now()
	for _, key := range []string{"a", "b", "c"} {
		if ok, _ := l.allow(key, now); !ok {
			t.Fatalf("first request of %s refused", key)
		}
	}
	if ok, wait := l.allow("a", now); ok || wait <= 0 || wait > time.Second {
		t.Fatalf("second request of a: ok=%v wait=%v, want refused for up to 1s", ok, wait)
	}
	// A fourth client makes the limiter forget the one seen longest ago:
	// b (a was just seen again).
	l.allow("d", now)
	if n := l.size(); n != 3 {
		t.Errorf("clients remembered: %d, want 3", n)
	}
	if ok, _ := l.allow("b", now); !ok {
		t.Error("b was forgotten and should start with a full bucket")
	}
	if ok, _ := l.allow("a", now); ok {
		t.Error("a is still remembered and its bucket is empty")
	}
	// A refused request takes no token: after the wait it is allowed.
	if ok, _ := l.allow("a", now.Add(time.Second)); !ok {
		t.Error("a after one second: refused")
	}
}
