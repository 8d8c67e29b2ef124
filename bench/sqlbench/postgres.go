package sqlbench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"vanelkaar/bench"
	"vanelkaar/search"
	"vanelkaar/search/query"
)

// Postgres answers the queries with PostgreSQL's full-text search: one
// tsvector per document with the "dutch" configuration, weighted like
// vanelkaar's field boosts (title A, headings B, quote and names C, body
// D), a GIN index, ts_rank, ts_headline, and facet counts with GROUP BY.
// The documents go into the schema vanelkaar_bench, which Load replaces.
type Postgres struct {
	DSN string

	conn *pgx.Conn
	// copied and indexed are the last Load's times to copy the documents
	// in and to build the indexes.
	copied, indexed time.Duration
}

const pgTable = "vanelkaar_bench.docs"

var pgSetup = []string{
	`CREATE SCHEMA IF NOT EXISTS vanelkaar_bench`,
	`DROP TABLE IF EXISTS vanelkaar_bench.docs`,
	`CREATE TABLE vanelkaar_bench.docs (
		id text PRIMARY KEY,
		kind text NOT NULL,
		ord text NOT NULL,
		title text NOT NULL,
		headings text NOT NULL,
		body text NOT NULL,
		quote text NOT NULL,
		names text NOT NULL,
		text text NOT NULL,
		themes text[] NOT NULL,
		municipalities text[] NOT NULL,
		roles text[] NOT NULL,
		tsv tsvector GENERATED ALWAYS AS (
			setweight(to_tsvector('dutch', title), 'A') ||
			setweight(to_tsvector('dutch', headings), 'B') ||
			setweight(to_tsvector('dutch', quote || ' ' || names), 'C') ||
			setweight(to_tsvector('dutch', body), 'D')) STORED
	)`,
}

var pgIndexes = []string{
	`CREATE INDEX ON vanelkaar_bench.docs USING gin (tsv)`,
	`CREATE INDEX ON vanelkaar_bench.docs USING gin (themes)`,
	`CREATE INDEX ON vanelkaar_bench.docs USING gin (municipalities)`,
	`CREATE INDEX ON vanelkaar_bench.docs USING gin (roles)`,
	`CREATE INDEX ON vanelkaar_bench.docs (kind)`,
	`CREATE INDEX ON vanelkaar_bench.docs (ord, id)`,
	`VACUUM ANALYZE vanelkaar_bench.docs`,
}

// pgArrayColumn is the array column of each facet but kind.
var pgArrayColumn = map[string]string{
	search.FacetTheme:        "themes",
	search.FacetMunicipality: "municipalities",
	search.FacetRole:         "roles",
}

func (p *Postgres) Name() string { return "postgres" }

func (p *Postgres) Load(ctx context.Context, s *bench.Set) error {
	if p.conn == nil {
		conn, err := pgx.Connect(ctx, p.DSN)
		if err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
		p.conn = conn
	}
	for _, stmt := range pgSetup {
		if _, err := p.conn.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("postgres: %s: %w", firstLine(stmt), err)
		}
	}
	start := time.Now()
	cols := []string{"id", "kind", "ord", "title", "headings", "body", "quote", "names", "text", "themes", "municipalities", "roles"}
	_, err := p.conn.CopyFrom(ctx, pgx.Identifier{"vanelkaar_bench", "docs"}, cols,
		pgx.CopyFromSlice(len(s.Docs), func(i int) ([]any, error) {
			d := &s.Docs[i]
			return []any{d.ID, d.Kind, d.Order, d.Title, d.Headings, d.Body, d.Quote, d.Names, d.Text,
				d.Themes, d.Municipalities, d.Roles}, nil
		}))
	if err != nil {
		return fmt.Errorf("postgres: copy documents: %w", err)
	}
	p.copied = time.Since(start)
	start = time.Now()
	for _, stmt := range pgIndexes {
		if _, err := p.conn.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("postgres: %s: %w", stmt, err)
		}
	}
	p.indexed = time.Since(start)
	return nil
}

// BuildStats tells the last Load's times (COPY, then the GIN and other
// indexes with VACUUM ANALYZE), the table's size with its TOAST and
// indexes (pg_total_relation_size) and, when this process may read the
// server's /proc entry, the peak RSS of the backend that built them.
func (p *Postgres) BuildStats(ctx context.Context) (bench.BuildStats, error) {
	st := bench.BuildStats{
		Time:   p.copied + p.indexed,
		Phases: fmt.Sprintf("COPY %.1f s + GIN and other indexes, VACUUM ANALYZE %.1f s", p.copied.Seconds(), p.indexed.Seconds()),
	}
	var pid int
	err := p.conn.QueryRow(ctx, `SELECT pg_total_relation_size('`+pgTable+`'), pg_backend_pid()`).Scan(&st.Size, &pid)
	if err != nil {
		return st, fmt.Errorf("postgres: %w", err)
	}
	if n, err := bench.PeakRSSOf(pid); err == nil {
		st.PeakRSS = n
		st.Phases += " (peak RSS: the backend's VmHWM)"
	}
	return st, nil
}

func (p *Postgres) Search(ctx context.Context, q bench.Query, size int) (*bench.Answer, error) {
	hits, facetsSQL, err := pgStatements(q, size)
	if err != nil {
		return nil, fmt.Errorf("postgres: %q: %w", q, err)
	}
	// Both statements go in one round trip.
	b := &pgx.Batch{}
	b.Queue(hits.sql, hits.args...)
	b.Queue(facetsSQL.sql, facetsSQL.args...)
	br := p.conn.SendBatch(ctx, b)
	a := bench.NewAnswer()
	rows, err := br.Query()
	if err == nil {
		for rows.Next() {
			var h bench.Hit
			if err = rows.Scan(&h.ID, &h.Snippet); err != nil {
				break
			}
			a.Hits = append(a.Hits, h)
		}
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
	}
	if err == nil {
		rows, err = br.Query()
		if err == nil {
			for rows.Next() {
				var facet, value string
				var n int64
				if err = rows.Scan(&facet, &value, &n); err != nil {
					break
				}
				if facet == "" {
					a.Total = int(n)
				} else {
					a.Count(facet, value, int(n))
				}
			}
			rows.Close()
			if err == nil {
				err = rows.Err()
			}
		}
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: %q: %w", q, err)
	}
	return a, nil
}

