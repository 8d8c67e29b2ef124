package dutch

import (
	"testing"

	"github.com/blevesearch/snowballstem"
	bleveDutch "github.com/blevesearch/snowballstem/dutch"
)

// The benchmarks stem the whole Snowball Dutch vocabulary per iteration
// and report ns/word and allocs/word besides the per-iteration figures.
// They compare this package with the Porter-style Dutch stemmer that
// bleve's "nl" analyzer uses.

func benchmarkWords(b *testing.B) []string {
	b.Helper()
	words, _ := loadVocabulary(b)
	return words
}

// reportPerWord adds ns/word, cpu-ns/word (process CPU time, see cpuTime)
// and allocs/word metrics.
func reportPerWord(b *testing.B, words int, run func()) {
	b.Helper()
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		run()
	}
	cpu := cpuTime() - cpu0
	perIter := float64(b.N) * float64(words)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/perIter, "ns/word")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/perIter, "cpu-ns/word")
	}
	allocs := testing.AllocsPerRun(1, run)
	b.ReportMetric(allocs/float64(words), "allocs/word")
}

var sink string

func BenchmarkStem(b *testing.B) {
	words := benchmarkWords(b)
	reportPerWord(b, len(words), func() {
		for _, w := range words {
			sink = Stem(w, true)
		}
	})
}

func BenchmarkBleveDutch(b *testing.B) {
	words := benchmarkWords(b)
	reportPerWord(b, len(words), func() {
		for _, w := range words {
			env := snowballstem.NewEnv(w)
			bleveDutch.Stem(env)
			sink = env.Current()
		}
	})
}
