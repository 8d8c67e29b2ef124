package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func mustSuggest(t *testing.T, s *Searcher, q string, limit int) []Suggestion {
	t.Helper()
	res, err := s.Suggest(context.Background(), q, limit)
	if err != nil {
		t.Fatalf("Suggest(%q): %v", q, err)
	}
	if res.Query != q {
		t.Errorf("query = %q, want %q", res.Query, q)
	}
	return res.Suggestions
}

func texts(ss []Suggestion) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSuggestSurfaceForms(t *testing.T) {
	s := shippedSearcher(t)
	got := mustSuggest(t, s, "gem", 0)
	if !slices.Contains(texts(got), "gemeenten") {
		t.Errorf("gem: %q, want gemeenten among them", texts(got))
	}
	// Every word offered is a word of the corpus as written, never a stem.
	words := map[string]bool{}
	for _, w := range s.cur.vocab.words {
		words[w.Text] = true
	}
	for _, q := range []string{"gem", "inn", "dig", "verantwoord dat", "beleid"} {
		for _, sg := range mustSuggest(t, s, q, MaxSuggestions) {
			if sg.Kind != SuggestWord {
				continue
			}
			last := sg.Text[strings.LastIndex(sg.Text, " ")+1:]
			if !words[last] {
				t.Errorf("%q: %q is not a word of the corpus", q, sg.Text)
			}
		}
	}
	for _, sg := range mustSuggest(t, s, "gemeent", MaxSuggestions) {
		if sg.Text == "gemeent" {
			t.Errorf("gemeent: offers the stem")
		}
	}
}

