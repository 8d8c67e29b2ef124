package analyzer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSpellingVariants checks that the hyphenated, joined and dotted
// spellings of a word meet, in both directions, and that the rules leave
// apostrophes, ranges and sentence ends alone.
func TestSpellingVariants(t *testing.T) {
	tests := []struct {
		query, text string
		want        bool
	}{
		{"start-ups", "startups", true},
		{"startups", "start-ups", true},
		{"e-mail", "email", true},
		{"email", "e-mail", true},
		{"e-mails", "emails", true},
		{"co-creatie", "cocreatie", true},
		{"cocreatie", "co-creatie", true},
		{"a.s.", "as", true},
		{"as", "a.s.", true},
		{"A.V.G.", "AVG", true},
		{"avg", "de A.V.G.", true},
		{"t.a.v.", "tav", true},
		{"auto's", "auto", true},
		{"auto", "auto's", true},

		{"2019", "20192020", false},
		{"20192020", "2019-2020", false},
		{"shertogenbosch", "'s-Hertogenbosch", false},
		{"as", "auto's", false},
		{"jp", "J. Pietersen", false},
		{"ab", "www.a.b.nl", false},
	}
	index, query := analyzers(t)
	for _, tt := range tests {
		t.Run(tt.query+" in "+tt.text, func(t *testing.T) {
			if got := finds(index, query, tt.query, tt.text); got != tt.want {
				t.Errorf("query %q finds %q = %v, want %v", tt.query, tt.text, got, tt.want)
			}
		})
	}
}

// TestAcronymTokens checks the tokens of dotted acronyms: one word, its
// offsets covering the points.
func TestAcronymTokens(t *testing.T) {
	tests := []struct {
		input string
		want  []tok
	}{
		{"a.s. maandag", []tok{{1, "a.s.", "as"}, {2, "maandag", "maandag"}}},
		{"de A.V.G.", []tok{{2, "A.V.G.", "avg"}}},
		{"i.p.v. papier", []tok{{1, "i.p.v.", "ipv"}, {2, "papier", "papier"}}},
		{"a.s", []tok{{1, "a.s", "as"}}},
		{"J. Jansen", []tok{{1, "J", "j"}, {2, "Jansen", "jans"}}},
		{"e.g.data", []tok{{1, "e", "e"}, {2, "g", "g"}, {3, "data", "data"}}},
	}
	index, _ := analyzers(t)
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, toks(index, tt.input)); diff != "" {
				t.Errorf("Analyze(%q) mismatch (-want +got):\n%s", tt.input, diff)
			}
		})
	}
}
