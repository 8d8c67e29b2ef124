package sqlbench_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/bench"
	"vanelkaar/bench/pgtest"
	"vanelkaar/bench/sqlbench"
	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
	"vanelkaar/search"
)

// generatedSet loads a generated corpus of n passages.
func generatedSet(t testing.TB, n int) *bench.Set {
	t.Helper()
	files, err := synth.Generate(synth.Options{Passages: n, Seed: synth.DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	s, err := bench.LoadSet(fmt.Sprintf("generated-%d", n), files, corpus.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestEngines loads the same generated corpus into each engine and checks
// their answers: against a brute-force count for queries that every
// analyzer treats alike, and for the shape of the answer on the default
// queries.
func TestEngines(t *testing.T) {
	set := generatedSet(t, 300)
	checks := oracleQueries(t, set)
	for _, tc := range []struct {
		name string
		new  func(t *testing.T) bench.Engine
	}{
		{"vanelkaar", func(t *testing.T) bench.Engine { return &bench.Vanelkaar{TempDir: t.TempDir()} }},
		{"sqlite", func(t *testing.T) bench.Engine { return &sqlbench.SQLite{TempDir: t.TempDir()} }},
		{"postgres", func(t *testing.T) bench.Engine { return &sqlbench.Postgres{DSN: pgtest.Start(t)} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			e := tc.new(t)
			if err := e.Load(ctx, set); err != nil {
				t.Fatal(err)
			}
			defer func() {
				if err := e.Close(); err != nil {
					t.Error(err)
				}
			}()
			for _, c := range checks {
				t.Run("count "+c.q.String(), func(t *testing.T) {
					a, err := e.Search(ctx, c.q, 10)
					if err != nil {
						t.Fatal(err)
					}
					if a.Total != c.total {
						t.Errorf("total %d, want %d", a.Total, c.total)
					}
					if diff := cmp.Diff(c.facets, a.Facets); diff != "" {
						t.Errorf("facets (-want +got):\n%s", diff)
					}
					if want := min(c.total, 10); len(a.Hits) != want {
						t.Errorf("%d hits, want %d", len(a.Hits), want)
					}
				})
			}
			if v, ok := e.(bench.Versioned); ok {
				if s, err := v.Version(ctx); err != nil || s == "" {
					t.Errorf("version %q, %v", s, err)
				}
			}
			// Loading again replaces the documents rather than adding.
			if err := e.Load(ctx, set); err != nil {
				t.Fatal(err)
			}
			t.Run("default queries", func(t *testing.T) {
				checkDefaultQueries(t, e, set)
			})
		})
	}
}

// checkDefaultQueries runs every default query and checks what holds
// whatever the analyzer: hits are documents of the set, at most 10 and as
// many as the total allows, marks in the snippets of word queries, and
// kind counts that add up to the total.
func checkDefaultQueries(t *testing.T, e bench.Engine, set *bench.Set) {
	ids := map[string]bool{}
	for _, d := range set.Docs {
		ids[d.ID] = true
	}
	matched := 0
	for _, q := range bench.DefaultQueries() {
		q = q.Resolve(set)
		a, err := e.Search(context.Background(), q, 10)
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		if a.Total > 0 {
			matched++
		}
		if want := min(a.Total, 10); len(a.Hits) != want {
			t.Errorf("%s: %d hits of %d matches, want %d", q, len(a.Hits), a.Total, want)
		}
		marked := false
		for _, h := range a.Hits {
			if !ids[h.ID] {
				t.Errorf("%s: hit %q is not a document of the set", q, h.ID)
			}
			marked = marked || strings.Contains(h.Snippet, "<mark>")
		}
		if q.Text != "" && len(a.Hits) > 0 && !marked {
			t.Errorf("%s: no snippet has a <mark>: %q", q, a.Hits[0].Snippet)
		}
		kinds := 0
		for _, n := range a.Facets[search.FacetKind] {
			kinds += n
		}
		if len(q.Filters[search.FacetKind]) == 0 && kinds != a.Total {
			t.Errorf("%s: kind counts add up to %d, total is %d", q, kinds, a.Total)
		}
	}
	if matched < len(bench.DefaultQueries())/2 {
		t.Errorf("only %d of %d default queries match anything", matched, len(bench.DefaultQueries()))
	}
}

// oracleCheck is a query with the answer a brute-force scan gives.
type oracleCheck struct {
	q      bench.Query
	total  int
	facets map[string]map[string]int
}

// oracleQueries makes queries of one invented municipality name each: a
// word that no analyzer changes differently from the same word elsewhere,
// so every engine must count exactly the documents that contain it.
func oracleQueries(t *testing.T, set *bench.Set) []oracleCheck {
	var names []*corpus.Municipality
	for _, m := range set.Corpus.Municipalities {
		if !strings.ContainsFunc(m.Name, func(r rune) bool { return !unicode.IsLetter(r) }) {
			names = append(names, m)
		}
	}
	if len(names) < 3 {
		t.Fatalf("the generated corpus has %d municipalities with one-word names, want 3", len(names))
	}
	qs := []bench.Query{
		{Text: names[0].Name},
		{Text: names[1].Name, Filters: map[string][]string{search.FacetRole: {"bestuur", "directie"}}},
		{Text: names[0].Name, Filters: map[string][]string{search.FacetKind: {"passage"}, search.FacetTheme: {"samenwerken", "uitdagingen"}}},
		{Text: strings.ToLower(names[2].Name), Filters: map[string][]string{search.FacetMunicipality: {names[2].ID}, search.FacetKind: {"person", "passage"}}},
	}
	var checks []oracleCheck
	for _, q := range qs {
		c := oracleCheck{q: q, facets: map[string]map[string]int{}}
		for _, f := range bench.Facets {
			c.facets[f] = map[string]int{}
		}
		for i := range set.Docs {
			d := &set.Docs[i]
			if !hasWord(d, q.Text) {
				continue
			}
			if passes(d, q, "") {
				c.total++
			}
			for _, f := range bench.Facets {
				if passes(d, q, f) {
					for _, v := range d.Facet(f) {
						c.facets[f][v]++
					}
				}
			}
		}
		checks = append(checks, c)
	}
	if checks[0].total == 0 || checks[1].total == 0 {
		t.Fatalf("the oracle queries %s and %s match nothing: the test would prove nothing", qs[0], qs[1])
	}
	return checks
}

// hasWord reports whether any text field of d has word, ignoring case.
func hasWord(d *bench.Doc, word string) bool {
	for _, f := range []string{d.Title, d.Headings, d.Body, d.Quote, d.Names} {
		for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if strings.EqualFold(w, word) {
				return true
			}
		}
	}
	return false
}

// passes reports whether d passes the query's filters but skip's.
func passes(d *bench.Doc, q bench.Query, skip string) bool {
	for f, vals := range q.Filters {
		if f == skip {
			continue
		}
		if !slices.ContainsFunc(d.Facet(f), func(v string) bool { return slices.Contains(vals, v) }) {
			return false
		}
	}
	return true
}
