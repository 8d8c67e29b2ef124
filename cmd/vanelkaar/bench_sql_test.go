//go:build benchsql

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanelkaar/bench"
	"vanelkaar/bench/pgtest"
)

func TestBenchWithSQLite(t *testing.T) {
	code, out, errOut := runCmd(t, "", "bench", "--passages", "300", "--rounds", "2", "--sqlite", "--per-query", "--tmp", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	rows := benchRows(t, out)
	checkBenchRows(t, rows, [][3]string{
		{"shipped", "common", "vanelkaar"}, {"shipped", "common", "sqlite"},
		{"generated-300", "common", "vanelkaar"}, {"generated-300", "common", "sqlite"},
	}, 2, len(bench.DefaultQueries()))
	if rows[2]["passages"] != "300" {
		t.Errorf("the generated corpus has %s passages, want 300", rows[2]["passages"])
	}
	for _, b := range benchTable(t, out, bench.BuildColumns) {
		if b["engine"] == "sqlite" && cellNumber(t, b, "on disk MB") == 0 {
			t.Errorf("SQLite's build: %v", b)
		}
	}
	if !strings.Contains(out, "SQLite 3.") || !strings.Contains(out, "generated-300, common mix, median ms per query:") {
		t.Errorf("no engine versions or per-query table in:\n%s", out)
	}
	if !strings.Contains(errOut, "loading") {
		t.Errorf("no progress on standard error: %q", errOut)
	}
}

func TestBenchWithPostgres(t *testing.T) {
	dsn := pgtest.Start(t)
	queries := filepath.Join(t.TempDir(), "queries.txt")
	if err := os.WriteFile(queries, []byte("gemeenten innovatie\nburgers | kind=passage municipality=*\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", "bench", "--passages", "200", "--rounds", "1", "--queries", queries, "--postgres", dsn, "--tmp", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	checkBenchRows(t, benchRows(t, out), [][3]string{
		{"shipped", "common", "vanelkaar"}, {"shipped", "common", "postgres"},
		{"generated-200", "common", "vanelkaar"}, {"generated-200", "common", "postgres"},
	}, 1, 2)
	if !strings.Contains(out, "PostgreSQL ") {
		t.Errorf("no PostgreSQL version in:\n%s", out)
	}
	// The goals beside PostgreSQL: three latency rows per corpus and mix,
	// three build rows per corpus.
	goals := benchTable(t, out, bench.GoalColumns)
	if len(goals) != 2*3+2*3 || goals[0]["corpus"] != "shipped" || !strings.HasPrefix(goals[0]["goal"], "common mix: p50") {
		t.Errorf("goals table: %v", goals)
	}
	// PostgreSQL's build: COPY and the indexes, timed apart, and the
	// table's size with its indexes.
	for _, b := range benchTable(t, out, bench.BuildColumns) {
		if b["engine"] == "postgres" && (cellNumber(t, b, "on disk MB") == 0 || !strings.Contains(b["how"], "COPY")) {
			t.Errorf("PostgreSQL's build: %v", b)
		}
	}
}
