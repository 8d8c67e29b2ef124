package main

import (
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"
)

// asMainEnv makes the test binary run as the vanelkaar command (main with
// the process's arguments, signals and exit code), so tests can start it
// as a subprocess without building it.
const asMainEnv = "VANELKAAR_TEST_AS_MAIN"

// slowMarker is what the command run by the tests writes to standard
// error when a request marked X-Test-Slow reaches the server; the request
// then takes a second.
const slowMarker = "test: slow request started"

func TestMain(m *testing.M) {
	if os.Getenv(asMainEnv) == "1" {
		slow := func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("X-Test-Slow") != "" {
					fmt.Fprintln(os.Stderr, slowMarker)
					time.Sleep(time.Second)
				}
				next.ServeHTTP(w, r)
			})
		}
		os.Exit(runMain(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, wrap: slow}))
	}
	// Servers without --index keep their index in the user's cache
	// folder: the tests' go to a folder of their own, removed after them.
	cache, err := os.MkdirTemp("", "vanelkaar-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}
