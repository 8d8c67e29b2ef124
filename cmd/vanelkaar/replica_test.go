package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"vanelkaar/index"
	"vanelkaar/index/indextest"
)

// replica is `vanelkaar serve --index DIR` running as a process of its
// own, as one of several behind a load balancer.
type replica struct {
	url    string
	stderr *lockedBuffer
}

// startReplica starts a serve process; it is stopped (SIGINT) at the end
// of the test.
func startReplica(t *testing.T, args ...string) *replica {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--addr", "127.0.0.1:0", "--log-format", "json", "--rate-limit", "0"}, args...)...)
	cmd.Env = append(cleanEnv(), asMainEnv+"=1")
	r := &replica{stderr: &lockedBuffer{}}
	cmd.Stderr = r.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Errorf("a replica did not stop within 15s of SIGINT")
		}
	})
	r.url = "http://" + listenAddr(t, r.stderr)
	eventually(t, "the replica is ready", func() bool { return r.total(q("fietspaden")) >= 0 })
	return r
}

func q(word string) string { return "/api/v1/search?q=" + url.QueryEscape(word) }

// total is the number of results of path, or -1 when it is not answered 200.
func (r *replica) total(path string) int {
	res, err := http.Get(r.url + path)
	if err != nil {
		return -1
	}
	defer res.Body.Close()
	var body struct{ Total int }
	if res.StatusCode != http.StatusOK || json.NewDecoder(res.Body).Decode(&body) != nil {
		return -1
	}
	return body.Total
}

// hammer sends searches to each replica from two clients each until the
// function it returns is called; that returns how many were answered and
// what failed.
func hammer(replicas ...*replica) (stop func() (answered int64, failures []string)) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var n atomic.Int64
	var mu sync.Mutex
	var failed []string
	for _, r := range replicas {
		for range 2 {
			wg.Go(func() {
				for ctx.Err() == nil {
					if got := r.total(q("gemeente")); got <= 0 {
						mu.Lock()
						failed = append(failed, fmt.Sprintf("%s: total %d", r.url, got))
						mu.Unlock()
					}
					n.Add(1)
				}
			})
		}
	}
	return func() (int64, []string) {
		cancel()
		wg.Wait()
		return n.Load(), failed
	}
}

// buildInto runs `vanelkaar index --corpus corpusDir --out dir`.
func buildInto(t *testing.T, corpusDir, dir string) {
	t.Helper()
	if code, _, errOut := runCmd(t, "", "index", "--quiet", "--corpus", corpusDir, "--out", dir); code != 0 {
		t.Fatalf("vanelkaar index: exit %d\n%s", code, errOut)
	}
}

// corpusWithNewArticle is the fixture corpus plus an article with
// uniqueWord.
func corpusWithNewArticle(t *testing.T) string {
	dir := copyCorpus(t)
	writeFile(t, filepath.Join(dir, "artikelen", "03-vlinders.md"), newArticle)
	return dir
}

// TestReplicasPickUpANewBuildAtomically runs two serve processes on one
// index folder, built once by `vanelkaar index`, and keeps searching on
// both while a new build is switched in by `vanelkaar index --out` on the
// same folder: no request fails, and both serve the new build after it.
func TestReplicasPickUpANewBuildAtomically(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	buildInto(t, fixtureCorpus, dir)
	a, b := startReplica(t, "--index", dir), startReplica(t, "--index", dir)
	for _, r := range []*replica{a, b} {
		if n := r.total(q(uniqueWord)); n != 0 {
			t.Fatalf("%s finds %q %d times before the new build", r.url, uniqueWord, n)
		}
	}
	stop := hammer(a, b)
	time.Sleep(300 * time.Millisecond)
	buildInto(t, corpusWithNewArticle(t), dir)
	for _, r := range []*replica{a, b} {
		eventually(t, r.url+" serves the new build", func() bool { return r.total(q(uniqueWord)) == 1 })
	}
	time.Sleep(300 * time.Millisecond)
	answered, failed := stop()
	t.Logf("%d searches answered on two replicas across the switch", answered)
	if len(failed) > 0 || answered < 20 {
		t.Errorf("%d searches answered across the switch, %d failed: %v", answered, len(failed), failed[:min(len(failed), 5)])
	}
	for _, r := range []*replica{a, b} {
		if log := r.stderr.String(); !strings.Contains(log, "index switched to a new build") {
			t.Errorf("%s does not log the switch:\n%s", r.url, log)
		}
	}
}

// moveBuildInto moves the current build of the index folder from into the
// index folder to and switches to it, as a deploy that copies a build
// made elsewhere does: the build folder first, then "current" by rename.
func moveBuildInto(t *testing.T, from, to string) {
	t.Helper()
	cur, err := index.ReadCurrent(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(from, cur.Build), filepath.Join(to, cur.Build)); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(to, ".current.new")
	if err := os.WriteFile(tmp, []byte(`{"build":"`+cur.Build+`"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(to, "current")); err != nil {
		t.Fatal(err)
	}
}

// TestReplicaRefusesABuildOfAnotherFormat: a build of another index
// format switched into a replica's folder is refused with a clear log
// line, and the replica keeps serving the build it has; a good build
// copied in after it is picked up.
func TestReplicaRefusesABuildOfAnotherFormat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	buildInto(t, fixtureCorpus, dir)
	r := startReplica(t, "--index", dir)

	newer := filepath.Join(t.TempDir(), "newer")
	buildInto(t, corpusWithNewArticle(t), newer)
	f := index.CurrentFormat()
	indextest.SetFormat(t, newer, index.Format{Version: f.Version + 1, Mapping: f.Mapping})
	moveBuildInto(t, newer, dir)
	eventually(t, "the replica logs the refusal", func() bool {
		return strings.Contains(r.stderr.String(), "cannot be served; the current index keeps serving")
	})
	if log := r.stderr.String(); !strings.Contains(log, "has format") || !strings.Contains(log, "this vanelkaar reads format") {
		t.Errorf("the refusal does not say which formats:\n%s", log)
	}
	if got, news := r.total(q("fietspaden")), r.total(q(uniqueWord)); got != 1 || news != 0 {
		t.Errorf("after the refusal: fietspaden %d, %s %d; want the old build serving (1, 0)", got, uniqueWord, news)
	}

	good := filepath.Join(t.TempDir(), "good")
	buildInto(t, corpusWithNewArticle(t), good)
	moveBuildInto(t, good, dir)
	eventually(t, "the replica serves the good build", func() bool { return r.total(q(uniqueWord)) == 1 })
}
