// Package sqlbench holds the engines that package bench measures beside
// vanelkaar: PostgreSQL's "dutch" full-text search (Postgres) and SQLite
// FTS5 (SQLite). It is a package of its own so that only a binary that
// compares engines links their database drivers: `vanelkaar bench` built
// with the benchsql tag does; the server binary does not.
package sqlbench
