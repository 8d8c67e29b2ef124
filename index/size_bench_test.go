package index

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
	"vanelkaar/index/analyzer"
)

// BenchmarkIndexSize builds the index of the shipped corpus and of 10,000
// generated passages on disk, with the index analyzer as it is and
// without its decompounding filter, and reports the size of each (bytes
// of the compacted index folder) and the ratio: what indexing the parts
// of compounds costs on disk.
func BenchmarkIndexSize(b *testing.B) {
	gen, err := synth.Generate(synth.Options{Passages: 10000, Seed: synth.DefaultSeed})
	if err != nil {
		b.Fatal(err)
	}
	corpora := []struct {
		name string
		fsys fs.FS
	}{{"shipped", corpus.Shipped()}, {"generated-10k", gen}}
	without := analyzer.Config()
	filters := without["token_filters"].([]any)
	without["token_filters"] = slices.DeleteFunc(slices.Clone(filters), func(f any) bool { return f == analyzer.DecompoundName })
	for _, cp := range corpora {
		c, err := corpus.Load(cp.fsys)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(cp.name, func(b *testing.B) {
			var with, plain int64
			for b.Loop() {
				with = indexSize(b, c, analyzer.Config())
				plain = indexSize(b, c, without)
			}
			b.ReportMetric(float64(with), "bytes-decompound")
			b.ReportMetric(float64(plain), "bytes-plain")
			b.ReportMetric(float64(with)/float64(plain), "ratio")
		})
	}
}

func indexSize(b *testing.B, c *corpus.Corpus, dutch map[string]any) int64 {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "idx")
	if _, err := write(context.Background(), c, newMapping(dutch), dir, nil, newReporter(nil)); err != nil {
		b.Fatal(err)
	}
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			size += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	os.RemoveAll(dir)
	return size
}
