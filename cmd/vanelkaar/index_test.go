package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"vanelkaar/index"
)

// TestIndexShowsProgress builds an index with the command and checks that
// standard error (not a terminal here) tells each stage in plain lines,
// ending with the build's size, while standard output keeps its one line.
func TestIndexShowsProgress(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	code, out, errOut := runCmd(t, "", "index", "--corpus", fixtureCorpus, "--out", dir)
	if code != 0 {
		t.Fatalf("vanelkaar index: exit %d\n%s", code, errOut)
	}
	if strings.Contains(errOut, "\r") {
		t.Errorf("progress rewrites lines on a non-terminal:\n%q", errOut)
	}
	var stages []string
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		stage, _, _ := strings.Cut(line, ":")
		stage, _, _ = strings.Cut(stage, ",")
		if len(stages) == 0 || stages[len(stages)-1] != stage {
			stages = append(stages, stage)
		}
	}
	want := []string{"loading", "analysing", "writing", "merging", "done"}
	if strings.Join(stages, " ") != strings.Join(want, " ") {
		t.Errorf("stages %v, want %v; stderr:\n%s", stages, want, errOut)
	}
	if !regexp.MustCompile(`(?m)^done: \d+ documents, [\d.]+ [kM]?B on disk`).MatchString(errOut) {
		t.Errorf("no final line with documents and size:\n%s", errOut)
	}
	if !strings.HasPrefix(out, "indexed ") || strings.Count(out, "\n") != 1 {
		t.Errorf("stdout %q, want one line", out)
	}
	if code, _, errOut := runCmd(t, "", "index", "--quiet", "--corpus", fixtureCorpus, "--out", dir); code != 0 || errOut != "" {
		t.Errorf("index --quiet: exit %d, stderr %q", code, errOut)
	}
}

func TestProgressBar(t *testing.T) {
	for _, tc := range []struct {
		name  string
		tty   bool
		steps []int // documents done of 100 while writing
		want  []string
		not   []string
	}{
		{name: "plain lines per tenth", steps: []int{0, 3, 12, 15, 19, 20, 100},
			want: []string{"writing: 0 of 100 documents (0%)", "writing: 12 of 100", "writing: 20 of 100", "writing: 100 of 100"},
			not:  []string{"3 of 100", "15 of 100", "19 of 100", "\r"}},
		{name: "terminal rewrites one line", tty: true, steps: []int{0, 50, 100},
			want: []string{"\r\033[Kwriting   " + strings.Repeat("█", 15) + strings.Repeat("░", 15) + "  50% 50/100", "100/100"},
			not:  []string{"\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			b := newProgressBar(&buf, tc.tty)
			for _, n := range tc.steps {
				b.show(index.Progress{Stage: index.StageWriting, Done: n, Total: 100, Elapsed: time.Second})
			}
			for _, w := range tc.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q:\n%q", w, buf.String())
				}
			}
			for _, n := range tc.not {
				if strings.Contains(buf.String(), n) {
					t.Errorf("output has %q:\n%q", n, buf.String())
				}
			}
		})
	}
}