// Version is the server's version.
func (p *Postgres) Version(ctx context.Context) (string, error) {
	var v string
	err := p.conn.QueryRow(ctx, "SELECT 'PostgreSQL ' || current_setting('server_version')").Scan(&v)
	return v, err
}

func (p *Postgres) Close() error {
	if p.conn == nil {
		return nil
	}
	err := p.conn.Close(context.Background())
	p.conn = nil
	return err
}

// statement is SQL with its arguments.
type statement struct {
	sql  string
	args []any
}

// pgStatements builds the two statements of a query: the best hits with
// their headlines, and the total with the facet counts.
func pgStatements(q bench.Query, size int) (hits, counts statement, err error) {
	parsed, hasText, err := positive(q.Text)
	if err != nil {
		return hits, counts, err
	}
	// Hits.
	ps := &params{prefix: "$"}
	tsq := ""
	if hasText {
		tsq = pgTSQuery(parsed, ps)
	}
	where := and(pgFilters(q, "", ps))
	if hasText {
		hits.sql = fmt.Sprintf(`WITH q AS (SELECT %s AS q)
SELECT t.id, ts_headline('dutch', t.text, q.q, 'StartSel=<mark>, StopSel=</mark>, MaxWords=%d, MinWords=%d, MaxFragments=1')
FROM (SELECT d.id, d.text, d.ord, ts_rank(d.tsv, q.q) AS r
      FROM %s d, q WHERE d.tsv @@ q.q AND %s
      ORDER BY r DESC, d.ord, d.id LIMIT %d) t, q
ORDER BY t.r DESC, t.ord, t.id`, tsq, snippetWords, snippetWords/2, pgTable, where, size)
	} else {
		hits.sql = fmt.Sprintf(`SELECT d.id, left(d.text, %d) FROM %s d WHERE %s ORDER BY d.ord, d.id LIMIT %d`,
			plainSnippet, pgTable, where, size)
	}
	hits.args = ps.args

	// Total and facets: the facets without a filter of their own are
	// counted over the matches; each filtered facet over the matches of
	// the other filters.
	ps = &params{prefix: "$"}
	from, match := pgTable+" d", ""
	var with []string
	if hasText {
		with = append(with, "q AS (SELECT "+pgTSQuery(parsed, ps)+" AS q)")
		from, match = pgTable+" d, q", "d.tsv @@ q.q"
	}
	with = append(with, fmt.Sprintf("m AS MATERIALIZED (SELECT d.kind, d.themes, d.municipalities, d.roles FROM %s WHERE %s)",
		from, and(match, pgFilters(q, "", ps))))
	parts := []string{`SELECT '' AS facet, '' AS value, count(*) FROM m`}
	for _, f := range bench.Facets {
		if len(q.Filters[f]) == 0 {
			parts = append(parts, pgFacetCount(f, "m", "m", ""))
		} else {
			parts = append(parts, pgFacetCount(f, from, "d", and(match, pgFilters(q, f, ps))))
		}
	}
	counts.sql = "WITH " + strings.Join(with, ", ") + "\n" + strings.Join(parts, "\nUNION ALL ")
	counts.args = ps.args
	return hits, counts, nil
}

// pgFacetCount counts a facet's values over the rows of from (alias t).
func pgFacetCount(facet, from, t, where string) string {
	if where != "" {
		where = " WHERE " + where
	}
	if facet == search.FacetKind {
		return fmt.Sprintf("SELECT '%s', %s.kind, count(*) FROM %s%s GROUP BY %s.kind", facet, t, from, where, t)
	}
	return fmt.Sprintf("SELECT '%s', v, count(*) FROM %s, unnest(%s.%s) v%s GROUP BY v",
		facet, from, t, pgArrayColumn[facet], where)
}

func pgFilters(q bench.Query, skip string, ps *params) string {
	return filterSQL(q, skip, func(f string, vals []string) string {
		if f == search.FacetKind {
			return "d.kind = ANY(" + ps.add(vals) + "::text[])"
		}
		return "d." + pgArrayColumn[f] + " && " + ps.add(vals) + "::text[]"
	})
}

// pgTSQuery turns a parsed query into a tsquery expression: words through
// plainto_tsquery, phrases through phraseto_tsquery, with the 'dutch'
// configuration, combined with && (and), || (or) and !! (not).
func pgTSQuery(q query.Q, ps *params) string {
	switch q := q.(type) {
	case query.Term:
		return "plainto_tsquery('dutch', " + ps.add(q.Text) + "::text)"
	case query.Phrase:
		return "phraseto_tsquery('dutch', " + ps.add(q.Text) + "::text)"
	case query.Not:
		return "(!! " + pgTSQuery(q.Q, ps) + ")"
	case query.Or:
		return "(" + pgJoin(q.Qs, " || ", ps) + ")"
	case query.And:
		return "(" + pgJoin(q.Qs, " && ", ps) + ")"
	}
	return "''::tsquery"
}

func pgJoin(qs []query.Q, op string, ps *params) string {
	parts := make([]string, len(qs))
	for i, q := range qs {
		parts[i] = pgTSQuery(q, ps)
	}
	return strings.Join(parts, op)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
