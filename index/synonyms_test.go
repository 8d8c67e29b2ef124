package index

import (
	"strings"
	"testing"

	"vanelkaar/corpus"
)

// TestSynonymProblems checks the checks that need the analyzer: words
// that analyze to nothing, words of a set that already find each other,
// sets that change nothing.
func TestSynonymProblems(t *testing.T) {
	c := &corpus.Corpus{Synonyms: []*corpus.SynonymSet{
		{ID: "ok", Line: 1, Same: []string{"inwoners", "burgers"}, SameLines: []int{2, 2}},
		{ID: "plural", Line: 3, Same: []string{"gemeente", "gemeenten"}, SameLines: []int{4, 5}},
		{ID: "spelling", Line: 6, Same: []string{"startups", "start-ups", "jonge bedrijven"}, SameLines: []int{7, 8, 9}},
		{ID: "stop", Line: 10, Same: []string{"de", "data"}, SameLines: []int{11, 12}},
		{ID: "oneway", Line: 13, From: []string{"auto"}, FromLines: []int{14}, To: []string{"auto's"}, ToLines: []int{15}},
	}}
	var got []string
	for _, p := range SynonymProblems(c) {
		got = append(got, p.String())
	}
	want := []string{
		`synonyms.yaml:5: warning: synonym set "plural": "gemeente" and "gemeenten" already find each other`,
		`synonyms.yaml:3: warning: synonym set "plural" changes nothing`,
		`synonyms.yaml:8: warning: synonym set "spelling": "startups" and "start-ups" already find each other`,
		`synonyms.yaml:11: "de" analyzes to no terms`,
		`synonyms.yaml:15: warning: synonym set "oneway": "auto" already finds "auto's"`,
		`synonyms.yaml:13: warning: synonym set "oneway" changes nothing`,
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want %q…", i, got[i], want[i])
		}
	}
}

// TestSynonymProblemsShipped checks that the shipped list has no problem
// the analyzer can see.
func TestSynonymProblemsShipped(t *testing.T) {
	c, err := corpus.Load(corpus.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range SynonymProblems(c) {
		t.Errorf("%s", p)
	}
}
