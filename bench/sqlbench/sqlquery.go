package sqlbench

import (
	"strconv"
	"strings"

	"vanelkaar/bench"
	"vanelkaar/search/query"
)

// Snippet sizes close to vanelkaar's (160 to 240 characters).
const (
	snippetWords = 32
	plainSnippet = 200 // characters of a snippet without words to mark
)

// params collects the arguments of a SQL statement and numbers their
// placeholders ($1 for PostgreSQL, ?1 for SQLite).
type params struct {
	prefix string
	args   []any
}

func (p *params) add(v any) string {
	p.args = append(p.args, v)
	return p.prefix + strconv.Itoa(len(p.args))
}

// positive returns the parsed query when it has words to match: a query of
// exclusions only matches like no words at all, as in search.
func positive(text string) (query.And, bool, error) {
	q, err := query.Parse(text)
	if err != nil {
		return query.And{}, false, err
	}
	return q, len(q.Positive()) > 0, nil
}

// filterSQL ANDs a condition per filtered facet except skip, each made by
// cond from the facet and its values; "" when there is none.
func filterSQL(q bench.Query, skip string, cond func(facet string, vals []string) string) string {
	var conds []string
	for _, f := range bench.Facets {
		if vals := q.Filters[f]; f != skip && len(vals) > 0 {
			conds = append(conds, cond(f, vals))
		}
	}
	return strings.Join(conds, " AND ")
}

// and joins SQL conditions, leaving out empty ones; "TRUE" for none.
func and(conds ...string) string {
	var out []string
	for _, c := range conds {
		if c != "" {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return "1 = 1"
	}
	return strings.Join(out, " AND ")
}
