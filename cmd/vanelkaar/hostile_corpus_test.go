package main

import (
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
