package index_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

// TestBuildReportsProgress checks that a build reports its stages in
// order, its documents done growing to the total while writing, time since
// Options.Started, and at the end the build's path, documents and size.
func TestBuildReportsProgress(t *testing.T) {
	c, err := corpus.Load(bigCorpus(4, 30))
	if err != nil {
		t.Fatal(err)
	}
	var got []index.Progress
	started := time.Now().Add(-time.Hour) // the corpus "took an hour to load"
	opts := &index.Options{BatchSize: 20, Started: started, Progress: func(p index.Progress) { got = append(got, p) }}
	path, err := index.Build(context.Background(), c, filepath.Join(t.TempDir(), "index"), opts)
	if err != nil {
		t.Fatal(err)
	}
	docs := len(c.People)
	for _, a := range c.Articles {
		docs += len(a.Passages) + len(a.Quotes)
	}
	order := map[index.Stage]int{index.StageAnalysing: 1, index.StageWriting: 2, index.StageMerging: 3, index.StageDone: 4}
	writes := 0
	for i, p := range got {
		if p.Elapsed < time.Hour {
			t.Errorf("report %d: elapsed %s, want at least the hour since Started", i, p.Elapsed)
		}
		if i == 0 {
			continue
		}
		prev := got[i-1]
		if order[p.Stage] < order[prev.Stage] || (p.Stage == prev.Stage && p.Done < prev.Done) {
			t.Errorf("report %d (%v) goes back from %v", i, p, prev)
		}
		if p.Stage == index.StageWriting {
			writes++
			if p.Total != docs {
				t.Errorf("report %d: total %d, want %d", i, p.Total, docs)
			}
		}
	}
	if writes < docs/20 {
		t.Errorf("%d reports while writing %d documents in batches of 20", writes, docs)
	}
	last := got[len(got)-1]
	if got[0].Stage != index.StageAnalysing || last.Stage != index.StageDone || last.Result == nil {
		t.Fatalf("first %v, last %v: want analysing first, done with a result last", got[0], last)
	}
	r := last.Result
	if r.Path != path || r.Documents != docs || r.Bytes != index.DiskSize(path) || r.Bytes == 0 || r.Duration < time.Hour {
		t.Errorf("result %+v, want path %s, %d documents, %d bytes, at least an hour", r, path, docs, index.DiskSize(path))
	}
}

func TestProgressString(t *testing.T) {
	for _, tc := range []struct {
		p    index.Progress
		want string
	}{
		{index.Progress{Stage: index.StageLoading, Elapsed: 1500 * time.Millisecond}, "loading, 1.5s"},
		{index.Progress{Stage: index.StageWriting, Done: 250, Total: 1000, Elapsed: 2 * time.Second}, "writing: 250 of 1000 documents (25%), 2s"},
		{index.Progress{Stage: index.StageDone, Elapsed: time.Minute, Result: &index.Result{Path: "x/build-1", Documents: 7, Bytes: 327_400_000}},
			"done: 7 documents, 327.4 MB on disk, in 1m0s (x/build-1)"},
		{index.Progress{Stage: index.StageDone, Result: &index.Result{Bytes: 999}}, "done: 0 documents, 999 B on disk, in 0s ()"},
	} {
		t.Run(string(tc.p.Stage), func(t *testing.T) {
			if got := tc.p.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}
