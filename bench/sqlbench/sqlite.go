package sqlbench

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" driver: SQLite in pure Go, with FTS5

	"vanelkaar/bench"
	"vanelkaar/search/query"
)

// SQLite answers the queries with SQLite's FTS5: a full-text table with
// the same five text fields as vanelkaar, tokenized by unicode61 with
// diacritics removed (FTS5 has no Dutch stemmer), ranked by bm25() with
// vanelkaar's field weights, snippet() for the highlights, and facet
// counts with GROUP BY over a table of (document, facet, value) rows.
type SQLite struct {
	// TempDir is where the database file is made; "" means the system's.
	TempDir string

	dir   string
	db    *sql.DB
	stmts map[string]*sql.Stmt
}

var sqliteSetup = []string{
	`CREATE TABLE docs (rid INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, ord TEXT NOT NULL, text TEXT NOT NULL)`,
	`CREATE TABLE facets (rid INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL)`,
	`CREATE VIRTUAL TABLE fts USING fts5(title, headings, quote, names, body, tokenize = 'unicode61 remove_diacritics 2')`,
}

var sqliteIndexes = []string{
	`CREATE INDEX docs_ord ON docs (ord, id)`,
	`CREATE INDEX facets_value ON facets (facet, value, rid)`,
	`CREATE INDEX facets_doc ON facets (rid, facet, value)`,
	`INSERT INTO fts (fts) VALUES ('optimize')`,
	`ANALYZE`,
}

// sqliteRank weighs the fts columns as index.TextFields boosts the fields.
const sqliteRank = "bm25(fts, 3.0, 2.0, 1.5, 1.5, 1.0)"

func (s *SQLite) Name() string { return "sqlite" }

func (s *SQLite) Load(ctx context.Context, set *bench.Set) error {
	if err := s.Close(); err != nil {
		return err
	}
	dir, err := os.MkdirTemp(s.TempDir, "vanelkaar-bench-sqlite-")
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	s.dir = dir
	// A memory map and a page cache large enough for the whole database,
	// as a server would be tuned; no journal, since the database is
	// thrown away.
	dsn := "file:" + filepath.Join(dir, "bench.db") +
		"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=mmap_size(2147483648)&_pragma=cache_size(-524288)"
	s.db, err = sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	s.db.SetMaxOpenConns(1)
	s.stmts = map[string]*sql.Stmt{}
	for _, stmt := range sqliteSetup {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("sqlite: %s: %w", stmt, err)
		}
	}
	if err := s.insert(ctx, set); err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	for _, stmt := range sqliteIndexes {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("sqlite: %s: %w", stmt, err)
		}
	}
	return nil
}

