package search

import "testing"

func TestDidYouMean(t *testing.T) {
	tests := []struct {
		name, query, want string
		shipped           bool
	}{
		{"two edits in a long word", "inclusivitijt", "inclusiviteit", true},
		{"one edit", "gemeentn", "gemeente", true},
		{"the unknown word of several", "verantwoord datagebruk", "verantwoord datagebruik", true},
		{"inside a phrase", `"verantwoord datagebruk"`, `"verantwoord datagebruik"`, true},
		{"a name keeps its capitals", "amsterdm", "Amsterdam", true},
		{"the rest of the query is kept", "zonnepaneln -binnenstad", "zonnepanelen -binnenstad", false},
		{"inside OR", "zonnepaneln OR paspoort", "zonnepanelen OR paspoort", false},
		{"not when it finds no more", "zonnepaneln OR warmtenetten", "", false}, // the same passage
		{"known words get none", "innovatie", "", true},
		{"nothing close", "xyzzyq", "", true},
		{"short words are left alone", "dta", "", true},
		{"an excluded word is left alone", "data -privasy", "", true},
		{"a typo in the first letter is not guessed", "nclusiviteit", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fixtureSearcher(t)
			if tt.shipped {
				s = shippedSearcher(t)
			}
			res := mustSearch(t, s, Request{Query: tt.query})
			if res.Suggestion != tt.want {
				t.Errorf("%q: suggestion %q, want %q (total %d, match %s)", tt.query, res.Suggestion, tt.want, res.Total, res.Match)
			}
			if tt.want != "" {
				fixed := mustSearch(t, s, Request{Query: tt.want})
				if fixed.Total <= res.Total && res.Match != MatchAny || fixed.Match != MatchAll {
					t.Errorf("%q finds %d (%s), %q finds %d (%s): the suggestion must find more", tt.want, fixed.Total, fixed.Match, tt.query, res.Total, res.Match)
				}
			}
		})
	}
}
