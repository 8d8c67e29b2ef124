package bench

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"vanelkaar/search"
	"vanelkaar/search/query"
)

// Facet names, as search uses them.
const (
	facetTheme        = search.FacetTheme
	facetMunicipality = search.FacetMunicipality
	facetRole         = search.FacetRole
	facetKind         = search.FacetKind
)

// Facets are the Facets every engine counts, in search's order: those the
// other engines' schemas model (search's speaker facet is not compared).
var Facets = []string{facetTheme, facetMunicipality, facetRole, facetKind}

// AnyMunicipality as a municipality filter value stands for the
// municipality most documents of the corpus are about, so that one query
// list serves every corpus.
const AnyMunicipality = "*"

//go:embed queries.txt
var defaultQueries string

// Query is one benchmark query: words in the search syntax and filters.
type Query struct {
	Text    string
	Filters map[string][]string
}

// String is the query as queries.txt writes it.
func (q Query) String() string {
	var fs []string
	for _, f := range Facets {
		for _, v := range q.Filters[f] {
			fs = append(fs, f+"="+v)
		}
	}
	if len(fs) == 0 {
		return q.Text
	}
	if q.Text == "" {
		return "| " + strings.Join(fs, " ")
	}
	return q.Text + " | " + strings.Join(fs, " ")
}

// DefaultQueries returns the committed query list, queries.txt.
func DefaultQueries() []Query {
	qs, err := ParseQueries(defaultQueries)
	if err != nil {
		panic("bench: queries.txt: " + err.Error()) // a broken committed file, caught by the tests
	}
	return qs
}

// ParseQueries reads a query list: one query a line, "words | facet=value
// ...", with # comments and blank lines skipped.
func ParseQueries(src string) ([]Query, error) {
	var qs []Query
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		words, filters, _ := strings.Cut(line, "|")
		q := Query{Text: strings.TrimSpace(words)}
		if _, err := query.Parse(q.Text); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		for _, f := range strings.Fields(filters) {
			name, value, ok := strings.Cut(f, "=")
			if !ok || value == "" || !slices.Contains(Facets, name) {
				return nil, fmt.Errorf("line %d: filter %q: want facet=value with facet one of %s", i+1, f, strings.Join(Facets, ", "))
			}
			if q.Filters == nil {
				q.Filters = map[string][]string{}
			}
			q.Filters[name] = append(q.Filters[name], value)
		}
		if q.Text == "" && len(q.Filters) == 0 {
			return nil, fmt.Errorf("line %d: a query needs words or filters", i+1)
		}
		qs = append(qs, q)
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("no queries")
	}
	return qs, nil
}

// Resolve replaces AnyMunicipality by the set's most frequent municipality.
func (q Query) Resolve(s *Set) Query {
	if !slices.Contains(q.Filters[facetMunicipality], AnyMunicipality) {
		return q
	}
	out := Query{Text: q.Text, Filters: map[string][]string{}}
	for f, vs := range q.Filters {
		out.Filters[f] = slices.Clone(vs)
	}
	top := s.topMunicipality()
	for i, v := range out.Filters[facetMunicipality] {
		if v == AnyMunicipality {
			out.Filters[facetMunicipality][i] = top
		}
	}
	return out
}

// topMunicipality is the municipality with the most documents, the first
// by id on a tie.
func (s *Set) topMunicipality() string {
	best := ""
	for _, m := range s.munis {
		if best == "" || s.muniDocs[m] > s.muniDocs[best] || s.muniDocs[m] == s.muniDocs[best] && m < best {
			best = m
		}
	}
	return best
}
