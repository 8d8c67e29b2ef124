package query

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  Q
		canon string // the canonical String()
	}{
		{"empty", "", And{}, ""},
		{"only spaces", "  \t ", And{}, ""},
		{"one word", "inclusie", And{Qs: []Q{Term{"inclusie"}}}, "inclusie"},
		{"words", "inclusie  digitaal", And{Qs: []Q{Term{"inclusie"}, Term{"digitaal"}}}, "inclusie digitaal"},
		{"phrase", `"verantwoord datagebruik"`, And{Qs: []Q{Phrase{"verantwoord datagebruik"}}}, `"verantwoord datagebruik"`},
		{"phrase spaces folded", `"  verantwoord   datagebruik "`, And{Qs: []Q{Phrase{"verantwoord datagebruik"}}}, `"verantwoord datagebruik"`},
		{"typographic quotes", `“slimme lantaarnpalen”`, And{Qs: []Q{Phrase{"slimme lantaarnpalen"}}}, `"slimme lantaarnpalen"`},
		{"low-high quotes", `„slimme lantaarnpalen”`, And{Qs: []Q{Phrase{"slimme lantaarnpalen"}}}, `"slimme lantaarnpalen"`},
		{"exclude word", "data -privacy", And{Qs: []Q{Term{"data"}, Not{Term{"privacy"}}}}, "data -privacy"},
		{"exclude phrase", `data -"smart city"`, And{Qs: []Q{Term{"data"}, Not{Phrase{"smart city"}}}}, `data -"smart city"`},
		{"or", "mobiliteit OR energie", And{Qs: []Q{Or{[]Q{Term{"mobiliteit"}, Term{"energie"}}}}}, "mobiliteit OR energie"},
		{"or chain", "a OR b OR c d", And{Qs: []Q{Or{[]Q{Term{"a"}, Term{"b"}, Term{"c"}}}, Term{"d"}}}, "a OR b OR c d"},
		{"or with phrase", `data OR "slimme stad"`, And{Qs: []Q{Or{[]Q{Term{"data"}, Phrase{"slimme stad"}}}}}, `data OR "slimme stad"`},
		{"lower-case or is a word", "data or privacy", And{Qs: []Q{Term{"data"}, Term{"or"}, Term{"privacy"}}}, "data or privacy"},
		{"excluded OR is a word", "data -OR", And{Qs: []Q{Term{"data"}, Not{Term{"OR"}}}}, "data -OR"},
		{"apostrophe in word", "auto's zo'n", And{Qs: []Q{Term{"auto's"}, Term{"zo'n"}}}, "auto's zo'n"},
		{"hyphen in word", "e-privacy 's-Hertogenbosch", And{Qs: []Q{Term{"e-privacy"}, Term{"'s-Hertogenbosch"}}}, "e-privacy 's-Hertogenbosch"},
		{"quote ends a word", `data"privacy"`, And{Qs: []Q{Term{"data"}, Phrase{"privacy"}}}, `data "privacy"`},
		{"accents kept", "financiële", And{Qs: []Q{Term{"financiële"}}}, "financiële"},
		{"sixteen words", strings.Repeat("w ", 16), And{Qs: repeatTerm("w", 16)}, strings.TrimSpace(strings.Repeat("w ", 16))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.query)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.query, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.query, diff)
			}
			if s := got.String(); s != tt.canon {
				t.Errorf("String() = %q, want %q", s, tt.canon)
			}
			again, err := Parse(got.String())
			if err != nil {
				t.Fatalf("Parse(String()) = %v", err)
			}
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("Parse(String()) differs (-first +second):\n%s", diff)
			}
		})
	}
}

