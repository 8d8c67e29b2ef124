package index_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/index/indextest"
)

func shippedCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(corpus.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestOpenChecksTheFormat(t *testing.T) {
	c := shippedCorpus(t)
	cur := index.CurrentFormat()
	tests := []struct {
		name     string
		format   *index.Format // nil leaves the build's own
		wantErr  bool
		wantText string
	}{
		{"the program's own format", nil, false, ""},
		{"an older version", &index.Format{Version: cur.Version - 1, Mapping: cur.Mapping}, true, fmt.Sprintf("has format %d (mapping ", cur.Version-1)},
		{"another mapping", &index.Format{Version: cur.Version, Mapping: "0123456789ab"}, true, "mapping 0123456789ab"},
		{"no format: built before formats were stored", &index.Format{}, true, "has format none (built by an older vanelkaar)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			if _, err := index.Build(context.Background(), c, dir, nil); err != nil {
				t.Fatal(err)
			}
			if tt.format != nil {
				indextest.SetFormat(t, dir, *tt.format)
			}
			idx, err := index.Open(dir)
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				defer idx.Close()
				if f, err := index.ReadFormat(idx); err != nil || f != cur {
					t.Errorf("ReadFormat = %v, %v; want %v", f, err, cur)
				}
				return
			}
			if err == nil {
				idx.Close()
				t.Fatal("Open accepted an index of another format")
			}
			var fe *index.FormatError
			if !errors.Is(err, index.ErrFormat) || !errors.As(err, &fe) {
				t.Fatalf("Open = %v; want a FormatError", err)
			}
			msg := err.Error()
			for _, want := range []string{tt.wantText, "this vanelkaar reads format " + cur.String(), "vanelkaar index --out"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not say %q", msg, want)
				}
			}
		})
	}
}

func TestFormatFollowsTheMapping(t *testing.T) {
	f := index.CurrentFormat()
	if f.Version != index.FormatVersion || f.Mapping != index.Fingerprint(index.NewMapping()) || len(f.Mapping) != 12 {
		t.Errorf("CurrentFormat = %+v", f)
	}
	tests := []struct {
		name   string
		change func(m *mapping.IndexMappingImpl)
	}{
		{"another default analyzer", func(m *mapping.IndexMappingImpl) { m.DefaultAnalyzer = "keyword" }},
		{"a field more", func(m *mapping.IndexMappingImpl) {
			m.DefaultMapping.AddFieldMappingsAt("extra", mapping.NewKeywordFieldMapping())
		}},
		{"an analyzer changed", func(m *mapping.IndexMappingImpl) {
			m.CustomAnalysis.Analyzers[index.AnalyzerDutchQuery] = map[string]any{"type": "custom", "tokenizer": "unicode"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := index.NewMapping()
			tt.change(m)
			if index.Fingerprint(m) == f.Mapping {
				t.Error("a changed mapping has the same fingerprint")
			}
		})
	}
}
