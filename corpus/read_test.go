package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// copyCorpus copies the fixture corpus into a temporary folder the test
// may change.
func copyCorpus(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := os.CopyFS(dst, os.DirFS(fixtureDir))
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// rootFS opens dir as the commands do: an os.Root, whose file system
// never leaves the folder.
func rootFS(t *testing.T, dir string) fs.FS {
	t.Helper()
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r.FS()
}

// hasProblem tells whether ps holds an error at path whose message
// contains msg.
func hasProblem(ps Problems, path, msg string) bool {
	for _, p := range ps {
		if p.Severity == Error && p.Path == path && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}

// TestReadOnlyRegularFilesInside checks that loading reads only regular
// files inside the corpus folder, within the size limits, and that no
// problem message holds the contents of a file it refused. Each case must
// also end promptly: a named pipe or /dev/zero must not be opened.
func TestReadOnlyRegularFilesInside(t *testing.T) {
	const secret = "geheim-wachtwoord-van-de-beheerder"
	outside := filepath.Join(t.TempDir(), "buiten.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: "+secret+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join("artikelen", "99-extra.md")
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		lim   Limits
		path  string // the problem's path, "" when the corpus must load
		msg   string
	}{
		{"link to a file outside", func(t *testing.T, dir string) {
			must(t, os.Symlink(outside, filepath.Join(dir, article)))
		}, Limits{}, "artikelen/99-extra.md", "symbolic link"},
		{"link outside refused even when links are followed", func(t *testing.T, dir string) {
			must(t, os.Symlink(outside, filepath.Join(dir, article)))
		}, Limits{FollowLinks: true}, "artikelen/99-extra.md", "leaves the corpus folder"},
		{"relative link climbing out", func(t *testing.T, dir string) {
			must(t, os.Symlink("../../"+filepath.Base(filepath.Dir(outside))+"/buiten.md", filepath.Join(dir, article)))
		}, Limits{FollowLinks: true}, "artikelen/99-extra.md", "leaves the corpus folder"},
		{"link to /dev/zero", func(t *testing.T, dir string) {
			must(t, os.Symlink("/dev/zero", filepath.Join(dir, article)))
		}, Limits{}, "artikelen/99-extra.md", "symbolic link"},
		{"registry as a link", func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, PeopleFile)))
			must(t, os.Symlink(outside, filepath.Join(dir, PeopleFile)))
		}, Limits{}, PeopleFile, "symbolic link"},
		{"article folder as a link", func(t *testing.T, dir string) {
			other := t.TempDir()
			must(t, os.CopyFS(other, os.DirFS(filepath.Join(dir, ArticlesDir))))
			must(t, os.RemoveAll(filepath.Join(dir, ArticlesDir)))
			must(t, os.Symlink(other, filepath.Join(dir, ArticlesDir)))
		}, Limits{}, ArticlesDir, "symbolic link"},
		{"named pipe", func(t *testing.T, dir string) {
			must(t, syscall.Mkfifo(filepath.Join(dir, article), 0o644))
		}, Limits{}, "artikelen/99-extra.md", "not a regular file (named pipe)"},
		{"file over the limit", func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, article), []byte(strings.Repeat("x", 5000)), 0o644))
		}, Limits{MaxFileBytes: 4096}, "artikelen/99-extra.md", "more than the limit of 4096"},
		{"corpus over the limit", func(t *testing.T, dir string) {}, Limits{MaxTotalBytes: 2000}, "", "more than the limit of 2000 bytes"},
		{"link inside, followed", func(t *testing.T, dir string) {
			src := filepath.Join(dir, ArticlesDir, "01-het-digitale-loket.md")
			must(t, os.Rename(src, filepath.Join(dir, "opslag.md")))
			must(t, os.Symlink("../opslag.md", src))
		}, Limits{FollowLinks: true}, "", ""},
		{"link inside, not followed by default", func(t *testing.T, dir string) {
			src := filepath.Join(dir, ArticlesDir, "01-het-digitale-loket.md")
			must(t, os.Rename(src, filepath.Join(dir, "opslag.md")))
			must(t, os.Symlink("../opslag.md", src))
		}, Limits{}, "artikelen/01-het-digitale-loket.md", "symbolic link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyCorpus(t)
			tt.setup(t, dir)
			for _, fsys := range []fs.FS{os.DirFS(dir), rootFS(t, dir)} {
				done := make(chan Problems, 1)
				go func() { done <- CheckWith(fsys, tt.lim) }()
				var ps Problems
				select {
				case ps = <-done:
				case <-time.After(time.Second):
					t.Fatal("loading did not end within a second")
				}
				for _, p := range ps {
					if strings.Contains(p.String(), secret) {
						t.Errorf("a problem shows the contents of a file outside the corpus: %s", p)
					}
				}
				switch {
				case tt.msg == "" && ps.HasErrors():
					t.Errorf("want the corpus to load, got %v", ps)
				case tt.path == "" && tt.msg != "":
					found := false
					for _, p := range ps {
						found = found || p.Severity == Error && strings.Contains(p.Message, tt.msg)
					}
					if !found {
						t.Errorf("want a problem %q, got %v", tt.msg, ps)
					}
				case tt.msg != "" && !hasProblem(ps, tt.path, tt.msg):
					t.Errorf("want %s: %s, got %v", tt.path, tt.msg, ps)
				}
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
