package search

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestInstantSearchMatchesTheLastWordAsAPrefix(t *testing.T) {
	s := fixtureSearcher(t)
	for _, tc := range []struct {
		typed string
		// forms are words the results must contain although the typed
		// word is only their beginning.
		forms []string
	}{
		{"gemee", []string{"gemeente", "gemeenteraad", "gemeentelijke"}},
		{"samenw", []string{"samenwerken"}},
		{"samenwerki", []string{"samenwerking"}},
		{"openbaar regis", []string{"register"}},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			whole := mustSearch(t, s, Request{Query: tc.typed})
			instant := mustSearch(t, s, Request{Query: tc.typed, Prefix: true, Size: MaxSize})
			if instant.Total == 0 {
				t.Fatalf("instant search for %q found nothing", tc.typed)
			}
			if whole.Match != MatchAny && instant.Total <= whole.Total {
				t.Errorf("instant total %d, submitted %d: the prefix should add matches", instant.Total, whole.Total)
			}
			if instant.Suggestion != "" {
				t.Errorf("instant search suggests %q for a word that completes to real words", instant.Suggestion)
			}
			text := ""
			for _, h := range instant.Hits {
				text += " " + strings.ToLower(h.Text+" "+h.Title+" "+h.Snippet)
			}
			for _, f := range tc.forms {
				if !strings.Contains(text, f) {
					t.Errorf("no hit of %q contains %q", tc.typed, f)
				}
			}
			// The completions are marked in the snippets.
			if !strings.Contains(instant.Hits[0].Snippet+instant.Hits[0].TitleHTML, "<mark>") {
				t.Errorf("first hit has no marks: %q", instant.Hits[0].Snippet)
			}
		})
	}
}

func TestInstantSearchRanksTheWholeWordFirst(t *testing.T) {
	s := fixtureSearcher(t)
	// "data" is a word and the beginning of datagebruik, dataplatform and
	// datateam: the texts with "data" itself come first. (A submitted
	// search finds those compounds too, as "data" is one of their parts;
	// a whole-word match ranks above a part match there as well.)
	whole := mustSearch(t, s, Request{Query: "data", Size: MaxSize})
	instant := mustSearch(t, s, Request{Query: "data", Prefix: true, Size: MaxSize})
	if whole.Total == 0 || instant.Total < whole.Total {
		t.Fatalf("totals: whole %d, instant %d", whole.Total, instant.Total)
	}
	for _, res := range []*Result{whole, instant} {
		seenOther := false
		for i, h := range res.Hits {
			withWord := strings.Contains(strings.ToLower(h.Snippet+h.TitleHTML), "<mark>data</mark>")
			if !withWord {
				seenOther = true
			} else if seenOther {
				t.Errorf("hit %d %s has the whole word but ranks below a completion or compound only", i, h.ID)
			}
		}
	}
}

func TestInstantSearchSpaceEndsTheWord(t *testing.T) {
	s := fixtureSearcher(t)
	done := mustSearch(t, s, Request{Query: "gemee ", Prefix: true})
	if done.Total != 0 {
		t.Errorf("%q with a space after it found %d: a finished word is not a prefix", "gemee ", done.Total)
	}
}

func TestInstantSearchIsLenient(t *testing.T) {
	s := fixtureSearcher(t)
	for _, q := range []string{`"verantwoord data`, `datagebruik -`, `datagebruik OR`, `"`, `-"priv`} {
		t.Run(q, func(t *testing.T) {
			if _, err := s.Search(context.Background(), Request{Query: q, Prefix: true}); err != nil {
				t.Errorf("instant search for %q: %v", q, err)
			}
		})
	}
	// A submitted query keeps the strict reading.
	_, err := s.Search(context.Background(), Request{Query: `"verantwoord data`})
	if !errors.Is(err, ErrBadQuery) {
		t.Errorf("submitted unclosed quote: err = %v, want ErrBadQuery", err)
	}
	// The lenient reading of an unclosed phrase is the phrase.
	open := mustSearch(t, s, Request{Query: `"verantwoord datagebruik`, Prefix: true})
	closed := mustSearch(t, s, Request{Query: `"verantwoord datagebruik"`})
	if open.Total != closed.Total || open.Total == 0 {
		t.Errorf("unclosed phrase found %d, closed %d", open.Total, closed.Total)
	}
}

