package web

import (
	"bufio"
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a bytes.Buffer safe for the concurrent writes of a log.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestRequestLog(t *testing.T) {
	var buf lockedBuffer
	srv := New(Config{Logger: slog.New(slog.NewJSONHandler(&buf, nil)), RateLimit: 1, RateBurst: 2, TrustProxy: true}, opsSearcher(t))
	// Values a client sends that identify a person: none may be logged.
	personal := map[string]string{
		"X-Forwarded-For": "198.51.100.77",
		"X-Real-Ip":       "198.51.100.78",
		"User-Agent":      "Mozilla/5.0 (Persoonlijk-Toestel-8734)",
		"Cookie":          "sessie=geheim-koekje-5521",
		"Referer":         "https://voorbeeld.invalid/profiel/jan-jansen",
		"Authorization":   "Bearer vertrouwelijk-9911",
	}
	const remote = "10.1.2.3:45678"
	h := http.Header{}
	for k, v := range personal {
		h.Set(k, v)
	}
	tests := []struct {
		target     string
		wantRoute  string
		wantStatus int
	}{
		{"/api/v1/search?q=datagebruik+Jansen", "/api/v1/search", http.StatusOK},
		{"/profiel/jan-jansen", "unmatched", http.StatusNotFound},
		{"/api/v1/search?q=data", "/api/v1/search", http.StatusTooManyRequests},
		{"/healthz", "/healthz", http.StatusOK},
	}
	ids := map[string]bool{}
	for _, tt := range tests {
		res, _ := opsDo(t, srv, http.MethodGet, tt.target, remote, h, "")
		if res.StatusCode != tt.wantStatus {
			t.Fatalf("%s: status %d, want %d", tt.target, res.StatusCode, tt.wantStatus)
		}
		id := res.Header.Get("X-Request-ID")
		if len(id) < 16 || ids[id] {
			t.Fatalf("%s: X-Request-ID %q: want a new id of 16 characters", tt.target, id)
		}
		ids[id] = true
	}
	log := buf.String()
	var lines []map[string]any
	sc := bufio.NewScanner(strings.NewReader(log))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		lines = append(lines, m)
	}
	if len(lines) != len(tests) {
		t.Fatalf("%d log lines, want one per request:\n%s", len(lines), log)
	}
	for i, tt := range tests {
		l := lines[i]
		if l["msg"] != "request" || l["route"] != tt.wantRoute || l["status"] != float64(tt.wantStatus) || !ids[l["id"].(string)] {
			t.Errorf("log line %d = %v, want route %s, status %d and the request's id", i, l, tt.wantRoute, tt.wantStatus)
		}
		if _, ok := l["latency_ms"].(float64); !ok {
			t.Errorf("log line %d has no latency_ms: %v", i, l)
		}
	}
	for k, v := range personal {
		for _, part := range []string{v, strings.Fields(v)[len(strings.Fields(v))-1]} {
			if strings.Contains(log, part) {
				t.Errorf("the log holds the %s value %q:\n%s", k, part, log)
			}
		}
	}
	for _, s := range []string{"10.1.2.3", "45678", "Jansen", "jan-jansen", "datagebruik"} {
		if strings.Contains(log, s) {
			t.Errorf("the log holds %q (client address or URL):\n%s", s, log)
		}
	}
}

func TestErrorLogHidesAddresses(t *testing.T) {
	var buf lockedBuffer
	srv := New(Config{Logger: slog.New(slog.NewTextHandler(&buf, nil))}, opsSearcher(t))
	// What net/http writes on a panic or a bad TLS handshake.
	srv.ErrorLog().Printf("http: TLS handshake error from 198.51.100.7:51234: EOF")
	srv.ErrorLog().Printf("http: panic serving [2001:db8::1]:443: boom")
	log := buf.String()
	for _, s := range []string{"198.51.100.7", "51234", "2001:db8::1"} {
		if strings.Contains(log, s) {
			t.Errorf("the log holds %q:\n%s", s, log)
		}
	}
	if !strings.Contains(log, "TLS handshake error from [address]") {
		t.Errorf("the message itself should stay:\n%s", log)
	}
}
