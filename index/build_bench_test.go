package index

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"vanelkaar/corpus"
	"vanelkaar/corpus/corpustest"
	"vanelkaar/corpus/synth"
)

// buildBenchPassages is the size of the generated corpus BenchmarkBuild
// builds: real Dutch sentences, as in the bench's treebank corpus.
const buildBenchPassages = 10000

// buildBenchCorpus is the corpus the build benchmarks index: a generated
// corpus of buildBenchPassages passages of real Dutch sentences.
func buildBenchCorpus(b *testing.B) *corpus.Corpus {
	b.Helper()
	ss, err := synth.TreebankSentences(corpustest.TreebankDir(b))
	if err != nil {
		b.Fatal(err)
	}
	fsys, err := synth.GenerateFromSentences(synth.TreebankOptions{Passages: buildBenchPassages, Seed: synth.DefaultSeed, Sentences: ss})
	if err != nil {
		b.Fatal(err)
	}
	c, err := corpus.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkBuild builds the index of a generated corpus of real Dutch
// sentences on disk, as `vanelkaar index` does, and reports the index's
// size per byte of text. Profile it with
//
//	go test ./index/ -run '^$' -bench BenchmarkBuild -benchtime 1x -cpuprofile cpu.out -memprofile mem.out
//	go tool pprof -top cpu.out
func BenchmarkBuild(b *testing.B) {
	c := buildBenchCorpus(b)
	text := textBytes(c)
	b.Run(strconv.Itoa(buildBenchPassages), func(b *testing.B) {
		var size int64
		for b.Loop() {
			path, err := Build(context.Background(), c, filepath.Join(b.TempDir(), "idx"), nil)
			if err != nil {
				b.Fatal(err)
			}
			size = DiskSize(path)
		}
		b.ReportMetric(float64(size), "bytes")
		b.ReportMetric(float64(size)/float64(text), "bytes/text-byte")
	})
}

// textBytes is the size of a corpus's passage text.
func textBytes(c *corpus.Corpus) int64 {
	var n int64
	for _, a := range c.Articles {
		for _, p := range a.Passages {
			n += int64(len(p.Text))
		}
	}
	return n
}
