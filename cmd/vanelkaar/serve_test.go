package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search"
	"vanelkaar/web"
)

func TestServeOpensIndexFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if code, _, errOut := runCmd(t, "", "index", "--corpus", fixtureCorpus, "--out", dir); code != 0 {
		t.Fatalf("vanelkaar index: exit %d\n%s", code, errOut)
	}
	// No --corpus: the words of the fixture corpus can only come from the
	// index folder.
	cfg := testServeConfig("")
	cfg.IndexDir = dir
	s := startServer(t, cfg)
	s.waitReady(t)
	if n := s.total(t, "fietspaden"); n != 1 {
		t.Errorf("fietspaden: %d results, want 1 from the index folder", n)
	}
	if !strings.Contains(s.logs.String(), `"msg":"index opened"`) {
		t.Errorf("log does not say the index folder was opened:\n%s", s.logs.String())
	}
}

func TestServeWatchReindexes(t *testing.T) {
	dir := copyCorpus(t)
	cfg := testServeConfig(dir)
	cfg.Watch = true
	s := startServer(t, cfg)
	s.waitReady(t)
	if n := s.total(t, uniqueWord); n != 0 {
		t.Fatalf("%s: %d results before the article was added", uniqueWord, n)
	}

	writeFile(t, filepath.Join(dir, "artikelen", "03-vlinders.md"), newArticle)
	eventually(t, "the new article is found", func() bool { return s.total(t, uniqueWord) == 1 })

	// A broken file: the rebuild fails, the previous index keeps serving;
	// the log says why, with path and line; /readyz and /metrics say that
	// it failed, in a fixed vocabulary without paths.
	broken := filepath.Join(dir, "artikelen", "04-kapot.md")
	writeFile(t, broken, "---\ntitle: Kapot\npart: 4\n\nDe front matter wordt nooit gesloten.\n")
	eventually(t, "the failed rebuild is reported", func() bool { _, r := s.ready(t); return r.Reindex.Failed == 1 })
	code, r := s.ready(t)
	wantProblem := broken + ":1: front matter is not closed"
	if code != http.StatusOK || r.Status != "ready" || r.Reindex.OK || !strings.Contains(r.Reindex.Error, "corpus has errors") || strings.Contains(r.Reindex.Error, dir) {
		t.Errorf("/readyz after a failed rebuild: %d %+v; want 200, ready, and that the corpus has errors without a path", code, r)
	}
	if n := s.total(t, uniqueWord); n != 1 {
		t.Errorf("the previous index stopped serving: %s has %d results", uniqueWord, n)
	}
	if v := s.metric(t, "vanelkaar_reindex_last_success"); v != 0 {
		t.Errorf("vanelkaar_reindex_last_success = %v, want 0", v)
	}
	if v := s.metric(t, `vanelkaar_reindex_total{outcome="failure"}`); v != 1 {
		t.Errorf(`vanelkaar_reindex_total{outcome="failure"} = %v, want 1`, v)
	}
	if !strings.Contains(s.logs.String(), wantProblem) {
		t.Errorf("the log does not name the problem %q:\n%s", wantProblem, s.logs.String())
	}

	// Fixing the corpus makes the next rebuild succeed.
	if err := os.Remove(broken); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the rebuild after the fix", func() bool { _, r := s.ready(t); return r.Reindex.OK && r.Reindex.Succeeded == 3 })
	if v := s.metric(t, "vanelkaar_reindex_last_success"); v != 1 {
		t.Errorf("vanelkaar_reindex_last_success = %v, want 1", v)
	}
}

func TestServeBadIndexFolderIsRebuilt(t *testing.T) {
	built := func(t *testing.T) string {
		dir := filepath.Join(t.TempDir(), "index")
		if code, _, errOut := runCmd(t, "", "index", "--corpus", fixtureCorpus, "--out", dir); code != 0 {
			t.Fatalf("vanelkaar index: exit %d\n%s", code, errOut)
		}
		return dir
	}
	inCurrent := func(t *testing.T, dir, pattern string) []string {
		build, err := index.Resolve(dir)
		if err != nil {
			t.Fatal(err)
		}
		m, err := filepath.Glob(filepath.Join(build, pattern))
		if err != nil || len(m) == 0 {
			t.Fatalf("no %s in the index: %v", pattern, err)
		}
		return m
	}
	tests := []struct {
		name    string
		make    func(t *testing.T) string
		inPlace bool   // the folder can be written: the new index goes there
		wantWhy string // in the log's explanation
	}{
		{"garbage metadata", func(t *testing.T) string {
			dir := built(t)
			os.WriteFile(inCurrent(t, dir, "index_meta.json")[0], []byte("{not json"), 0o644)
			return dir
		}, true, "open index"},
		{"corrupt store", func(t *testing.T) string {
			dir := built(t)
			os.WriteFile(inCurrent(t, dir, "store/root.bolt")[0], []byte(strings.Repeat("kapot", 2000)), 0o644)
			return dir
		}, true, "open index"},
		{"current names a missing build", func(t *testing.T) string {
			dir := t.TempDir()
			os.Symlink("build-gone", filepath.Join(dir, "current"))
			return dir
		}, true, "unreadable"},
		{"empty folder", func(t *testing.T) string { return t.TempDir() }, true, "no index in folder"},
		{"missing folder", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nog-niet") }, true, "no such file"},
		{"a file, not a folder", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "index")
			os.WriteFile(p, []byte("geen map"), 0o644)
			return p
		}, false, "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.make(t)
			cfg := testServeConfig(fixtureCorpus)
			cfg.IndexDir = dir
			s := startServer(t, cfg)
			s.waitReady(t)
			if n := s.total(t, "fietspaden"); n != 1 {
				t.Errorf("fietspaden: %d results, want 1 from the rebuilt index", n)
			}
			log := s.logs.String()
			if !strings.Contains(log, "building a new index from the corpus") || !strings.Contains(log, tt.wantWhy) {
				t.Errorf("the log does not explain (want %q):\n%s", tt.wantWhy, log)
			}
			if err := s.stop(); err != nil {
				t.Fatal(err)
			}
			// A folder that can be written holds a good index afterwards.
			got, err := search.Open(dir)
			if err == nil {
				got.Close()
			}
			if tt.inPlace && err != nil {
				t.Errorf("the index folder was not rebuilt: %v", err)
			}
			if !tt.inPlace && err == nil {
				t.Errorf("search.Open(%s) succeeded on a file", dir)
			}
		})
	}
}

