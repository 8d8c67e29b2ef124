package analyzer

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/registry"
)

// plainStemName is the Snowball stemmer without the exceptions, for the
// benchmark's variants.
const plainStemName = "vanelkaar_nl_stem_plain_bench"

func init() {
	must(registry.RegisterTokenFilter(plainStemName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return stemFilter{plain: true}, nil
	}))
}

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
	index.Analyze([]byte("energietransitie")) // reads the compound dictionary
	bleveNL, err := registry.NewCache().AnalyzerNamed(nl.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	// The index analyzer without decompounding, without the stemming
	// exceptions, and without both.
	variant := func(name string, drop ...string) analysis.Analyzer {
		var fs []any
		for _, f := range filters {
			switch {
			case slices.Contains(drop, f):
			case f == StemName && slices.Contains(drop, plainStemName):
				fs = append(fs, plainStemName)
			default:
				fs = append(fs, f)
			}
		}
		a, err := define(name, map[string]any{"type": "custom", "tokenizer": TokenizerName, "token_filters": fs})
		if err != nil {
			b.Fatal(err)
		}
		return a
	}
	for _, bm := range []struct {
		name string
		a    analysis.Analyzer
	}{
		{Name, index},
		{Name + "_no_decompound", variant("a", DecompoundName)},
		{Name + "_no_exceptions", variant("b", plainStemName)},
		{Name + "_neither", variant("c", DecompoundName, plainStemName)},
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
