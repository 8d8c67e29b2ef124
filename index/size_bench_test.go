package index

import (
	"cmp"
	"context"
	"encoding/binary"
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

// BenchmarkIndexParts builds the index of 10,000 generated passages of
// real Dutch sentences, as BenchmarkBuild does, and reports what takes
// the space of its segment: the stored fields (records, ids, names) and
// each field's postings with their term vectors, dictionary and doc
// values. Run it with
//
//	go test ./index/ -run '^$' -bench BenchmarkIndexParts -benchtime 1x
func BenchmarkIndexParts(b *testing.B) {
	c := buildBenchCorpus(b)
	var parts map[string]int64
	for b.Loop() {
		path, err := Build(context.Background(), c, filepath.Join(b.TempDir(), "idx"), nil)
		if err != nil {
			b.Fatal(err)
		}
		if parts, err = segmentParts(filepath.Join(path, "store", "000000000002.zap")); err != nil {
			b.Fatal(err)
		}
		parts["root.bolt"] = DiskSize(filepath.Join(path, "store", "root.bolt"))
	}
	for name, n := range parts {
		b.ReportMetric(float64(n), name+"-bytes")
	}
}

// segmentParts reads the layout of a zap (v17) segment file: the stored
// fields and their index, and each field's part (postings with their
// locations, then its dictionary, doc values and offsets), which lie one
// after the other in the order of their offsets. See zap.md of
// github.com/blevesearch/zapx/v17.
func segmentParts(file string) (map[string]int64, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	// The footer ends with the CRC, version and chunk mode (4 bytes each),
	// before them the sections' index, the stored index and the documents.
	end := len(data) - 12
	sections := binary.BigEndian.Uint64(data[end-8:])
	stored := binary.BigEndian.Uint64(data[end-16:])
	docs := binary.BigEndian.Uint64(data[end-24:])
	parts := map[string]int64{"stored": int64(stored + 8*docs)}
	type field struct {
		name string
		addr uint64
	}
	var fields []field
	n, pos := binary.Uvarint(data[sections:])
	at := sections + uint64(pos)
	for range n {
		addr := binary.BigEndian.Uint64(data[at:])
		at += 8
		l, k := binary.Uvarint(data[addr:])
		name := string(data[addr+uint64(k) : addr+uint64(k)+l])
		_, k2 := binary.Uvarint(data[addr+uint64(k)+l:])
		sec := addr + uint64(k) + l + uint64(k2)
		ns, k3 := binary.Uvarint(data[sec:])
		sec += uint64(k3)
		for range ns {
			// A section's type (the inverted index's is 0) and address.
			if binary.BigEndian.Uint16(data[sec:]) == 0 {
				fields = append(fields, field{name, binary.BigEndian.Uint64(data[sec+2:])})
			}
			sec += 10
		}
	}
	slices.SortFunc(fields, func(a, b field) int { return cmp.Compare(a.addr, b.addr) })
	prev := stored + 8*docs
	for _, f := range fields {
		if f.addr > prev {
			parts[f.name] = int64(f.addr - prev)
			prev = f.addr
		}
	}
	return parts, nil
}
