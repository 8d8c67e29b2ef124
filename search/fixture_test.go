package search

import (
	"context"
	"io/fs"
	"os"
	"sync"
	"testing"
	"testing/fstest"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

// The fixture corpus (testdata/corpus) is three short articles about
// fictional municipalities with fictional people; the shipped corpus is
// the series itself.
var (
	fixtureOnce, shippedOnce     sync.Once
	fixtureSearch, shippedSearch *Searcher
	fixtureErr, shippedErr       error
)

// fixtureSearcher returns a searcher over an in-memory index of the
// fixture corpus, shared by the tests (it is read-only).
func fixtureSearcher(t testing.TB) *Searcher {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureSearch, fixtureErr = searcherOf(os.DirFS("testdata/corpus"))
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureSearch
}

// shippedSearcher returns a searcher over the corpus embedded in the binary.
func shippedSearcher(t testing.TB) *Searcher {
	t.Helper()
	shippedOnce.Do(func() {
		shippedSearch, shippedErr = searcherOf(corpus.Shipped())
	})
	if shippedErr != nil {
		t.Fatal(shippedErr)
	}
	return shippedSearch
}

func searcherOf(fsys fs.FS) (*Searcher, error) {
	c, err := corpus.Load(fsys)
	if err != nil {
		return nil, err
	}
	return searcherOfCorpus(c)
}

// searcherOfCorpus returns a searcher over an in-memory index of c.
func searcherOfCorpus(c *corpus.Corpus) (*Searcher, error) {
	idx, err := index.NewMemOnly(context.Background(), c)
	if err != nil {
		return nil, err
	}
	return New(idx)
}

// miniSearcher indexes the fixture corpus's registries with the given
// articles instead of its own (file name -> Markdown), for tests that need
// texts made to measure.
func miniSearcher(t testing.TB, articles map[string]string) *Searcher {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{corpus.PeopleFile, corpus.ThemesFile, corpus.MunicipalitiesFile} {
		src, err := os.ReadFile("testdata/corpus/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: src}
	}
	for name, src := range articles {
		fsys[corpus.ArticlesDir+"/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	s, err := searcherOf(fsys)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustSearch(t testing.TB, s *Searcher, r Request) *Result {
	t.Helper()
	res, err := s.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("Search(%s): %v", r, err)
	}
	return res
}

func hitIDs(hits []Hit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

// facetCounts maps a facet's values to their counts.
func facetCounts(vs []FacetValue) map[string]int {
	m := map[string]int{}
	for _, v := range vs {
		m[v.Value] = v.Count
	}
	return m
}
