package search

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// qualityCase is one line of a search-quality file.
type qualityCase struct {
	line  int
	query string
	req   Request
	rank  string // "first" or "top3"
	id    string
}

// readQuality reads a search-quality file: "QUERY | RANK | ID" lines, with
// facet=value words of the query taken as filters.
func readQuality(t *testing.T, path string) []qualityCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []qualityCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "|")
		if len(cols) != 3 {
			t.Fatalf("%s:%d: want QUERY | RANK | ID", path, n)
		}
		c := qualityCase{line: n, query: strings.TrimSpace(cols[0]), rank: strings.TrimSpace(cols[1]), id: strings.TrimSpace(cols[2])}
		if c.rank != "first" && c.rank != "top3" {
			t.Fatalf("%s:%d: rank %q, want first or top3", path, n, c.rank)
		}
		var words []string
		for _, w := range strings.Fields(c.query) {
			facet, value, ok := strings.Cut(w, "=")
			if ok && slices.Contains(FacetNames, facet) {
				if c.req.Filters == nil {
					c.req.Filters = map[string][]string{}
				}
				c.req.Filters[facet] = append(c.req.Filters[facet], value)
				continue
			}
			words = append(words, w)
		}
		c.req.Query = strings.Join(words, " ")
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func runQuality(t *testing.T, s *Searcher, path string) {
	cases := readQuality(t, path)
	if len(cases) == 0 {
		t.Fatalf("%s has no cases", path)
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d %s", c.line, c.query), func(t *testing.T) {
			req := c.req
			req.Size = 3
			res := mustSearch(t, s, req)
			ids := hitIDs(res.Hits)
			pos := slices.Index(ids, c.id)
			switch {
			case pos < 0:
				t.Errorf("%s:%d: %s not in the top three %v", path, c.line, c.id, ids)
			case c.rank == "first" && pos != 0:
				t.Errorf("%s:%d: %s is hit %d, want first; ranking %v", path, c.line, c.id, pos+1, ids)
			}
		})
	}
}

func TestQualityFixture(t *testing.T) {
	runQuality(t, fixtureSearcher(t), "testdata/quality.txt")
}

func TestQualityShipped(t *testing.T) {
	runQuality(t, shippedSearcher(t), "testdata/quality-shipped.txt")
}
