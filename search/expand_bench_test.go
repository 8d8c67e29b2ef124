package search

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"

	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
)

// BenchmarkExpansion measures what synonyms, other spellings and
// relaxations cost: each query with its expansions and with exact=true,
// side by side in one run, on the series and on 10,000 generated passages
// with the shipped synonym list; and Similar for one passage, computed
// (cold) and remembered (cached).
func BenchmarkExpansion(b *testing.B) {
	corpora := []struct {
		name    string
		open    func(*testing.B) *Searcher
		similar string
	}{
		{"series", func(b *testing.B) *Searcher { return benchSearcher(b, "series", corpus.Shipped) }, "passage/van-elkaar-leren#inleiding"},
		{"generated-10k", func(b *testing.B) *Searcher {
			return benchSearcher(b, "generated-synonyms", func() fs.FS {
				fsys, err := synth.Generate(synth.Options{Passages: generatedPassages, Seed: synth.DefaultSeed})
				if err != nil {
					b.Fatal(err)
				}
				src, err := fs.ReadFile(corpus.Shipped(), corpus.SynonymsFile)
				if err != nil {
					b.Fatal(err)
				}
				fsys[corpus.SynonymsFile] = &fstest.MapFile{Data: src}
				return fsys
			})
		}, ""},
	}
	queries := []struct{ name, q string }{
		{"synonym", "inwoners"},
		{"two-words", "burgers innovatie"},
		{"spelling", "start ups"},
		{"dead-end", "burgers blockchain"},
	}
	for _, c := range corpora {
		s := c.open(b)
		for _, q := range queries {
			for _, exact := range []bool{true, false} {
				name := c.name + "/" + q.name + "/expanded"
				if exact {
					name = c.name + "/" + q.name + "/exact"
				}
				b.Run(name, func(b *testing.B) {
					ctx := context.Background()
					req := Request{Query: q.q, Exact: exact}
					b.ReportAllocs()
					cpu := cpuTime()
					for b.Loop() {
						if _, err := s.Search(ctx, req); err != nil {
							b.Fatal(err)
						}
					}
					reportCPU(b, cpu)
				})
			}
		}
		id := c.similar
		if id == "" {
			res, err := s.Search(context.Background(), Request{Query: "energietransitie", Filters: map[string][]string{FacetKind: {KindPassage}}})
			if err != nil || len(res.Hits) == 0 {
				b.Fatalf("no passage to compare: %v", err)
			}
			id = res.Hits[0].ID
		}
		for _, cold := range []bool{true, false} {
			name := c.name + "/similar/cached"
			if cold {
				name = c.name + "/similar/cold"
			}
			b.Run(name, func(b *testing.B) {
				ctx := context.Background()
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					if cold {
						s.cur.similar.Clear() // the answer is computed every time
					}
					if _, err := s.Similar(ctx, id, DefaultSimilarSize); err != nil {
						b.Fatal(err)
					}
				}
				reportCPU(b, cpu)
			})
		}
	}
}