func TestGroupByArticle(t *testing.T) {
	s := fixtureSearcher(t)
	for _, sort := range []string{SortRelevance, SortArticle} {
		t.Run(sort, func(t *testing.T) {
			res := mustSearch(t, s, Request{Query: "gemeente", Group: GroupArticle, Sort: sort})
			if len(res.Groups) < 2 {
				t.Fatalf("%d groups, want one per article with results", len(res.Groups))
			}
			total := 0
			for _, g := range res.Groups {
				total += g.Total
				if g.Label == "" || len(g.Hits) == 0 || len(g.Hits) > GroupHits {
					t.Errorf("group %+v", g)
				}
				for _, h := range g.Hits {
					if h.Article == nil || h.Article.Slug != g.Value || h.Article.Title != g.Label {
						t.Errorf("group %s holds hit %s of another article", g.Value, h.ID)
					}
				}
			}
			// People belong to no article; the rest is grouped.
			people := uint64(facetCounts(res.Facets[FacetKind])["person"])
			if uint64(total) != res.Total-people {
				t.Errorf("groups hold %d results, want %d (total %d less %d people)", total, res.Total-people, res.Total, people)
			}
			if sort == SortArticle {
				for i := 1; i < len(res.Groups); i++ {
					if res.Groups[i-1].Hits[0].Article.Part > res.Groups[i].Hits[0].Article.Part {
						t.Errorf("article groups out of reading order: %s before %s", res.Groups[i-1].Value, res.Groups[i].Value)
					}
				}
			}
		})
	}
}

func TestPerson(t *testing.T) {
	s := fixtureSearcher(t)
	p, err := s.Person(context.Background(), "joris-proefmans")
	if err != nil {
		t.Fatal(err)
	}
	if p.Person.Name != "Joris Proefmans" || p.Person.Role == "" {
		t.Errorf("person %+v", p.Person)
	}
	quotes := 0
	for i, h := range p.Items {
		if h.Kind == "quote" {
			quotes++
			if h.Speaker == nil || h.Speaker.ID != "joris-proefmans" {
				t.Errorf("item %d %s is a quote of someone else", i, h.ID)
			}
			if h.Citation == "" {
				t.Errorf("quote %s has no citation", h.ID)
			}
		}
		if i > 0 {
			a, b := p.Items[i-1], h
			if a.Article.Part > b.Article.Part {
				t.Errorf("items out of reading order: %s before %s", a.ID, b.ID)
			}
		}
		if strings.Contains(h.Snippet, "…") && !strings.Contains(h.Text, "…") && h.Kind == "quote" {
			t.Errorf("item %s is cut: %q", h.ID, h.Snippet)
		}
	}
	if quotes == 0 {
		t.Error("no quotes of Joris Proefmans")
	}
	// Every quote of theirs that a search finds is on the page.
	res := mustSearch(t, s, Request{Query: "Proefmans", Filters: map[string][]string{FacetKind: {"quote"}}, Size: MaxSize})
	if int(res.Total) > quotes {
		t.Errorf("search finds %d quotes naming Proefmans, the page lists %d", res.Total, quotes)
	}
	if _, err := s.Person(context.Background(), "niemand"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown person: err = %v, want ErrNotFound", err)
	}
}

// TestSuggestOnlyPairsOfTheText: completing the last of several words
// offers only pairs that stand in the text, and the names.
func TestSuggestOnlyPairsOfTheText(t *testing.T) {
	s := shippedSearcher(t)
	for _, tc := range []struct {
		typed, name string
		never       []string
	}{
		{"ger b", "Ger Baron", []string{"ger balans", "ger bouw"}},
		{"den b", "", []string{"den bouw", "den balans"}},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			res, err := s.Suggest(context.Background(), tc.typed, 0)
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, sg := range res.Suggestions {
				texts = append(texts, strings.ToLower(sg.Text))
			}
			for _, bad := range tc.never {
				for _, got := range texts {
					if got == bad {
						t.Errorf("Suggest(%q) offers %q, which the text does not have", tc.typed, bad)
					}
				}
			}
			if tc.name != "" && !strings.Contains(strings.Join(texts, "|"), strings.ToLower(tc.name)) {
				t.Errorf("Suggest(%q) = %v, want %q", tc.typed, texts, tc.name)
			}
		})
	}
	// A role category is offered as a filter, also by a role as written.
	res, err := s.Suggest(context.Background(), "wethou", 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sg := range res.Suggestions {
		if sg.Kind == SuggestRole && sg.Filter == FacetRole && sg.Value == "bestuur" {
			found = true
		}
	}
	if !found {
		t.Errorf("Suggest(wethou) = %+v, want the role Bestuur as a filter", res.Suggestions)
	}
}
