//go:build benchsql

package main

import (
	"vanelkaar/bench"
	"vanelkaar/bench/sqlbench"
)

// sqlEngines returns the engines measured beside vanelkaar: PostgreSQL's
// full-text search at pgDSN when it is set, and SQLite FTS5 when asked.
// Only a build with the benchsql tag links their drivers.
func sqlEngines(pgDSN string, withSQLite bool, tmp string) ([]bench.Engine, error) {
	var engines []bench.Engine
	if pgDSN != "" {
		engines = append(engines, &sqlbench.Postgres{DSN: pgDSN})
	}
	if withSQLite {
		engines = append(engines, &sqlbench.SQLite{TempDir: tmp})
	}
	return engines, nil
}
