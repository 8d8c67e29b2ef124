package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMAndPersonalData runs `vanelkaar serve` as a subprocess and
// sends it real requests that carry what identifies a person: forwarded
// client addresses, a user agent, a cookie, a referrer, a token. Then it
// starts a request, sends SIGTERM while the request is in flight, and
// checks that the request is answered and the process exits 0. Last, it
// reads everything the process wrote (its log on stderr, and stdout, where
// echo's own logger would print) and checks that none of those values
// appears, nor any client address.
func TestSIGTERMAndPersonalData(t *testing.T) {
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--corpus", fixtureCorpus,
		"--log-format", "json", "--rate-limit", "1", "--rate-burst", "3", "--trust-proxy")
	cmd.Env = append(cleanEnv(), asMainEnv+"=1", adminTokenEnv+"=beheer-token-3141")
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	waited := false
	defer func() {
		if !waited { // the test failed early
			cmd.Process.Kill()
			<-exited
		}
	}()

	addr := listenAddr(t, stderr)
	base := "http://" + addr
	eventually(t, "/readyz answers 200", func() bool {
		res, err := http.Get(base + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	})

	// The client's own addresses (127.0.0.1:port) are personal data too
	// when the server sees no proxy: collect them to look for them later.
	var mu sync.Mutex
	var clientAddrs []string
	dialer := &net.Dialer{}
	client := &http.Client{Transport: &http.Transport{
		DisableKeepAlives: true,
		DialContext: func(ctx context.Context, network, a string) (net.Conn, error) {
			c, err := dialer.DialContext(ctx, network, a)
			if err == nil {
				mu.Lock()
				clientAddrs = append(clientAddrs, c.LocalAddr().String())
				mu.Unlock()
			}
			return c, err
		},
	}}
	personal := map[string]string{
		"X-Forwarded-For": "198.51.100.77",
		"X-Real-Ip":       "198.51.100.78",
		"Forwarded":       "for=198.51.100.79",
		"User-Agent":      "Mozilla/5.0 (Persoonlijk-Toestel-8734)",
		"Cookie":          "sessie=geheim-koekje-5521",
		"Referer":         "https://voorbeeld.invalid/profiel/jan-jansen",
		"Authorization":   "Bearer vertrouwelijk-9911",
	}
	requests := []struct {
		method, path string
		want         int
	}{
		{"GET", "/api/v1/search?q=fietspaden", http.StatusOK},
		{"GET", "/api/v1/search?q=%22", http.StatusBadRequest},
		{"POST", "/api/v1/admin/reindex", http.StatusUnauthorized},
		{"GET", "/api/v1/search?q=data", http.StatusTooManyRequests},
		{"GET", "/profiel/jan-jansen", http.StatusTooManyRequests},
		{"GET", "/healthz", http.StatusOK},
		{"GET", "/metrics", http.StatusOK},
	}
	for _, r := range requests {
		req, _ := http.NewRequest(r.method, base+r.path, nil)
		for k, v := range personal {
			req.Header.Set(k, v)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != r.want {
			t.Errorf("%s %s: status %d, want %d", r.method, r.path, res.StatusCode, r.want)
		}
	}

	// A slow request is in flight when SIGTERM arrives: it is answered,
	// then the process exits.
	type answer struct {
		code int
		body string
		err  error
	}
	answered := make(chan answer, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/search?q=fietspaden", nil)
		req.Header.Set("X-Test-Slow", "1")
		req.Header.Set("X-Forwarded-For", "198.51.100.80")
		req.Header.Set("User-Agent", personal["User-Agent"])
		res, err := client.Do(req)
		if err != nil {
			answered <- answer{err: err}
			return
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		answered <- answer{res.StatusCode, string(b), err}
	}()
	eventually(t, "the slow request reaches the server", func() bool { return strings.Contains(stderr.String(), slowMarker) })
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the log says it is shutting down", func() bool { return strings.Contains(stderr.String(), "shutting down") })
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Error("a new connection was accepted during shutdown")
	}
	a := <-answered
	if a.err != nil || a.code != http.StatusOK || !strings.Contains(a.body, "fietspaden") {
		t.Errorf("the request in flight: %d %v %.200s; want 200 with results", a.code, a.err, a.body)
	}
	select {
	case err := <-exited:
		waited = true
		if err != nil {
			t.Errorf("exit after SIGTERM: %v, want status 0; log:\n%s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("still running 15s after SIGTERM")
	}

	out := stdout.String() + stderr.String()
	if !strings.Contains(out, `"route":"/api/v1/search","status":200`) || !strings.Contains(out, `"status":429`) {
		t.Fatalf("the request log is missing; output:\n%s", out)
	}
	for k, v := range personal {
		for _, s := range []string{v, strings.TrimPrefix(strings.TrimPrefix(v, "Bearer "), "for=")} {
			if strings.Contains(out, s) {
				t.Errorf("the output holds the %s value %q", k, s)
			}
		}
	}
	for _, s := range append(clientAddrs, "198.51.100.80", "Persoonlijk-Toestel", "geheim-koekje", "jan-jansen", "beheer-token-3141") {
		if strings.Contains(out, s) {
			t.Errorf("the output holds %q", s)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", out)
	}
}

// listenAddr reads the address from serve's "listening" log line.
func listenAddr(t *testing.T, stderr *lockedBuffer) string {
	t.Helper()
	var addr string
	eventually(t, "serve logs its address", func() bool {
		for _, line := range strings.Split(stderr.String(), "\n") {
			var m struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &m) == nil && m.Msg == "listening" {
				addr = strings.TrimPrefix(m.Addr, "http://")
				return true
			}
		}
		return false
	})
	return addr
}
