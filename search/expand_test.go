package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"vanelkaar/index"
)

// TestSynonymsShipped checks the acceptance cases on the shipped corpus:
// a word finds the passages with its synonym, marked in the snippet or
// title, and the result says what it also searched for; exact=true
// searches the typed words only.
func TestSynonymsShipped(t *testing.T) {
	s := shippedSearcher(t)
	tests := []struct {
		query string
		mark  string // the synonym as marked in the text
		also  string
		kind  string
	}{
		{"inwoners", "burgers", "burgers", ExpandSynonym},
		{"GDPR", "AVG", "AVG", ExpandSynonym},
		{"gdpr", "AVG", "AVG", ExpandSynonym},
		{"start ups", "startups", "startups", ExpandSpelling},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := s.Search(context.Background(), Request{Query: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total == 0 {
				t.Fatalf("%q finds nothing", tt.query)
			}
			marked := false
			for _, h := range res.Hits {
				if strings.Contains(h.Snippet+h.TitleHTML, "<mark>"+tt.mark+"</mark>") {
					marked = true
				}
			}
			if !marked {
				t.Errorf("%q: no hit marks %q", tt.query, tt.mark)
			}
			if len(res.Expansions) != 1 || !slices.Contains(res.Expansions[0].Also, tt.also) || res.Expansions[0].Kind != tt.kind {
				t.Errorf("%q: expansions = %+v, want %q (%s)", tt.query, res.Expansions, tt.also, tt.kind)
			}
			exact, err := s.Search(context.Background(), Request{Query: tt.query, Exact: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(exact.Expansions) != 0 || !exact.Exact {
				t.Errorf("%q exact: expansions %v, exact %v; want nothing expanded", tt.query, exact.Expansions, exact.Exact)
			}
			for _, h := range exact.Hits {
				if strings.Contains(h.Snippet+h.TitleHTML, "<mark>"+tt.mark+"</mark>") {
					t.Errorf("%q exact: hit %s marks the synonym %q", tt.query, h.ID, tt.mark)
				}
			}
		})
	}
}

// TestSpellingShipped checks that the hyphenated spelling finds the
// joined one on the shipped corpus, with the word marked.
func TestSpellingShipped(t *testing.T) {
	res, err := shippedSearcher(t).Search(context.Background(), Request{Query: "start-ups"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || !strings.Contains(res.Hits[0].Snippet, "<mark>startups</mark>") {
		t.Fatalf("start-ups: total %d; want the passage with startups marked", res.Total)
	}
}

// TestSynonymRanking checks that a synonym ranks below the typed word, that
// a one-way expansion works one way only, and that a multi-word synonym
// matches as a phrase, on texts made to measure.
func TestSynonymRanking(t *testing.T) {
	s := miniSearcher(t, map[string]string{
		"01-a.md": "---\ntitle: Proef\npart: 1\n---\n\n## Een {#een}\n\nDe burgers van Voorbeeldstad praten mee.\n\n## Twee {#twee}\n\nDe inwoners van Proefdorp praten mee.\n\n## Drie {#drie}\n\nWe volgen de AVG bij elke stap.\n\n## Vier {#vier}\n\nDe stad is slim en de lampen zijn slim.\n\n## Vijf {#vijf}\n\nDe slimme stad van Testerveen meet de luchtkwaliteit.\n",
	})
	s.mu.Lock()
	s.cur.synonyms = newSynonyms(testRules, s.cur.analyzeTerms)
	s.mu.Unlock()
	ids := func(q string) []string {
		t.Helper()
		res, err := s.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, strings.TrimPrefix(h.ID, "passage/a#"))
		}
		return out
	}
	// The person last: "Medewerker Burgerzaken" has burgers only as a
	// compound's part.
	if got := ids("inwoners"); !slices.Equal(got, []string{"twee", "een", "person/eva-fictief"}) {
		t.Errorf("inwoners = %v, want the typed word first, then the synonym, then a compound with it: [twee een person/eva-fictief]", got)
	}
	if got := ids("burgers"); !slices.Equal(got, []string{"een", "twee", "person/eva-fictief"}) {
		t.Errorf("burgers = %v, want [een twee person/eva-fictief]", got)
	}
	if got := ids("privacy"); !slices.Equal(got, []string{"drie"}) {
		t.Errorf("privacy = %v, want the AVG passage through the one-way expansion", got)
	}
	if got := ids("AVG"); len(got) != 1 || got[0] != "drie" {
		t.Errorf("AVG = %v, want only the AVG passage (privacy is not its synonym)", got)
	}
	if got := ids("smart city"); !slices.Equal(got, []string{"vijf"}) {
		t.Errorf("smart city = %v, want only the passage with the phrase slimme stad, not vier", got)
	}
}

// testRules are synonym rules as the index stores them.
var testRules = []index.SynonymRule{
	{ID: "inwoners", Triggers: []string{"inwoners", "burgers"}, Targets: []string{"inwoners", "burgers"}},
	{ID: "avg", Triggers: []string{"AVG", "GDPR"}, Targets: []string{"AVG", "GDPR"}},
	{ID: "privacy", Triggers: []string{"privacy"}, Targets: []string{"AVG", "GDPR"}},
	{ID: "smart-city", Triggers: []string{"smart city", "slimme stad"}, Targets: []string{"smart city", "slimme stad"}},
}

// TestArticleMarksSynonyms checks that the article page, reached from a
// hit found through a synonym, marks the synonym.
func TestArticleMarksSynonyms(t *testing.T) {
	art, err := shippedSearcher(t).Article(context.Background(), "van-elkaar-leren", "inwoners")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range art.Passages {
		if strings.Contains(p.Fragment().HTML(), "<mark>burgers</mark>") {
			return
		}
	}
	t.Error("no passage marks burgers for the query inwoners")
}

// TestSynonymsInOr checks that each alternative of an OR group is expanded
// on its own, and that an excluded word is not.
func TestSynonymsInOr(t *testing.T) {
	s := shippedSearcher(t)
	res, err := s.Search(context.Background(), Request{Query: "GDPR OR blockchain"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || len(res.Expansions) != 1 || res.Expansions[0].Words != "GDPR" {
		t.Errorf("GDPR OR blockchain: total %d, expansions %+v; want the AVG passage through GDPR", res.Total, res.Expansions)
	}
	res, err = s.Search(context.Background(), Request{Query: "datagebruik -GDPR"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Expansions) != 0 || res.Total == 0 {
		t.Errorf("datagebruik -GDPR: total %d, expansions %+v; want the excluded word left as typed", res.Total, res.Expansions)
	}
}
