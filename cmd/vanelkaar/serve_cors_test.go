package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestServeCORSOriginsFromEnvironment runs `vanelkaar serve` in-process
// with VANELKAAR_CORS_ORIGINS set, and checks that the API answers CORS for
// exactly the origins listed there.
func TestServeCORSOriginsFromEnvironment(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	vars := map[string]string{"VANELKAAR_CORS_ORIGINS": "https://www.voorbeeldstad.nl, http://127.0.0.1:9999"}
	e := &env{stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string { return vars[k] }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, []string{"serve", "--addr", addr, "--rate-limit", "0"}) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("serve was not ready within 20s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, tt := range []struct{ origin, want string }{
		{"https://www.voorbeeldstad.nl", "https://www.voorbeeldstad.nl"},
		{"http://127.0.0.1:9999", "http://127.0.0.1:9999"},
		{"https://www.elders.nl", ""},
	} {
		req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/search?q=gemeenten", nil)
		req.Header.Set("Origin", tt.origin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != tt.want {
			t.Errorf("Origin %s: Access-Control-Allow-Origin = %q, want %q", tt.origin, got, tt.want)
		}
	}
}
