package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// floodConns is how many connections the flood test opens from one
// address; maxFloodRSS bounds the server's resident memory during it.
const (
	floodConns  = 2200
	maxFloodRSS = 150 << 20
)

// TestOneClientCannotExhaustConnections runs `vanelkaar serve` as a
// subprocess and opens 2,200 connections to it from 127.0.0.1, each
// sending the start of a request and keeping the connection open. Meanwhile
// a second client on 127.0.0.2 must still get answers within a second, the
// server must hold no more of the first client's connections than its cap
// (counted as its open file descriptors), and its resident memory must
// stay under maxFloodRSS.
func TestOneClientCannotExhaustConnections(t *testing.T) {
	raiseFileLimit(t, floodConns+500)
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--corpus", fixtureCorpus,
		"--log-format", "json", "--rate-limit", "0")
	cmd.Env = append(cleanEnv(), asMainEnv+"=1")
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	addr := listenAddr(t, stderr)
	pid := cmd.Process.Pid
	eventually(t, "/readyz answers 200", func() bool {
		res, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	})
	fdsBefore := openFDs(t, pid)

	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range floodConns {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			continue // refused or timed out: the server is defending itself
		}
		conns = append(conns, c)
		// Half a request: the server has to keep reading it.
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Flut: %d\r\n", i)
	}
	if len(conns) < floodConns/2 {
		t.Logf("only %d of %d connections were made", len(conns), floodConns)
	}

	// The second client.
	client := &http.Client{
		Timeout: time.Second,
		Transport: &http.Transport{DialContext: (&net.Dialer{
			LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.2")},
		}).DialContext},
	}
	for _, path := range []string{"/healthz", "/readyz", "/api/v1/search?q=data"} {
		start := time.Now()
		res, err := client.Get("http://" + addr + path)
		if err != nil {
			t.Fatalf("second client, %s during the flood: %v", path, err)
		}
		res.Body.Close()
		if took := time.Since(start); res.StatusCode != http.StatusOK || took > time.Second {
			t.Errorf("second client, %s: status %d after %v; want 200 within a second", path, res.StatusCode, took)
		}
	}

	fds := openFDs(t, pid)
	if held := fds - fdsBefore; held > defaultMaxConnsPerClient+16 {
		t.Errorf("the server holds %d more descriptors during the flood (cap %d per client)", held, defaultMaxConnsPerClient)
	}
	rss := residentBytes(t, pid)
	t.Logf("during the flood: %d connections made, server has %d open descriptors (%d before), RSS %.1f MiB",
		len(conns), fds, fdsBefore, float64(rss)/(1<<20))
	if rss > maxFloodRSS {
		t.Errorf("server RSS %d MiB during the flood, want under %d MiB", rss>>20, maxFloodRSS>>20)
	}
}

// raiseFileLimit lets the test open n descriptors, or fails it.
func raiseFileLimit(t *testing.T, n uint64) {
	t.Helper()
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	if lim.Cur >= n {
		return
	}
	lim.Cur = min(n, lim.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil || lim.Cur < n {
		t.Fatalf("cannot open %d files (limit %d, hard %d): %v", n, lim.Cur, lim.Max, err)
	}
}

// openFDs counts the descriptors process pid has open.
func openFDs(t *testing.T, pid int) int {
	t.Helper()
	ents, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}

// residentBytes is the resident memory of process pid.
func residentBytes(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS")
	return 0
}
