package search

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
	"vanelkaar/index"
)

// Benchmarks of search and suggest on the shipped series and on a
// generated corpus of 10,000 passages (corpus/synth, fixed seed). Each
// corpus has a baseline: a bare bleve query for the same two words on the
// body field, without facets, stored fields, highlights or tie-breaks, so
// results read as ratios that hold across machines. Run with
//
//	go test ./search -run '^$' -bench . -benchmem -count 8 -benchtime 200ms
//
// BENCHMARKS.md ("Search") has the table.

const generatedPassages = 10000

// The benchmarks search indexes built on disk by index.Build and opened
// with Open, as `vanelkaar serve` does; they are built once per run into
// benchDir, which TestMain removes.
var (
	benchDir     string
	benchMu      sync.Mutex
	benchIndexes = map[string]*Searcher{}
	benchDirs    = map[string]string{} // name -> index folder
)

// BenchIndexesEnv names a folder where the benchmarks keep their indexes
// from one run to the next (built when missing), so that a profile of one
// query class (-cpuprofile) holds the searches and not the build.
const BenchIndexesEnv = "VANELKAAR_BENCH_INDEXES"

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		for _, s := range benchIndexes {
			s.Close()
		}
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchSearcher builds (once) and opens the index of a corpus.
func benchSearcher(b *testing.B, name string, fsys func() fs.FS) *Searcher {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if s := benchIndexes[name]; s != nil {
		return s
	}
	if benchDir == "" {
		dir, err := os.MkdirTemp("", "vanelkaar-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = dir
	}
	dir := filepath.Join(benchDir, name)
	if keep := os.Getenv(BenchIndexesEnv); keep != "" {
		dir = filepath.Join(keep, name)
	}
	s, err := Open(dir)
	if err != nil {
		// Not built yet (or kept from another index format).
		c, err := corpus.Load(fsys())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := index.Build(context.Background(), c, dir, nil); err != nil {
			b.Fatal(err)
		}
		if s, err = Open(dir); err != nil {
			b.Fatal(err)
		}
	}
	benchIndexes[name] = s
	benchDirs[name] = dir
	return s
}

// benchCorpus is a corpus with the queries to run on it.
type benchCorpus struct {
	name     string
	searcher func(*testing.B) *Searcher
	words    string // two words that occur together often
	phrase   string // words that stand side by side somewhere
	rare     string // a word in about 1 % of the passages
	filters  map[string][]string
	typo     string // a misspelled word, for did-you-mean
	prefix   string // what a user has typed, for suggest
	typoPref string // the same with a typo
}

var benchCorpora = []benchCorpus{
	{
		name: "series", searcher: func(b *testing.B) *Searcher { return benchSearcher(b, "series", corpus.Shipped) },
		words:   "gemeenten innovatie",
		phrase:  "verantwoord datagebruik",
		rare:    "energietransitie",
		filters: map[string][]string{FacetMunicipality: {"amsterdam", "hilversum"}, FacetRole: {"directie"}},
		typo:    "inclusivitijt", prefix: "gem", typoPref: "inclisiv",
	},
	{
		name: "generated-10k", searcher: func(b *testing.B) *Searcher {
			return benchSearcher(b, "generated", func() fs.FS {
				fsys, err := synth.Generate(synth.Options{Passages: generatedPassages, Seed: synth.DefaultSeed})
				if err != nil {
					b.Fatal(err)
				}
				return fsys
			})
		},
		words:   "gemeenten innovatie",
		phrase:  "verantwoord datagebruik",
		rare:    "dataplatform",
		filters: map[string][]string{FacetMunicipality: {"voorbeeldstad", "nergenshuizen"}, FacetRole: {"directie"}},
		typo:    "inclusivitijt", prefix: "gem", typoPref: "inclisiv",
	},
}

func BenchmarkSearch(b *testing.B) {
	for _, bc := range benchCorpora {
		s := bc.searcher(b)
		cases := []struct {
			name string
			req  Request
		}{
			{"facets+highlights", Request{Query: bc.words}},
			{"rare-word", Request{Query: bc.rare}},
			{"filtered", Request{Query: bc.words, Filters: bc.filters}},
			{"phrase", Request{Query: `"` + bc.phrase + `"`}},
			{"grouped", Request{Query: bc.words, Group: GroupMunicipality}},
			{"did-you-mean", Request{Query: bc.typo}},
			{"filters-only", Request{Filters: bc.filters}},
		}
		b.Run(bc.name+"/baseline", func(b *testing.B) { benchBaseline(b, s, bc.words) })
		for _, c := range cases {
			b.Run(bc.name+"/"+c.name, func(b *testing.B) {
				benchSearch(b, s, c.req, func(res *Result) bool {
					if c.name == "did-you-mean" {
						return res.Suggestion != ""
					}
					return res.Total > 0
				})
			})
		}
	}
}

// benchBaseline measures the bare bleve query: the words on the body
// field, without facets, stored fields, highlights or tie-breaks.
func benchBaseline(b *testing.B, s *Searcher, words string) {
	q := bleve.NewMatchQuery(words)
	q.SetField(index.FieldBody)
	q.Analyzer = index.AnalyzerDutchQuery
	idx := s.cur.idx
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := idx.Search(bleve.NewSearchRequest(q)); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// benchSearch measures s.Search(req), after checking that its result is
// realistic (one of the case's kind).
func benchSearch(b *testing.B, s *Searcher, req Request, realistic func(*Result) bool) {
	ctx := context.Background()
	res, err := s.Search(ctx, req)
	if err != nil {
		b.Fatal(err)
	}
	if !realistic(res) {
		b.Fatalf("%s: %d hits, suggestion %q: not a realistic case", req, res.Total, res.Suggestion)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := s.Search(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(res.Total), "matches")
}

func BenchmarkSuggest(b *testing.B) {
	for _, bc := range benchCorpora {
		s := bc.searcher(b)
		for _, c := range []struct{ name, q string }{
			{"prefix", bc.prefix},
			{"typo", bc.typoPref},
			{"two-words", bc.words[:len(bc.words)-2]},
		} {
			b.Run(fmt.Sprintf("%s/%s", bc.name, c.name), func(b *testing.B) {
				ctx := context.Background()
				res, err := s.Suggest(ctx, c.q, 0)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Suggestions) == 0 {
					b.Fatalf("no suggestions for %q", c.q)
				}
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					if _, err := s.Suggest(ctx, c.q, 0); err != nil {
						b.Fatal(err)
					}
				}
				reportCPU(b, cpu)
			})
		}
	}
}

// reportCPU adds cpu-ns/op: the process's CPU time per operation since
// start, which grows much less than wall time when other processes compete
// for the cores.
func reportCPU(b *testing.B, start time.Duration) {
	if start > 0 && b.N > 0 {
		b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
