package sqlbench_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"vanelkaar/bench"
	"vanelkaar/bench/sqlbench"
)

func TestRun(t *testing.T) {
	set := generatedSet(t, 200)
	queries := bench.DefaultQueries()[:4]
	var progress []string
	cfg := bench.Config{Queries: queries, Rounds: 3, Progress: func(m string) { progress = append(progress, m) }}
	engines := []bench.Engine{&bench.Vanelkaar{TempDir: t.TempDir()}, &sqlbench.SQLite{TempDir: t.TempDir()}}
	rep, err := bench.Run(context.Background(), cfg, []*bench.Set{set}, engines)
	for _, e := range engines {
		e.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rows) != 2 {
		t.Fatalf("%d rows, want one per engine", len(rep.Rows))
	}
	for i, name := range []string{"vanelkaar", "sqlite"} {
		r := rep.Rows[i]
		if r.Engine != name || r.Corpus != set.Name || r.Passages != 200 || r.Documents != len(set.Docs) {
			t.Errorf("row %d: %s on %s (%d passages, %d documents), want %s on %s (200, %d)",
				i, r.Engine, r.Corpus, r.Passages, r.Documents, name, set.Name, len(set.Docs))
		}
		if r.Queries != 3*len(queries) || len(r.PerQuery) != len(queries) {
			t.Errorf("%s: %d timed queries and %d medians, want %d and %d", name, r.Queries, len(r.PerQuery), 3*len(queries), len(queries))
		}
		if !(0 < r.P50 && r.P50 <= r.P95 && r.P95 <= r.P99) || r.QPS <= 0 || rep.Builds[i].Time <= 0 {
			t.Errorf("%s: p50 %v, p95 %v, p99 %v, %.0f qps, build %v", name, r.P50, r.P95, r.P99, r.QPS, rep.Builds[i].Time)
		}
		if r.Matches <= 0 {
			t.Errorf("%s: %.1f matches per query", name, r.Matches)
		}
	}
	if r := rep.Rows[0]; r.RatioP50 != 1 || r.RatioP99 != 1 {
		t.Errorf("the baseline's ratios are %.2f and %.2f, want 1", r.RatioP50, r.RatioP99)
	}
	if r := rep.Rows[1]; r.RatioP50 != float64(r.P50)/float64(rep.Rows[0].P50) {
		t.Errorf("sqlite's p50 ratio is %.3f, want %v/%v", r.RatioP50, r.P50, rep.Rows[0].P50)
	}
	if v := rep.Versions["sqlite"]; !strings.HasPrefix(v, "SQLite 3.") {
		t.Errorf("sqlite version %q", v)
	}
	if v := rep.Versions["vanelkaar"]; !strings.HasPrefix(v, "vanelkaar") {
		t.Errorf("vanelkaar version %q", v)
	}
	if len(progress) == 0 {
		t.Error("no progress reported")
	}
	checkTables(t, rep, queries)
}

// checkTables checks the shape of the latency and the per-query tables.
func checkTables(t *testing.T, rep *bench.Report, queries []bench.Query) {
	var table bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(table.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("table has %d lines, want a header, a rule and 2 rows:\n%s", len(lines), table.String())
	}
	if want := "| " + strings.Join(bench.Columns, " | ") + " |"; lines[0] != want {
		t.Errorf("header %q, want %q", lines[0], want)
	}
	for _, l := range lines[2:] {
		if n := strings.Count(l, "|"); n != len(bench.Columns)+1 {
			t.Errorf("row %q has %d cells, want %d", l, n-1, len(bench.Columns))
		}
	}
	var per bytes.Buffer
	if err := rep.WritePerQuery(&per); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		if !strings.Contains(per.String(), strings.ReplaceAll(q.String(), "|", `\|`)) {
			t.Errorf("per-query table lacks %s:\n%s", q, per.String())
		}
	}
}