func TestSuggest(t *testing.T) {
	s := fixtureSearcher(t)
	tests := []struct {
		name, q string
		want    []Suggestion // the first suggestions, without counts
	}{
		{"a word", "zonnep", []Suggestion{{Text: "zonnepanelen", Kind: SuggestWord}}},
		{"words typed before are kept", "slimme lantaa", []Suggestion{{Text: "slimme lantaarnpalen", Kind: SuggestWord}}},
		{"query syntax is kept", `"slimme lantaa`, []Suggestion{{Text: `"slimme lantaarnpalen`, Kind: SuggestWord}}},
		{"accents need not be typed", "financie", []Suggestion{{Text: "financiële", Kind: SuggestWord}}},
		{"a person by last name", "proefm", []Suggestion{
			{Text: "Joris Proefmans", Kind: SuggestPerson, Filter: FacetSpeaker, Value: "joris-proefmans", Detail: "Chief Data Officer, Proefdorp",
				URL: "/personen/joris-proefmans"},
			{Text: "Proefmans", Kind: SuggestWord},
		}},
		{"a municipality by alias, as a filter", "den oef", []Suggestion{
			{Text: "'s-Oefenbosch", Kind: SuggestMunicipality, Filter: FacetMunicipality, Value: "s-oefenbosch", Detail: "Noord-Brabant"},
			{Text: "den Oefenbosch", Kind: SuggestWord},
		}},
		{"a theme", "verantwoord da", []Suggestion{
			{Text: "Verantwoord datagebruik", Kind: SuggestTheme, Filter: FacetTheme, Value: "verantwoord-datagebruik"},
		}},
		{"a word that is a name is offered once, as the name", "testerv", []Suggestion{
			{Text: "Testerveen", Kind: SuggestMunicipality, Filter: FacetMunicipality, Value: "testerveen", Detail: "Drenthe"},
		}},
		{"one typo from five letters", "zonepan", []Suggestion{{Text: "zonnepanelen", Kind: SuggestWord, Typo: true}}},
		{"a typo in a name", "proefnans", []Suggestion{
			{Text: "Joris Proefmans", Kind: SuggestPerson, Filter: FacetSpeaker, Value: "joris-proefmans", Detail: "Chief Data Officer, Proefdorp",
				URL: "/personen/joris-proefmans", Typo: true},
			{Text: "Proefmans", Kind: SuggestWord, Typo: true},
		}},
		{"no typo under five letters", "zone", nil},
		{"two typos are too many", "zonepanlen", nil},
		{"an excluded word gets words only", "data -lantaa", []Suggestion{{Text: "data -lantaarnpalen", Kind: SuggestWord}}},
		{"stop words are not offered", "het", nil},
		{"a finished word gets no completion", "zonnepanelen ", nil},
		{"nothing typed", "", nil},
		{"nothing known", "qqq", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustSuggest(t, s, tt.q, 0)
			if len(got) > len(tt.want) {
				got = got[:len(tt.want)]
			}
			for i := range got {
				got[i].Count = 0
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty(), cmp.AllowUnexported(Suggestion{}), cmp.FilterPath(func(p cmp.Path) bool {
				return p.Last().String() == ".score" || p.Last().String() == ".term"
			}, cmp.Ignore())); diff != "" {
				t.Errorf("Suggest(%q) (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}

func TestSuggestRanking(t *testing.T) {
	s := shippedSearcher(t)
	got := mustSuggest(t, s, "g", MaxSuggestions)
	if len(got) < 5 {
		t.Fatalf("g: only %v", texts(got))
	}
	// Among the words, the more frequent come first.
	var counts []int
	for _, sg := range got {
		if sg.Kind == SuggestWord {
			counts = append(counts, sg.Count)
		}
	}
	if !slices.IsSortedFunc(counts, func(a, b int) int { return b - a }) {
		t.Errorf("word counts not in descending order: %v (%q)", counts, texts(got))
	}
	// Exact beginnings before typos.
	got = mustSuggest(t, shippedSearcher(t), "innova", MaxSuggestions)
	typo := false
	for _, sg := range got {
		if sg.Typo {
			typo = true
		} else if typo {
			t.Errorf("innova: %q comes after a typo", sg.Text)
		}
	}
	// At most two written forms of one stem.
	terms := map[string]int{}
	for _, sg := range mustSuggest(t, s, "gemeente", MaxSuggestions) {
		if sg.Kind == SuggestWord {
			terms[sg.term]++
		}
	}
	for term, n := range terms {
		if n > formsPerTerm {
			t.Errorf("%d forms of %q", n, term)
		}
	}
	if n := len(mustSuggest(t, s, "g", 3)); n != 3 {
		t.Errorf("limit 3 gave %d", n)
	}
}

func TestSuggestErrors(t *testing.T) {
	s := fixtureSearcher(t)
	for _, tt := range []struct {
		q     string
		limit int
		bad   []string
	}{
		{"data", MaxSuggestions + 1, []string{"size"}},
		{"data", -1, []string{"size"}},
		{strings.Repeat("a", MaxQueryRunes+1), 0, []string{"q"}},
		{"\x00", 99, []string{"q", "size"}},
	} {
		_, err := s.Suggest(context.Background(), tt.q, tt.limit)
		var re *RequestError
		if !errors.As(err, &re) || !errors.Is(err, ErrBadQuery) {
			t.Errorf("Suggest(%q, %d) = %v, want a *RequestError", tt.q, tt.limit, err)
			continue
		}
		var names []string
		for _, p := range re.Params {
			names = append(names, p.Name)
		}
		if diff := cmp.Diff(tt.bad, names); diff != "" {
			t.Errorf("Suggest(%q, %d) invalid params (-want +got):\n%s", tt.q, tt.limit, diff)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b   string
		prefix bool
		want   int
	}{
		{"inclusiviteit", "inclusiviteit", false, 0},
		{"inclusivitijt", "inclusiviteit", false, 2},
		{"gemeentn", "gemeente", false, 1},
		{"gemeetne", "gemeente", false, 1}, // a transposition is one edit
		{"abc", "abcdef", false, 3},        // over the limit
		{"zonepan", "zonnepanelen", true, 1},
		{"zonnepan", "zonnepanelen", true, 0},
		{"zonepanlen", "zonnepanelen", true, 2},
		{"proefnans", "joris proefmans", true, 3},
		{"proefnans", "proefmans", true, 1},
		{"", "abc", true, 0},
	} {
		if got := editDistance([]rune(tt.a), []rune(tt.b), 2, tt.prefix); got != min(tt.want, 3) {
			t.Errorf("editDistance(%q, %q, prefix %v) = %d, want %d", tt.a, tt.b, tt.prefix, got, min(tt.want, 3))
		}
	}
}

// TestSuggestStaysWithinSentences: a completion never joins the last word
// of one sentence to the first of the next, though the index's positions
// run on across the full stop; a pair that does occur within a sentence is
// still offered.
func TestSuggestStaysWithinSentences(t *testing.T) {
	s := shippedSearcher(t)
	tests := []struct {
		q, pair string
		want    bool
	}{
		// "... door het proces. Overeenkomsten ..." in part 1.
		{"proces overeenk", "proces overeenkomsten", false},
		// Within one sentence: "... die gemeenten kiezen: ...", "...
		// en digitale infrastructuur".
		{"gemeenten kie", "gemeenten kiezen", true},
		{"digitale infra", "digitale infrastructuur", true},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := slices.Contains(texts(mustSuggest(t, s, tt.q, MaxSuggestions)), tt.pair)
			if got != tt.want {
				t.Errorf("Suggest(%q) offers %q = %v, want %v", tt.q, tt.pair, got, tt.want)
			}
		})
	}
}
