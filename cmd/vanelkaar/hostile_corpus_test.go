package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCheckRefusesSpecialFilesPromptly runs `vanelkaar check` on corpora
// holding a named pipe, a link to /dev/zero and a link to a file outside
// the folder: each ends within a second with `path: message`, and never
// prints the outside file's contents.
func TestCheckRefusesSpecialFilesPromptly(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "passwd")
	const secret = "root:x:0:0:geheim"
	if err := os.WriteFile(outside, []byte(secret+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		make  func(p string) error
		want  string
		flags []string
	}{
		{"named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "not a regular file (named pipe)", nil},
		{"link to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "symbolic link", nil},
		{"link to /dev/zero with links followed", func(p string) error { return os.Symlink("/dev/zero", p) }, "symbolic link leaves the corpus folder", []string{"--follow-links"}},
		{"link outside", func(p string) error { return os.Symlink(outside, p) }, "symbolic link", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyCorpus(t)
			p := filepath.Join(dir, "artikelen", "09-gevaar.md")
			if err := tt.make(p); err != nil {
				t.Fatal(err)
			}
			type result struct {
				code     int
				out, err string
			}
			done := make(chan result, 1)
			go func() {
				code, out, errOut := runCmd(t, "", append([]string{"check", "--corpus", dir}, tt.flags...)...)
				done <- result{code, out, errOut}
			}()
			select {
			case r := <-done:
				if r.code != 1 || !strings.Contains(r.out, p+": "+tt.want) {
					t.Errorf("exit %d, output:\n%s%s\nwant exit 1 and %s: %s", r.code, r.out, r.err, p, tt.want)
				}
				if strings.Contains(r.out+r.err, secret) {
					t.Errorf("check printed the outside file's contents:\n%s", r.out)
				}
			case <-time.After(time.Second):
				t.Fatal("check did not end within a second")
			}
		})
	}
}

// TestServeWatchRefusesLinks: with --watch, a link to /dev/zero and a link
// to a file outside the corpus make the rebuild fail at once (the server
// used to read /dev/zero until it was killed); the previous index keeps
// serving, and /readyz says why without a path or the file's contents.
func TestServeWatchRefusesLinks(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "geheim.yaml")
	if err := os.WriteFile(secret, []byte("wachtwoord: [root-geheim-4242\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := copyCorpus(t)
	cfg := testServeConfig(dir)
	cfg.Watch = true
	s := startServer(t, cfg)
	s.waitReady(t)
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "artikelen", "08-nul.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "artikelen", "09-geheim.md")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the failed rebuild is reported", func() bool { _, r := s.ready(t); return r.Reindex.Failed >= 1 })
	res, err := http.Get(s.url + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "corpus has errors") {
		t.Errorf("/readyz: %d %s; want 200 and that the corpus has errors", res.StatusCode, body)
	}
	for _, leak := range []string{"root-geheim", dir, "geheim.yaml", "/dev/zero"} {
		if strings.Contains(string(body), leak) {
			t.Errorf("/readyz shows %q: %s", leak, body)
		}
	}
	if log := s.logs.String(); !strings.Contains(log, "08-nul.md: symbolic link") || strings.Contains(log, "root-geheim") {
		t.Errorf("the log should name the link and not the outside file's contents:\n%s", log)
	}
	if n := s.total(t, "fietspaden"); n == 0 {
		t.Error("the previous index stopped serving")
	}
}