func TestServeBrokenCorpusAtStart(t *testing.T) {
	dir := copyCorpus(t)
	p := filepath.Join(dir, "artikelen", "02-data-in-proefdorp.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, []byte(strings.Replace(string(b), `title: "Data in Proefdorp"`, "title: [niet, gesloten", 1)), 0o644)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	err = serve(context.Background(), testServeConfig(dir), ln, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), p+":") {
		t.Errorf("serve = %v; want an error naming %s:LINE", err, p)
	}
}

// TestGracefulShutdown starts a slow request, shuts the server down as
// SIGTERM does (main cancels serve's context), and checks that the
// request completes while new connections are refused.
func TestGracefulShutdown(t *testing.T) {
	started := make(chan bool, 1)
	cfg := testServeConfig(fixtureCorpus)
	cfg.wrap = func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Test-Slow") != "" {
				started <- true
				time.Sleep(time.Second)
			}
			next.ServeHTTP(w, r)
		})
	}
	s := startServer(t, cfg)
	s.waitReady(t)

	type answer struct {
		code int
		body string
		err  error
	}
	done := make(chan answer, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, s.url+"/api/v1/search?q=fietspaden", nil)
		req.Header.Set("X-Test-Slow", "1")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- answer{err: err}
			return
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		done <- answer{res.StatusCode, string(b), err}
	}()
	<-started
	stopped := make(chan error, 1)
	go func() { stopped <- s.stop() }()
	time.Sleep(200 * time.Millisecond) // shutdown has begun; the request is still sleeping
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(s.url, "http://"), time.Second); err == nil {
		t.Error("a new connection was accepted during shutdown")
	}
	a := <-done
	if a.err != nil || a.code != http.StatusOK || !strings.Contains(a.body, "fietspaden") {
		t.Errorf("the request in flight: %d %v %.200s; want 200 with results", a.code, a.err, a.body)
	}
	if err := <-stopped; err != nil {
		t.Errorf("serve returned %v", err)
	}
	log := s.logs.String()
	if !strings.Contains(log, "shutting down") || !strings.Contains(log, `"msg":"stopped"`) {
		t.Errorf("log:\n%s", log)
	}
}

func TestServeLimitsHeaderSize(t *testing.T) {
	s := startServer(t, testServeConfig(fixtureCorpus))
	s.waitReady(t)
	req, _ := http.NewRequest(http.MethodGet, s.url+"/api/v1/search?q=data", nil)
	req.Header.Set("X-Opgeblazen", strings.Repeat("a", 2*maxHeaderBytes))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("status %d, want 431", res.StatusCode)
	}
	// The README promises 16 KiB: just over it is refused (net/http's own
	// slack used to let about 20 KB through), well under it is served.
	for _, tt := range []struct {
		size, want int
	}{{maxHeaderBytes + 200, http.StatusRequestHeaderFieldsTooLarge}, {maxHeaderBytes - 1024, http.StatusOK}} {
		req, _ := http.NewRequest(http.MethodGet, s.url+"/api/v1/search?q=data", nil)
		req.Header.Set("X-Opgeblazen", strings.Repeat("a", tt.size))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tt.want {
			t.Errorf("a header of %d bytes: status %d, want %d", tt.size, res.StatusCode, tt.want)
		}
	}
}

// TestServeRemovesTemporaryIndex: without --index and without a cache
// folder for the default index folder, serve builds into a temporary
// folder and removes it when it stops.
func TestServeRemovesTemporaryIndex(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	s := startServer(t, testServeConfig(fixtureCorpus))
	s.waitReady(t)
	made, _ := filepath.Glob(filepath.Join(tmp, "vanelkaar-index-*"))
	if len(made) != 1 {
		t.Fatalf("temporary index folders: %v, want one", made)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(made[0]); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s is left after shutdown (err %v)", made[0], err)
	}
}

