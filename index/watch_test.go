package index_test

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

func TestWatcherReportsOnceAfterAQuietSpell(t *testing.T) {
	const delay = 300 * time.Millisecond
	tests := []struct {
		name  string
		write func(t *testing.T, dir string)
		want  int32 // calls of changed
	}{
		{"a burst of article saves", func(t *testing.T, dir string) {
			for i := range 5 {
				writeTestFile(t, filepath.Join(dir, corpus.ArticlesDir, "01-a.md"), "versie "+string(rune('a'+i)))
				time.Sleep(delay / 10)
			}
		}, 1},
		{"a registry file", func(t *testing.T, dir string) {
			writeTestFile(t, filepath.Join(dir, corpus.PeopleFile), "[]")
		}, 1},
		{"editor swap files and other files", func(t *testing.T, dir string) {
			writeTestFile(t, filepath.Join(dir, corpus.ArticlesDir, ".01-a.md.swp"), "x")
			writeTestFile(t, filepath.Join(dir, "notities.txt"), "x")
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, corpus.ArticlesDir), 0o755); err != nil {
				t.Fatal(err)
			}
			w, err := index.NewWatcher(dir, delay)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			ctx, cancel := context.WithCancel(context.Background())
			var calls atomic.Int32
			done := make(chan bool)
			go func() {
				w.Run(ctx, func() { calls.Add(1) }, func(msg string, args ...any) { t.Logf("warn: %s %v", msg, args) })
				close(done)
			}()
			tt.write(t, dir)
			time.Sleep(4 * delay)
			cancel()
			<-done
			if got := calls.Load(); got != tt.want {
				t.Errorf("changed was called %d times, want %d", got, tt.want)
			}
		})
	}
}

// writeTestFile writes a file atomically, as an editor does.
func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}
