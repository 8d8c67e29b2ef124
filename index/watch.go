package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"vanelkaar/corpus"
)

// Watcher notices changes to a corpus folder: its registry files and the
// articles in its artikelen/ folder. A server with a corpus folder rebuilds
// its index when Run reports a change.
type Watcher struct {
	w     *fsnotify.Watcher
	dir   string
	arts  string
	delay time.Duration
}

// NewWatcher starts watching the corpus folder dir. Changes are reported once the
// folder has been quiet for delay: an editor saves a file in several steps
// and a `git pull` changes many files, and each should cost one rebuild.
func NewWatcher(dir string, delay time.Duration) (*Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	cw := &Watcher{w: w, dir: filepath.Clean(dir), arts: filepath.Join(dir, corpus.ArticlesDir), delay: delay}
	if err := w.Add(cw.dir); err != nil {
		w.Close()
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	// The articles folder may be missing now and made later; the watch on
	// dir sees it appear (see run).
	if err := w.Add(cw.arts); err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.Close()
		return nil, fmt.Errorf("watch %s: %w", cw.arts, err)
	}
	return cw, nil
}

// Run calls changed after each quiet spell that follows a change, until
// ctx ends or the watcher is closed. warn, in the manner of slog's
// Logger.Warn, is told what goes wrong with the watch itself.
func (cw *Watcher) Run(ctx context.Context, changed func(), warn func(msg string, args ...any)) {
	timer := time.NewTimer(cw.delay)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-cw.w.Events:
			if !ok {
				return
			}
			if ev.Name == cw.arts && ev.Has(fsnotify.Create) {
				if err := cw.w.Add(cw.arts); err != nil {
					warn("watch", "dir", cw.arts, "err", err.Error())
				}
			}
			if cw.relevant(ev.Name) {
				timer.Reset(cw.delay)
			}
		case err, ok := <-cw.w.Errors:
			if !ok {
				return
			}
			warn("watch", "dir", cw.dir, "err", err.Error())
			timer.Reset(cw.delay) // events may have been lost: rebuild to be sure
		case <-timer.C:
			changed()
		}
	}
}

// relevant reports whether a change to path can change the corpus: a
// registry file, the articles folder or a Markdown file in it. Editors'
// swap and backup files are left alone.
func (cw *Watcher) relevant(path string) bool {
	switch filepath.Dir(path) {
	case cw.dir:
		switch filepath.Base(path) {
		case corpus.PeopleFile, corpus.ThemesFile, corpus.MunicipalitiesFile, corpus.SynonymsFile, corpus.ArticlesDir:
			return true
		}
	case cw.arts:
		return filepath.Ext(path) == ".md"
	}
	return false
}

// Close stops watching.
func (cw *Watcher) Close() error { return cw.w.Close() }