func repeatTerm(w string, n int) []Q {
	qs := make([]Q, n)
	for i := range qs {
		qs[i] = Term{w}
	}
	return qs
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		wantPos int // 0-based rune offset
		wantMsg string
	}{
		{"unclosed quote", `"verantwoord data`, 0, "quotation mark is not closed"},
		{"unclosed quote later", `data "privacy`, 5, "quotation mark is not closed"},
		{"unclosed after accents", `één "twee`, 4, "quotation mark is not closed"},
		{"empty phrase", `data ""`, 5, "empty phrase"},
		{"lone minus", "data - privacy", 5, "a minus sign must be followed by the word or \"phrase\" to exclude"},
		{"minus at end", "data -", 5, "a minus sign must be followed by the word or \"phrase\" to exclude"},
		{"or first", "OR data", 0, "OR must stand between two words or phrases"},
		{"or last", "data OR", 5, "OR must stand between two words or phrases"},
		{"or twice", "data OR OR privacy", 5, "OR must stand between two words or phrases"},
		{"excluded in or", "data OR -privacy", 8, "an excluded word cannot be part of OR"},
		{"excluded first in or", "-data OR privacy", 0, "an excluded word cannot be part of OR"},
		{"only excluded", "-data -privacy", 0, "a query cannot only exclude: add a word to search for"},
		{"seventeen words", strings.Repeat("w ", 17), 0, "too many words: at most 16"},
		{"too long", strings.Repeat("a", MaxRunes+1), MaxRunes, "query is longer than 256 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.query)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want an error", tt.query, q)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SyntaxError", err, err)
			}
			if !errors.Is(err, ErrBadQuery) {
				t.Errorf("error does not wrap ErrBadQuery")
			}
			if se.Pos != tt.wantPos || se.Msg != tt.wantMsg {
				t.Errorf("Parse(%q) error at %d %q, want at %d %q", tt.query, se.Pos, se.Msg, tt.wantPos, tt.wantMsg)
			}
			if se.Pos > utf8.RuneCountInString(tt.query) {
				t.Errorf("position %d is beyond the query", se.Pos)
			}
		})
	}
}

// FuzzParse checks that a query that parses has a canonical form that
// parses back to the same query, and that errors point inside the query.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"inclusie digitaal", `"verantwoord datagebruik"`, "data -privacy", `-"smart city" data`,
		"mobiliteit OR energie OR fiets", `„slimme lantaarnpalen”`, `data"privacy"`, "--x", `"a „b"`,
		"auto's e-privacy", "OR", `"`, "a OR -b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q): error %T is not a *SyntaxError", s, err)
			}
			if se.Pos < 0 || se.Pos > utf8.RuneCountInString(s) {
				t.Fatalf("Parse(%q): position %d outside the query", s, se.Pos)
			}
			return
		}
		canon := q.String()
		if utf8.RuneCountInString(canon) > MaxRunes {
			// Separating a phrase from a word next to it adds a space,
			// which can push a query at the limit over it.
			return
		}
		again, err := Parse(canon)
		if err != nil {
			t.Fatalf("Parse(%q) = %q, which does not parse: %v", s, canon, err)
		}
		if diff := cmp.Diff(q, again); diff != "" {
			t.Fatalf("Parse(%q) then String() %q parses differently (-first +second):\n%s", s, canon, diff)
		}
		if again.String() != canon {
			t.Fatalf("String() not stable: %q then %q", canon, again.String())
		}
		checkShape(t, s, q)
		if diff := cmp.Diff(q, Map(q, func(n Q) Q { return n })); diff != "" {
			t.Fatalf("Map with the identity changes %q (-before +after):\n%s", s, diff)
		}
		lenient, err := ParseLenient(s)
		if err != nil {
			t.Fatalf("ParseLenient(%q) fails where Parse succeeds: %v", s, err)
		}
		if diff := cmp.Diff(q, lenient); diff != "" {
			t.Fatalf("ParseLenient(%q) reads a valid query differently (-Parse +ParseLenient):\n%s", s, diff)
		}
	})
}

