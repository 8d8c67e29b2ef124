package main

import (
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestServeWithNoFilesAndNoFlags builds the binary and runs `vanelkaar
// serve` as a fresh machine would: in an empty folder, with no flags and no
// configuration in the environment. It must answer /readyz on the default
// address with the embedded corpus indexed.
func TestServeWithNoFilesAndNoFlags(t *testing.T) {
	const addr = "127.0.0.1:8080"
	if ln, err := net.Listen("tcp", addr); err != nil {
		t.Fatalf("the default address %s is taken by another process: %v", addr, err)
	} else {
		ln.Close()
	}
	bin := filepath.Join(t.TempDir(), "vanelkaar")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve")
	cmd.Dir = t.TempDir()
	cmd.Env = cleanEnv()
	logs := &lockedBuffer{}
	cmd.Stderr = logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve did not shut down cleanly: %v\n%s", err, logs.String())
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Errorf("serve did not stop within 10s of SIGINT")
		}
	}()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("/readyz on %s did not answer 200 within 20s; logs:\n%s", addr, logs.String())
}

// cleanEnv is the environment without vanelkaar's own settings, so the
// binary runs on its defaults.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if len(kv) >= 10 && kv[:10] == "VANELKAAR_" {
			continue
		}
		env = append(env, kv)
	}
	return env
}
