package search

import (
	"context"
	"errors"
	"os"
	"slices"
	"testing"
)

// similarFixture is three fictional municipalities that each describe
// some of the same approaches in their own words, and one subject each
// that no other has.
func similarFixture(t *testing.T) *Searcher {
	t.Helper()
	s, err := searcherOf(os.DirFS("testdata/similar"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestSimilarKnownPairs checks that for every passage with a known
// counterpart in another municipality, the counterpart is among the first
// three, and that no hit mentions the passage's own municipality.
func TestSimilarKnownPairs(t *testing.T) {
	s := similarFixture(t)
	all, err := s.Search(context.Background(), Request{Size: MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	municipalities := map[string][]string{}
	for _, h := range all.Hits {
		municipalities[h.ID] = h.Municipalities
	}
	pairs := []struct{ id, counterpart string }{
		{"passage/aanpak-voorbeeldstad#taal", "passage/aanpak-proefdorp#lezen"},
		{"passage/aanpak-proefdorp#lezen", "passage/aanpak-voorbeeldstad#taal"},
		{"passage/aanpak-voorbeeldstad#licht", "passage/aanpak-testerveen#straatverlichting"},
		{"passage/aanpak-testerveen#straatverlichting", "passage/aanpak-voorbeeldstad#licht"},
		{"passage/aanpak-voorbeeldstad#register", "passage/aanpak-proefdorp#algoritmes"},
		{"passage/aanpak-proefdorp#algoritmes", "passage/aanpak-voorbeeldstad#register"},
		{"passage/aanpak-proefdorp#warmte", "passage/aanpak-testerveen#aardgasvrij"},
		{"passage/aanpak-testerveen#aardgasvrij", "passage/aanpak-proefdorp#warmte"},
	}
	for _, p := range pairs {
		t.Run(p.id, func(t *testing.T) {
			own := municipalities[p.id]
			if len(own) == 0 {
				t.Fatalf("%s mentions no municipality in the fixture", p.id)
			}
			res, err := s.Similar(context.Background(), p.id, 3)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range res.Hits {
				ids = append(ids, h.ID)
				for _, m := range h.Municipalities {
					if slices.Contains(own, m) {
						t.Errorf("hit %s mentions %s, the municipality of %s", h.ID, m, p.id)
					}
				}
				if h.Kind != "passage" {
					t.Errorf("hit %s is a %s, want passages only", h.ID, h.Kind)
				}
			}
			if !slices.Contains(ids, p.counterpart) {
				t.Errorf("Similar(%s) top 3 = %v, want %s among them", p.id, ids, p.counterpart)
			}
		})
	}
}

// TestSimilarDistractors checks that a passage about a subject no other
// municipality writes about gets no similar approaches rather than
// random ones.
func TestSimilarDistractors(t *testing.T) {
	s := similarFixture(t)
	for _, id := range []string{"passage/aanpak-voorbeeldstad#markt", "passage/aanpak-proefdorp#sport", "passage/aanpak-testerveen#afval"} {
		res, err := s.Similar(context.Background(), id, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) > 0 {
			t.Errorf("Similar(%s) = %s first, want nothing: no other municipality has that subject", id, res.Hits[0].ID)
		}
	}
}

// TestSimilarQuote checks that a quote is compared by its words and its
// passage: it finds the passages of another municipality on its subject.
func TestSimilarQuote(t *testing.T) {
	s := fixtureSearcher(t)
	res, err := s.Similar(context.Background(), "quote/energie-en-mobiliteit/1", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no similar passages for a quote on inhabitants taking part")
	}
	for _, h := range res.Hits {
		if slices.Contains(h.Municipalities, "testerveen") {
			t.Errorf("hit %s is of the quote's own municipality", h.ID)
		}
	}
}

// TestSimilarErrors checks the answers to ids that cannot be compared.
func TestSimilarErrors(t *testing.T) {
	s := fixtureSearcher(t)
	tests := []struct {
		name string
		id   string
		size int
		want error
	}{
		{"unknown id", "passage/bestaat-niet#x", 0, ErrNotFound},
		{"empty id", "", 0, ErrBadQuery},
		{"person", "person/sanne-voorbeeld", 0, ErrBadQuery},
		{"size too large", "passage/digitale-inclusie#iedereen-doet-mee", MaxSize + 1, ErrBadQuery},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Similar(context.Background(), tt.id, tt.size)
			if !errors.Is(err, tt.want) {
				t.Errorf("Similar(%q, %d) error = %v, want %v", tt.id, tt.size, err, tt.want)
			}
		})
	}
}
