package search

import (
	"strings"
	"testing"

	"vanelkaar/index"
)

func TestLengthFactor(t *testing.T) {
	for _, tc := range []struct {
		words string
		want  float64
	}{
		{"", 1}, // an index built without the field ranks as before
		{"x", 1},
		{"00", lengthPriorFloor + (1-lengthPriorFloor)/index.LengthCap},
		{"01", lengthPriorFloor + (1-lengthPriorFloor)/index.LengthCap},
		{"12", 0.75},
		{"24", 1},
	} {
		if got := lengthFactor(tc.words); got != tc.want {
			t.Errorf("lengthFactor(%q) = %v, want %v", tc.words, got, tc.want)
		}
	}
}

// TestShortTextsDoNotCrowdOutParagraphs: with plain BM25 the list of
// interviewees (a few words each, one of them "Gemeente") filled the first
// page for "gemeenten"; the paragraphs about gemeenten come first now.
func TestShortTextsDoNotCrowdOutParagraphs(t *testing.T) {
	s := shippedSearcher(t)
	res := mustSearch(t, s, Request{Query: "gemeenten", Size: 5})
	for _, h := range res.Hits {
		if strings.HasPrefix(h.ID, "passage/van-elkaar-leren#station-10-") {
			t.Errorf("list item %s among the first five hits for gemeenten: %v", h.ID, hitIDs(res.Hits))
		}
	}
	// A short text that matches still ranks when nothing longer does.
	res = mustSearch(t, s, Request{Query: "Velders", Size: 3})
	if len(res.Hits) == 0 || res.Hits[0].ID != "person/gerard-velders" {
		t.Errorf("Velders: %v, want person/gerard-velders first", hitIDs(res.Hits))
	}
	// The prior reorders but never drops: the same hits are found.
	all := mustSearch(t, s, Request{Query: "gemeenten", Size: MaxSize})
	ordered := mustSearch(t, s, Request{Query: "gemeenten", Size: MaxSize, Sort: SortArticle})
	if all.Total != ordered.Total {
		t.Errorf("ranked total %d, reading-order total %d", all.Total, ordered.Total)
	}
}

func TestStopWordsOnlyFindNothing(t *testing.T) {
	s := shippedSearcher(t)
	for _, q := range []string{"de", "de het", `"van de"`, "de OR het"} {
		if res := mustSearch(t, s, Request{Query: q}); res.Total != 0 {
			t.Errorf("%s: %d hits, want none: the index holds no stop words", q, res.Total)
		}
	}
	// Stop words beside a real word are left out, not required.
	if res := mustSearch(t, s, Request{Query: "de inclusiviteit"}); res.Total == 0 {
		t.Error("de inclusiviteit: no hits")
	}
	// Excluding only stop words excludes nothing.
	with := mustSearch(t, s, Request{Query: "inclusiviteit -de"})
	without := mustSearch(t, s, Request{Query: "inclusiviteit"})
	if with.Total != without.Total {
		t.Errorf("inclusiviteit -de: %d hits, inclusiviteit: %d", with.Total, without.Total)
	}
}
