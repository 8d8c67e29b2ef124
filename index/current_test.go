package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCurrentFile: Build records the build in a plain file written by
// rename (no symbolic link, which Windows refuses without privileges), with
// the corpus it was built from; a folder whose current is a link, as older
// builds made, still resolves; a current naming a path outside the folder
// is refused.
func TestCurrentFile(t *testing.T) {
	c := shipped(t)
	dir := filepath.Join(t.TempDir(), "index")
	src := &Source{Fingerprint: "abc", Bytes: 1234}
	path, err := Build(context.Background(), c, dir, &Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(filepath.Join(dir, currentFile))
	if err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("current: %v, %v; want a regular file", fi, err)
	}
	cur, err := ReadCurrent(dir)
	if err != nil || cur.Build != filepath.Base(path) || cur.Source == nil || *cur.Source != *src || cur.Took <= 0 {
		t.Fatalf("ReadCurrent = %+v, %v; want build %s with source %+v and its duration", cur, err, filepath.Base(path), src)
	}

	old := t.TempDir()
	if err := os.Rename(path, filepath.Join(old, cur.Build)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(cur.Build, filepath.Join(old, currentFile)); err != nil {
		t.Fatal(err)
	}
	if got, err := Resolve(old); err != nil || got != filepath.Join(old, cur.Build) {
		t.Errorf("Resolve(folder with a current link) = %q, %v", got, err)
	}

	for _, name := range []string{"../elders", "/etc", "build-x/../../y", "iets-anders"} {
		bad := t.TempDir()
		if err := writeCurrent(bad, Current{Build: name}); err != nil {
			t.Fatal(err)
		}
		if _, err := Resolve(bad); err == nil || !strings.Contains(err.Error(), "not a build of this folder") {
			t.Errorf("Resolve(current naming %q) = %v; want a refusal", name, err)
		}
	}
}