func (s *SQLite) insert(ctx context.Context, set *bench.Set) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	doc, err := tx.PrepareContext(ctx, `INSERT INTO docs (rid, id, kind, ord, text) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	fts, err := tx.PrepareContext(ctx, `INSERT INTO fts (rowid, title, headings, quote, names, body) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	facet, err := tx.PrepareContext(ctx, `INSERT INTO facets (rid, facet, value) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	for i := range set.Docs {
		d := &set.Docs[i]
		rid := i + 1
		if _, err := doc.ExecContext(ctx, rid, d.ID, d.Kind, d.Order, d.Text); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		if _, err := fts.ExecContext(ctx, rid, d.Title, d.Headings, d.Quote, d.Names, d.Body); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		for _, f := range bench.Facets {
			for _, v := range d.Facet(f) {
				if _, err := facet.ExecContext(ctx, rid, f, v); err != nil {
					return fmt.Errorf("document %s: %w", d.ID, err)
				}
			}
		}
	}
	return tx.Commit()
}

func (s *SQLite) Search(ctx context.Context, q bench.Query, size int) (*bench.Answer, error) {
	hits, counts, err := sqliteStatements(q, size)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %q: %w", q, err)
	}
	a := bench.NewAnswer()
	err = s.query(ctx, hits, func(rows *sql.Rows) error {
		var h bench.Hit
		if err := rows.Scan(&h.ID, &h.Snippet); err != nil {
			return err
		}
		a.Hits = append(a.Hits, h)
		return nil
	})
	if err == nil {
		err = s.query(ctx, counts, func(rows *sql.Rows) error {
			var facet, value string
			var n int
			if err := rows.Scan(&facet, &value, &n); err != nil {
				return err
			}
			if facet == "" {
				a.Total = n
			} else {
				a.Count(facet, value, n)
			}
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: %q: %w", q, err)
	}
	return a, nil
}

// query runs a statement, prepared once per SQL text as a server would.
func (s *SQLite) query(ctx context.Context, st statement, each func(*sql.Rows) error) error {
	stmt, ok := s.stmts[st.sql]
	if !ok {
		var err error
		if stmt, err = s.db.PrepareContext(ctx, st.sql); err != nil {
			return err
		}
		s.stmts[st.sql] = stmt
	}
	rows, err := stmt.QueryContext(ctx, st.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Version is the SQLite library's version.
func (s *SQLite) Version(ctx context.Context) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT 'SQLite ' || sqlite_version()").Scan(&v)
	return v, err
}

// BuildStats tells the size of the database file (its time is Load's).
func (s *SQLite) BuildStats(context.Context) (bench.BuildStats, error) {
	info, err := os.Stat(filepath.Join(s.dir, "bench.db"))
	if err != nil {
		return bench.BuildStats{}, fmt.Errorf("sqlite: %w", err)
	}
	return bench.BuildStats{Size: info.Size(), Phases: "insert, then FTS5 and the other indexes, in the bench's process"}, nil
}

func (s *SQLite) Close() error {
	var err error
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	if s.db != nil {
		err = s.db.Close()
		s.db = nil
	}
	if s.dir != "" {
		if rerr := os.RemoveAll(s.dir); err == nil {
			err = rerr
		}
		s.dir = ""
	}
	return err
}

// sqliteStatements builds the two statements of a query: the best hits
// with their snippets, and the total with the facet counts.
func sqliteStatements(q bench.Query, size int) (hits, counts statement, err error) {
	parsed, hasText, err := positive(q.Text)
	if err != nil {
		return hits, counts, err
	}
	match := ""
	if hasText {
		match = ftsQuery(parsed)
	}
	ps := &params{prefix: "?"}
	if hasText {
		// The best rows first, then their snippets: ranking needs no
		// join, and snippet() runs on the top rows only.
		m := ps.add(match)
		hits.sql = fmt.Sprintf(`WITH top AS MATERIALIZED (
  SELECT fts.rowid AS rid, %s AS r FROM fts WHERE fts MATCH %s AND %s ORDER BY r, fts.rowid LIMIT %d)
SELECT d.id, snippet(fts, -1, '<mark>', '</mark>', '…', %d)
FROM top JOIN fts ON fts.rowid = top.rid JOIN docs d ON d.rid = top.rid
WHERE fts MATCH %s
ORDER BY top.r, top.rid`, sqliteRank, m, and(sqliteFilters(q, "", "fts.rowid", ps)), size, snippetWords, m)
	} else {
		hits.sql = fmt.Sprintf(`SELECT d.id, substr(d.text, 1, %d) FROM docs d WHERE %s ORDER BY d.ord, d.id LIMIT %d`,
			plainSnippet, and(sqliteFilters(q, "", "d.rid", ps)), size)
	}
	hits.args = ps.args

	ps = &params{prefix: "?"}
	// matches returns the rows that match the words and the filters but
	// skip's, as a FROM clause with the row id column and a condition.
	matches := func(skip string) (from, rid, where string) {
		if hasText {
			return "fts", "fts.rowid", and("fts MATCH "+ps.add(match), sqliteFilters(q, skip, "fts.rowid", ps))
		}
		return "docs d", "d.rid", and(sqliteFilters(q, skip, "d.rid", ps))
	}
	from, rid, where := matches("")
	with := fmt.Sprintf("WITH m AS MATERIALIZED (SELECT %s AS rid FROM %s WHERE %s)", rid, from, where)
	parts := []string{`SELECT '' AS facet, '' AS value, count(*) FROM m`}
	var own []string // facets counted over m
	for _, f := range bench.Facets {
		if len(q.Filters[f]) == 0 {
			own = append(own, "'"+f+"'")
			continue
		}
		from, rid, where := matches(f)
		parts = append(parts, fmt.Sprintf("SELECT f.facet, f.value, count(*) FROM %s JOIN facets f ON f.rid = %s WHERE f.facet = '%s' AND %s GROUP BY f.value",
			from, rid, f, where))
	}
	if len(own) > 0 {
		parts = append(parts, fmt.Sprintf("SELECT f.facet, f.value, count(*) FROM m JOIN facets f ON f.rid = m.rid WHERE f.facet IN (%s) GROUP BY f.facet, f.value",
			strings.Join(own, ", ")))
	}
	counts.sql = with + "\n" + strings.Join(parts, "\nUNION ALL ")
	counts.args = ps.args
	return hits, counts, nil
}

func sqliteFilters(q bench.Query, skip, rid string, ps *params) string {
	return filterSQL(q, skip, func(f string, vals []string) string {
		marks := make([]string, len(vals))
		for i, v := range vals {
			marks[i] = ps.add(v)
		}
		in := fmt.Sprintf("%s IN (SELECT rid FROM facets WHERE facet = '%s' AND value IN (%s))", rid, f, strings.Join(marks, ", "))
		if rid == "fts.rowid" {
			// The unary + keeps the condition away from FTS5's planner,
			// which would otherwise run the full-text query once per
			// row of the filter: 50 times slower for a broad filter.
			in = "+" + in
		}
		return in
	})
}

// ftsQuery writes a parsed query in FTS5's syntax: every word and phrase
// as a quoted string, AND, OR, and NOT (which FTS5 has only as a binary
// operator: "a AND b NOT c").
func ftsQuery(q query.Q) string {
	switch q := q.(type) {
	case query.Term:
		return ftsString(q.Text)
	case query.Phrase:
		return ftsString(q.Text)
	case query.Or:
		parts := make([]string, len(q.Qs))
		for i, c := range q.Qs {
			parts[i] = ftsQuery(c)
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	case query.And:
		var pos, neg []string
		for _, c := range q.Qs {
			if n, ok := c.(query.Not); ok {
				neg = append(neg, ftsQuery(n.Q))
			} else {
				pos = append(pos, ftsQuery(c))
			}
		}
		out := "(" + strings.Join(pos, " AND ") + ")"
		for _, n := range neg {
			out = "(" + out + " NOT " + n + ")"
		}
		return out
	case query.Not:
		// Only inside And, handled there.
	}
	return `""`
}

func ftsString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
