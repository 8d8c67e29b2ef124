package index

import (
	"context"
	"testing"
)

func TestFieldStats(t *testing.T) {
	c := shipped(t)
	idx, err := NewMemOnly(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	st, ok, err := ReadFieldStats(idx)
	if err != nil || !ok {
		t.Fatalf("ReadFieldStats: %v, stored %v", err, ok)
	}
	docs, err := Documents(c)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != len(docs) {
		t.Errorf("documents %d, want %d", st.Documents, len(docs))
	}
	quotes, people := 0, len(c.People)
	for _, a := range c.Articles {
		quotes += len(a.Quotes)
	}
	// Each field counts the documents that have it.
	if got := st.Fields[FieldQuote].Documents; got != quotes {
		t.Errorf("quote field in %d documents, want the %d quotes", got, quotes)
	}
	if got := st.Fields[FieldTitle].Documents; got != len(docs) {
		t.Errorf("title field in %d documents, want all %d", got, len(docs))
	}
	if got := st.Fields[FieldHeadings].Documents; got >= len(docs)-people+1 {
		t.Errorf("headings in %d documents: people have none", got)
	}
	// True average lengths: a passage holds tens of words, a heading a few.
	if avg := st.Average(FieldBody); avg < 10 || avg > 200 {
		t.Errorf("average body length %.1f", avg)
	}
	if avg := st.Average(FieldHeadings); avg < 1 || avg > 15 {
		t.Errorf("average headings length %.1f", avg)
	}
	if avg := st.Average("nothing"); avg != 0 {
		t.Errorf("average of a missing field %.1f", avg)
	}
}
