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
	checkBenchRows(t, rows, [][2]string{
		{"shipped", "vanelkaar"}, {"shipped", "sqlite"},
		{"generated-300", "vanelkaar"}, {"generated-300", "sqlite"},
	}, 2*len(bench.DefaultQueries()))
	if rows[2]["passages"] != "300" {
		t.Errorf("the generated corpus has %s passages, want 300", rows[2]["passages"])
	}
	if !strings.Contains(out, "SQLite 3.") || !strings.Contains(out, "generated-300, median ms per query:") {
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
	checkBenchRows(t, benchRows(t, out), [][2]string{
		{"shipped", "vanelkaar"}, {"shipped", "postgres"},
		{"generated-200", "vanelkaar"}, {"generated-200", "postgres"},
	}, 2)
	if !strings.Contains(out, "PostgreSQL ") {
		t.Errorf("no PostgreSQL version in:\n%s", out)
	}
}
