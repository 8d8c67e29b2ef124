package index

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"vanelkaar/corpus"
)

// Source describes the corpus a build was made from, cheaply enough to
// compare at every start of a server: a fingerprint of its files' names,
// sizes and modification times (their contents where a file system keeps
// no time, as an embedded corpus does), and its size.
type Source struct {
	Fingerprint string `json:"fingerprint"`
	// Bytes is the size of the corpus's files: with a build's duration it
	// gives the rate at which builds go.
	Bytes int64 `json:"bytes"`
}

// SourceOf describes the corpus in fsys. It reads every file's metadata,
// not its contents: at 100,000 passages that takes milliseconds. A file
// whose time is unknown is hashed whole. Names starting with a dot
// (editors' swap files, .git) are left out, as the corpus loader ignores
// them.
func SourceOf(fsys fs.FS) (Source, error) {
	h := sha256.New()
	var total int64
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		total += fi.Size()
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%v\n", p, fi.Size(), fi.ModTime().UnixNano(), fi.Mode())
		if fi.ModTime().IsZero() && fi.Mode().IsRegular() {
			return hashFile(h, fsys, p)
		}
		return nil
	})
	if err != nil {
		return Source{}, fmt.Errorf("corpus fingerprint: %w", err)
	}
	return Source{Fingerprint: hex.EncodeToString(h.Sum(nil)[:12]), Bytes: total}, nil
}

// SourceOfDir is SourceOf the corpus folder dir ("" for the embedded
// corpus), or nil when it cannot be read: a build without a Source is
// rebuilt when a server starts on it.
func SourceOfDir(dir string) *Source {
	src, err := SourceOf(corpus.DirFS(dir))
	if err != nil {
		return nil
	}
	return &src
}

func hashFile(w io.Writer, fsys fs.FS, p string) error {
	f, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// defaultDirName is the folder under the user's cache folder that holds
// the default index folders of `vanelkaar serve`.
const defaultDirName = "vanelkaar"

// DefaultDir is the index folder a server keeps for the corpus in
// corpusDir ("" for the embedded corpus) when it is given none: under the
// user's cache folder (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on
// Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows), named
// after the corpus folder's name and a hash of its absolute path, so two
// corpora never share one and the same corpus always finds its own.
func DefaultDir(corpusDir string) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("default index folder: %w", err)
	}
	name := "embedded"
	if corpusDir != "" {
		abs, err := filepath.Abs(corpusDir)
		if err != nil {
			return "", fmt.Errorf("default index folder: %w", err)
		}
		sum := sha256.Sum256([]byte(abs))
		name = safeName(filepath.Base(abs)) + "-" + hex.EncodeToString(sum[:6])
	}
	return filepath.Join(cache, defaultDirName, "index", name), nil
}

// safeName keeps the letters, digits, '-' and '_' of a folder name, so
// the index folder's name is valid on every system.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
	if len(s) > 40 {
		s = s[:40]
	}
	return s
}