func TestServeConfigFromFlagsAndEnv(t *testing.T) {
	defaults := serveConfig{Addr: "127.0.0.1:8080", Corpus: corpusSource{Limits: corpus.DefaultLimits}, WatchDelay: 500 * time.Millisecond, LogFormat: "text", LogLevel: "info",
		Web:             web.Config{RateLimit: 10, RateBurst: 20, RequestTimeout: 10 * time.Second, ProxyNetworks: web.DefaultProxyNetworks},
		ShutdownTimeout: 15 * time.Second, MaxConns: defaultMaxConns, MaxConnsPerClient: defaultMaxConnsPerClient, IdleTimeout: defaultIdleTimeout}
	with := func(f func(c *serveConfig)) serveConfig {
		c := defaults
		f(&c)
		return c
	}
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		want     serveConfig
		wantCode int // exit code when parsing fails
	}{
		{"defaults", nil, nil, defaults, 0},
		{"environment", map[string]string{
			"VANELKAAR_ADDR": "0.0.0.0:9000", "VANELKAAR_CORPUS": "/srv/corpus", "VANELKAAR_INDEX": "/srv/index",
			"VANELKAAR_WATCH": "true", "VANELKAAR_WATCH_DELAY": "2s", "VANELKAAR_LOG_FORMAT": "json", "VANELKAAR_LOG_LEVEL": "warn",
			"VANELKAAR_RATE_LIMIT": "2.5", "VANELKAAR_RATE_BURST": "5", "VANELKAAR_TRUST_PROXY": "1",
			"VANELKAAR_REQUEST_TIMEOUT": "3s", "VANELKAAR_SHUTDOWN_TIMEOUT": "1m", "VANELKAAR_ADMIN_TOKEN": "geheim",
		}, nil, serveConfig{Addr: "0.0.0.0:9000", Corpus: corpusSource{Dir: "/srv/corpus", Limits: corpus.DefaultLimits}, IndexDir: "/srv/index", Watch: true,
			WatchDelay: 2 * time.Second, LogFormat: "json", LogLevel: "warn",
			Web: web.Config{AdminToken: "geheim", RateLimit: 2.5, RateBurst: 5, TrustProxy: true, RequestTimeout: 3 * time.Second,
				ProxyNetworks: web.DefaultProxyNetworks},
			ShutdownTimeout: time.Minute, MaxConns: defaultMaxConns, MaxConnsPerClient: defaultMaxConnsPerClient, IdleTimeout: defaultIdleTimeout}, 0},
		{"flags win over the environment",
			map[string]string{"VANELKAAR_ADDR": "0.0.0.0:9000", "VANELKAAR_RATE_LIMIT": "2.5", "VANELKAAR_TRUST_PROXY": "true"},
			[]string{"--addr", "127.0.0.1:7000", "--rate-limit", "0", "--trust-proxy=false"},
			with(func(c *serveConfig) { c.Addr = "127.0.0.1:7000"; c.Web.RateLimit = 0 }), 0},
		{"bad environment value", map[string]string{"VANELKAAR_RATE_LIMIT": "veel"}, nil, serveConfig{}, 2},
		{"watch without a corpus folder", nil, []string{"--watch"}, serveConfig{}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr strings.Builder
			e := &env{stdout: io.Discard, stderr: &stderr, getenv: func(k string) string { return tt.env[k] }}
			got, err := parseServe(e, tt.args)
			if tt.wantCode != 0 {
				if !errors.Is(err, errUsage) {
					t.Errorf("err = %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr.String())
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(serveConfig{}), cmpopts.EquateComparable(netip.Prefix{}), cmp.FilterPath(func(p cmp.Path) bool {
				return p.Last().String() == ".wrap"
			}, cmp.Ignore())); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

// TestServeEnvDocumented checks that the README's configuration table names
// every environment variable serve reads, and every flag.
func TestServeEnvDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range append(serveEnv, envVar{"", adminTokenEnv}) {
		row := "`" + v.name + "`"
		if v.flag != "" {
			row = "`--" + v.flag + "` | " + row
		}
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md has no table row with %s", row)
		}
	}
}

// TestServeFlagsHaveEnv checks that every flag of serve can be set from
// the environment.
func TestServeFlagsHaveEnv(t *testing.T) {
	var stderr strings.Builder
	e := &env{stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }}
	if _, err := parseServe(e, []string{"-h"}); err == nil {
		t.Fatal("-h did not print the usage")
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if f, ok := strings.CutPrefix(strings.TrimSpace(line), "-"); ok {
			name := strings.Fields(f)[0]
			found := false
			for _, v := range serveEnv {
				found = found || v.flag == name
			}
			if !found {
				t.Errorf("flag --%s has no environment variable", name)
			}
		}
	}
}
