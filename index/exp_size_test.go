package index

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"

	"vanelkaar/corpus"
	"vanelkaar/corpus/corpustest"
	"vanelkaar/corpus/synth"
	"vanelkaar/index/analyzer"
)

func TestExpSize(t *testing.T) {
	ss, _ := synth.TreebankSentences(corpustest.TreebankDir(t))
	fsys, _ := synth.GenerateFromSentences(synth.TreebankOptions{Passages: 3000, Seed: synth.DefaultSeed, Sentences: ss})
	c, err := corpus.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("text", textBytes(c))
	tf := func(d *mapping.DocumentMapping, n string) *mapping.FieldMapping { return d.Properties[n].Fields[0] }
	for _, v := range []struct {
		name string
		f    func(*mapping.DocumentMapping)
	}{
		{"base", func(*mapping.DocumentMapping) {}},
		{"nostore", func(d *mapping.DocumentMapping) {
			for _, f := range TextFields {
				tf(d, f.Name).Store = false
			}
		}},
		{"norecord", func(d *mapping.DocumentMapping) { tf(d, FieldRecord).Store = false }},
		{"notv-title-head-names", func(d *mapping.DocumentMapping) {
			for _, n := range []string{FieldTitle, FieldHeadings, FieldNames} {
				tf(d, n).IncludeTermVectors = false
			}
		}},
		{"notv-all", func(d *mapping.DocumentMapping) {
			for _, f := range TextFields {
				tf(d, f.Name).IncludeTermVectors = false
			}
		}},
		{"no-order-words", func(d *mapping.DocumentMapping) {
			tf(d, FieldOrder).Index = false
			tf(d, FieldWords).Index = false
		}},
		{"no-title", func(d *mapping.DocumentMapping) { tf(d, FieldTitle).Index = false; tf(d, FieldTitle).Store = false }},
		{"no-body", func(d *mapping.DocumentMapping) { tf(d, FieldBody).Index = false; tf(d, FieldBody).Store = false }},
	} {
		m := newMapping(analyzer.Config())
		v.f(m.DefaultMapping)
		dir := filepath.Join(t.TempDir(), "idx")
		if _, err := write(context.Background(), c, m, dir, nil, newReporter(nil)); err != nil {
			t.Fatal(err)
		}
		fmt.Println(v.name, DiskSize(dir))
	}
}