// checkShape checks the invariants of a parsed query: within the limits,
// an And of Terms, Phrases, Ors of those and Nots of those; not only
// exclusions; atoms with text (a word without spaces or quotes, a phrase
// without closing quotes or runs of spaces).
func checkShape(t *testing.T, src string, q And) {
	t.Helper()
	if n := Clauses(q); n > MaxClauses {
		t.Fatalf("Parse(%q) has %d clauses, more than MaxClauses", src, n)
	}
	if !q.Empty() && len(q.Positive()) == 0 {
		t.Fatalf("Parse(%q) only excludes", src)
	}
	atoms := 0
	VisitAtoms(q, func(a Atom, excluded bool) {
		atoms++
		w := a.Words()
		switch a.(type) {
		case Term:
			if w == "" || strings.ContainsFunc(w, func(r rune) bool { return unicode.IsSpace(r) || isOpenQuote(r) }) {
				t.Fatalf("Parse(%q): term %q is empty or holds a space or quote", src, w)
			}
		case Phrase:
			if w == "" || w != strings.Join(strings.Fields(w), " ") || strings.ContainsFunc(w, isCloseQuote) {
				t.Fatalf("Parse(%q): phrase %q is empty, holds a closing quote or is not space-normalised", src, w)
			}
		}
	})
	if atoms != Clauses(q) {
		t.Fatalf("Parse(%q): VisitAtoms saw %d atoms, Clauses counts %d", src, atoms, Clauses(q))
	}
	for _, c := range q.Qs {
		switch c := c.(type) {
		case Term, Phrase:
		case Not:
			if _, ok := c.Q.(Atom); !ok {
				t.Fatalf("Parse(%q): excluded %T", src, c.Q)
			}
		case Or:
			for _, a := range c.Qs {
				if _, ok := a.(Atom); !ok {
					t.Fatalf("Parse(%q): %T inside OR", src, a)
				}
			}
		default:
			t.Fatalf("Parse(%q): clause %T", src, c)
		}
	}
}

func TestVisitAtoms(t *testing.T) {
	q, err := Parse(`data -privacy "slimme stad" OR fiets -"smart city"`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	VisitAtoms(q, func(a Atom, excluded bool) {
		s := a.String()
		if excluded {
			s = "-" + s
		}
		got = append(got, s)
	})
	want := []string{"data", "-privacy", `"slimme stad"`, "fiets", `-"smart city"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("atoms (-want +got):\n%s", diff)
	}
}

func TestMap(t *testing.T) {
	q, err := Parse(`data -privacy "slimme stad" OR fiets`)
	if err != nil {
		t.Fatal(err)
	}
	before := q.String()
	// Terms become phrases; a phrase of two words becomes its words.
	got := Map(q, func(n Q) Q {
		switch n := n.(type) {
		case Term:
			return Phrase(n)
		case Phrase:
			return Or{Qs: []Q{Term{strings.Fields(n.Text)[0]}, Term{strings.Fields(n.Text)[1]}}}
		}
		return n
	})
	if want := `"data" -"privacy" slimme OR stad OR "fiets"`; got.String() != want {
		t.Errorf("Map: %s, want %s", got, want)
	}
	if q.String() != before {
		t.Errorf("Map changed its input: %s, was %s", q, before)
	}
}

func TestLimitsInMessages(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  string
	}{
		{strings.Repeat("a", MaxRunes+1), fmt.Sprint(MaxRunes)},
		{strings.Repeat("w ", MaxClauses+1), fmt.Sprint(MaxClauses)},
	} {
		_, err := Parse(tc.query)
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.Contains(se.Msg, tc.want) {
			t.Errorf("error %v does not name the limit %s", err, tc.want)
		}
	}
	if _, err := Parse(strings.Repeat("a", MaxRunes)); err != nil {
		t.Errorf("a query of MaxRunes characters: %v", err)
	}
	if _, err := Parse(strings.TrimSpace(strings.Repeat("w ", MaxClauses))); err != nil {
		t.Errorf("a query of MaxClauses words: %v", err)
	}
}
