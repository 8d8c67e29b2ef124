package analyzer

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/registry"
)

// BenchmarkAnalyzer measures throughput over the treebank's sentences
// (4,617 of them, the "# text =" lines), each analyzed on its own as a
// field value would be, against bleve's built-in "nl" analyzer in the same
// run. MB/s counts the input text; cpu-MB/s divides it by the process's
// CPU time rather than wall time (see cpuTime), which other processes on
// the machine disturb far less.
func BenchmarkAnalyzer(b *testing.B) {
	sents := readTreebank(b)
	texts := make([][]byte, len(sents))
	size := int64(0)
	for i, s := range sents {
		texts[i] = []byte(s.text)
		size += int64(len(s.text))
	}
	index, query := analyzers(b)
	bleveNL, err := registry.NewCache().AnalyzerNamed(nl.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name string
		a    analysis.Analyzer
	}{
		{Name, index},
		{QueryName, query},
		{"bleve_" + nl.AnalyzerName, bleveNL},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			tokens := 0
			cpu0 := cpuTime()
			for b.Loop() {
				tokens = 0
				for _, t := range texts {
					tokens += len(bm.a.Analyze(t))
				}
			}
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
			}
			b.ReportMetric(float64(tokens), "tokens/op")
		})
	}
}
