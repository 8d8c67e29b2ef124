package index

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestStreamDocumentsInReadingOrder checks that however many workers make
// the documents and however far ahead, fn gets every document once, in
// reading order, with the same fields.
func TestStreamDocumentsInReadingOrder(t *testing.T) {
	c := shipped(t)
	want, err := Documents(c)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := newDocuments(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ workers, ahead int }{{1, 0}, {2, 0}, {4, 10}, {3, 1000}} {
		t.Run(fmt.Sprintf("%d workers %d ahead", tc.workers, tc.ahead), func(t *testing.T) {
			var got []string
			err := streamDocuments(context.Background(), docs, tc.workers, tc.ahead, nil, func(d *Document) error {
				i := len(got)
				got = append(got, d.ID)
				if i < len(want) && d.Fields[FieldRecord] != want[i].Fields[FieldRecord] {
					t.Errorf("document %d (%s): record differs from Documents'", i, d.ID)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]string, len(want))
			for i, d := range want {
				ids[i] = d.ID
			}
			if !slices.Equal(got, ids) {
				t.Errorf("got %d documents in another order than Documents' %d", len(got), len(ids))
			}
		})
	}
}

// TestStreamDocumentsStops checks that an error of fn or of prepare, or a
// cancelled context, ends the stream with that error.
func TestStreamDocumentsStops(t *testing.T) {
	docs, err := newDocuments(shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name    string
		ctx     context.Context
		prepare func(*Document) error
		fn      func(*Document) error
		want    error
	}{
		{"fn fails", context.Background(), nil, func(*Document) error { return stop }, stop},
		{"prepare fails", context.Background(), func(*Document) error { return stop }, func(*Document) error { return nil }, stop},
		{"cancelled", cancelled, nil, func(*Document) error { return nil }, context.Canceled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := streamDocuments(tc.ctx, docs, 2, 0, tc.prepare, tc.fn); !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestBuildIndexesWhatBleveWould checks that the build, whose workers
// analyse the documents for bleve's offline builder, indexes the same
// terms in the same number of documents, field by field, as bleve's own
// batches into an index in memory.
func TestBuildIndexesWhatBleveWould(t *testing.T) {
	c := fixture(t)
	path, err := Build(context.Background(), c, filepath.Join(t.TempDir(), "idx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	built, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer built.Close()
	mem, err := NewMemOnly(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	n1, _ := built.DocCount()
	n2, _ := mem.DocCount()
	if n1 != n2 || n1 == 0 {
		t.Fatalf("documents: built %d, in memory %d", n1, n2)
	}
	fields := append(KeywordFields(), "_id")
	for _, f := range TextFields {
		fields = append(fields, f.Name)
	}
	for _, field := range fields {
		a, b := dictionary(t, built, field), dictionary(t, mem, field)
		if len(a) == 0 || !maps.Equal(a, b) {
			t.Errorf("field %s: built index has %d terms, in memory %d, or their counts differ", field, len(a), len(b))
		}
	}
	// The builder takes the tokens the documents were analysed into
	// rather than analysing again: the same positions and offsets.
	for _, f := range TextFields {
		for term := range dictionary(t, built, f.Name) {
			if a, b := vectors(t, built, f.Name, term), vectors(t, mem, f.Name, term); !maps.Equal(a, b) {
				t.Fatalf("field %s term %q: built %v, in memory %v", f.Name, term, a, b)
			}
		}
	}
}

// vectors are the frequency and the locations of a term in each document
// that has it, by document id.
func vectors(t *testing.T, idx bleve.Index, field, term string) map[string]string {
	t.Helper()
	adv, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, true)
	if err != nil {
		t.Fatal(err)
	}
	defer tfr.Close()
	out := map[string]string{}
	for {
		d, err := tfr.Next(nil)
		if err != nil || d == nil {
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		id, err := r.ExternalID(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		v := fmt.Sprint(d.Freq)
		for _, l := range d.Vectors {
			v += fmt.Sprintf(" %d:%d-%d", l.Pos, l.Start, l.End)
		}
		out[id] = v
	}
}

// dictionary is the terms of a field with the number of documents of each.
func dictionary(t *testing.T, idx bleve.Index, field string) map[string]uint64 {
	t.Helper()
	d, err := idx.FieldDict(field)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	terms := map[string]uint64{}
	for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
		if err != nil {
			t.Fatal(err)
		}
		terms[e.Term] = e.Count
	}
	return terms
}
