package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// An index folder holds one or more builds and a small file "current"
// naming the one in use:
//
//	DIR/current                       {"build": "build-20261128T101500.123Z", ...}
//	DIR/build-20261128T101500.123Z/   (a bleve index)
//
// A new build is written into its own folder; only when it is complete and
// closed does Build point "current" at it, by writing a new file beside
// the old one and renaming it over it, which is atomic on every system
// (a symbolic link, as older builds made, needs privileges on Windows).
// A reader sees the old build or the new one, never neither. A build that
// fails or is killed leaves the previous build in use; its half-written
// folder is removed by the next build. Builds into one folder take turns:
// each holds the file lock on DIR/.lock while it runs (see lockDir).
// Folders whose "current" is a symbolic link, from older builds, still
// open.
const (
	currentFile = "current"
	buildPrefix = "build-"
	tempPrefix  = ".tmp-"
	keepBuilds  = 2 // the current build and the one before, which a server may still hold open
)

// Current is what an index folder's "current" file records: the build in
// use and what it was built from.
type Current struct {
	// Build is the name of the build folder in use.
	Build string `json:"build"`
	// Source describes the corpus the build was made from; nil when
	// unknown (a build of an older vanelkaar, or of a corpus in memory).
	Source *Source `json:"source,omitempty"`
	// Took is how long the build took, in seconds; with Source.Bytes it
	// gives the rate at which the next build is expected to go.
	Took float64 `json:"took_seconds,omitempty"`
}

// ReadCurrent reads the "current" file of the index folder dir. A folder
// whose "current" is a symbolic link (made by an older vanelkaar) gives a
// Current with only Build set. A folder without one gives an error
// wrapping ErrNoIndex.
func ReadCurrent(dir string) (Current, error) {
	p := filepath.Join(dir, currentFile)
	fi, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return Current{}, fmt.Errorf("%s: %w", dir, ErrNoIndex)
	}
	if err != nil {
		return Current{}, err
	}
	var cur Current
	if fi.Mode()&fs.ModeSymlink != 0 {
		if cur.Build, err = os.Readlink(p); err != nil {
			return Current{}, err
		}
		cur.Build = filepath.Base(cur.Build)
	} else {
		raw, err := os.ReadFile(p)
		if err != nil {
			return Current{}, err
		}
		if err := json.Unmarshal(raw, &cur); err != nil {
			return Current{}, fmt.Errorf("%s: %w", p, err)
		}
	}
	// The name must be a build of this folder: never a path elsewhere.
	if !strings.HasPrefix(cur.Build, buildPrefix) || filepath.Base(cur.Build) != cur.Build {
		return Current{}, fmt.Errorf("%s: names %q, which is not a build of this folder", p, cur.Build)
	}
	return cur, nil
}

// writeCurrent points dir's "current" at cur.Build atomically: it writes
// the new file beside the old one, syncs it, and renames it over the old
// one (or over an older symbolic link).
func writeCurrent(dir string, cur Current) error {
	raw, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, tempPrefix+currentFile)
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(append(raw, '\n'))
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, currentFile))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("switch to new build: %w", err)
	}
	syncDir(dir)
	return nil
}

// switchTo makes the finished build name current in dir and removes the
// builds no server should still hold open.
func switchTo(dir, name string, opts *Options, took time.Duration) error {
	cur := Current{Build: name, Took: took.Seconds()}
	if opts != nil {
		cur.Source = opts.Source
	}
	if err := writeCurrent(dir, cur); err != nil {
		return err
	}
	pruneBuilds(dir, name)
	return nil
}

// Resolve returns the bleve index folder that dir stands for: dir itself
// when it is a plain bleve index, else the build its "current" names.
func Resolve(dir string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		return dir, nil
	}
	cur, err := ReadCurrent(dir)
	if err != nil {
		if _, serr := os.Stat(dir); serr != nil {
			return "", fmt.Errorf("%s: %w", dir, serr)
		}
		if errors.Is(err, ErrNoIndex) {
			return "", fmt.Errorf("%w (run `vanelkaar index --out %s`)", err, dir)
		}
		return "", err
	}
	target := filepath.Join(dir, cur.Build)
	if _, err := os.Stat(filepath.Join(target, "index_meta.json")); err != nil {
		return "", fmt.Errorf("%s: current build %s is unreadable: %w", dir, cur.Build, err)
	}
	return target, nil
}

// removeStale removes what a killed build left behind.
func removeStale(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// pruneBuilds keeps the newest builds, always including current.
func pruneBuilds(dir, current string) {
	entries, _ := os.ReadDir(dir)
	var builds []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), buildPrefix) && e.Name() != current {
			builds = append(builds, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(builds)))
	for i, b := range builds {
		if i >= keepBuilds-1 {
			os.RemoveAll(filepath.Join(dir, b))
		}
	}
}

func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
