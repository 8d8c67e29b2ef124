//go:build !benchsql

package main

import (
	"errors"

	"vanelkaar/bench"
)

// sqlEngines returns the engines measured beside vanelkaar. The server
// binary is built without them: their database drivers would add about
// 3.5 MB to a binary that never uses them. Build with the benchsql tag
// (see bench_engines_sql.go) to compare.
func sqlEngines(pgDSN string, withSQLite bool, tmp string) ([]bench.Engine, error) {
	if pgDSN == "" && !withSQLite {
		return nil, nil
	}
	return nil, errNoSQLEngines
}

var errNoSQLEngines = errors.New("this vanelkaar is built without the PostgreSQL and SQLite engines; " +
	"to measure them side by side, build it with `go build -tags benchsql ./cmd/vanelkaar` (see BENCHMARKS.md)")
