package index_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"vanelkaar/index"
)

// TestBuilderReportsProgressAndRemembersItsRate: a build reports its
// stages in order with the documents done, starting at once with the
// expected duration; afterwards the folder remembers the build's rate, so
// the next build of the same corpus is expected to take about as long.
func TestBuilderReportsProgressAndRemembersItsRate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	b := index.NewBuilder(nil, "", dir, nil)
	var reports []index.Report
	if _, err := b.Build(context.Background(), func(r index.Report) { reports = append(reports, r) }); err != nil {
		t.Fatal(err)
	}
	if len(reports) < 3 || reports[0].Stage != string(index.StageLoading) || reports[0].Remaining <= 0 {
		t.Fatalf("reports %+v; want loading first, with the expected duration", reports)
	}
	order := map[string]int{"loading": 0, "analysing": 1, "writing": 2, "merging": 3, "done": 4}
	wrote := false
	for i, r := range reports {
		if i > 0 && order[r.Stage] < order[reports[i-1].Stage] {
			t.Errorf("stage %q after %q", r.Stage, reports[i-1].Stage)
		}
		if _, ok := order[r.Stage]; !ok {
			t.Errorf("stage %q is not in the vocabulary", r.Stage)
		}
		wrote = wrote || r.Stage != "done" && r.Total > 0 && r.Done == r.Total
	}
	if !wrote {
		t.Errorf("no report of all documents done before the end: %+v", reports)
	}
	cur, err := index.ReadCurrent(dir)
	if err != nil || cur.Source == nil || cur.Took <= 0 {
		t.Fatalf("current %+v, %v; want the source and the build's duration", cur, err)
	}
	took := time.Duration(cur.Took * float64(time.Second))
	if got := b.Expected(); got < took*9/10 || got > took*11/10 {
		t.Errorf("Expected() = %s after a build of the same corpus that took %s", got, took)
	}
}
