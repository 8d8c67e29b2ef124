package index

import (
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/corpus"
)

// themeSignals tags texts with the themes whose signal words (themes.yaml)
// they contain. Signals and text go through the Dutch analyzer of the
// mapping, so inflected forms count: the signal "algoritme" finds
// "algoritmes", "partner" finds "partners". A signal of several words
// matches those words in a row.
type themeSignals struct {
	analyzer analysis.Analyzer
	order    []string                // theme ids, in themes.yaml order
	signals  map[string][]themeTerms // by first term
}

// themeTerms is one signal: its terms, one per position, and its theme.
type themeTerms struct {
	terms []string
	theme string
}

// newThemeSignals analyzes the signal words of the corpus's themes with
// the analyzer that the index mapping names AnalyzerDutch.
func newThemeSignals(c *corpus.Corpus) (*themeSignals, error) {
	an := NewMapping().AnalyzerNamed(AnalyzerDutch)
	if an == nil {
		return nil, fmt.Errorf("theme signals: analyzer %q is not available", AnalyzerDutch)
	}
	s := &themeSignals{analyzer: an, signals: map[string][]themeTerms{}}
	for _, t := range c.Themes {
		s.order = append(s.order, t.ID)
		for _, sig := range t.Signals {
			terms := s.positions(sig)
			if len(terms) == 0 {
				continue // only stop words
			}
			s.signals[terms[0]] = append(s.signals[terms[0]], themeTerms{terms, t.ID})
		}
	}
	return s, nil
}

// positions analyzes text into one term per position: the term of the
// whole word where the analyzer also gives its parts (e-privacy).
func (s *themeSignals) positions(text string) []string {
	var terms []string
	last := -1
	for _, tok := range s.analyzer.Analyze([]byte(text)) {
		if tok.Position == last {
			continue
		}
		last = tok.Position
		terms = append(terms, string(tok.Term))
	}
	return terms
}

// themes returns, after the given ones, the themes the text signals, in
// themes.yaml order and without repeats.
func (s *themeSignals) themes(given []string, text string) []string {
	return s.themesOf(given, s.analyzer.Analyze([]byte(text)))
}

// themesOf is themes of a text analyzed into toks.
func (s *themeSignals) themesOf(given []string, toks analysis.TokenStream) []string {
	out := append([]string{}, given...)
	found := map[string]bool{}
	for _, id := range given {
		found[id] = true
	}
	// Terms per position; the parts of a hyphenated word share its position.
	byPos := map[int][]string{}
	var positions []int
	for _, tok := range toks {
		if _, seen := byPos[tok.Position]; !seen {
			positions = append(positions, tok.Position)
		}
		byPos[tok.Position] = append(byPos[tok.Position], string(tok.Term))
	}
	signalled := map[string]bool{}
	for _, pos := range positions {
		for _, term := range byPos[pos] {
			for _, sig := range s.signals[term] {
				if !signalled[sig.theme] && sig.matchesAt(byPos, pos) {
					signalled[sig.theme] = true
				}
			}
		}
	}
	for _, id := range s.order {
		if signalled[id] && !found[id] {
			out = append(out, id)
		}
	}
	return out
}

// matchesAt reports whether the signal's terms stand at pos, pos+1, ...
func (t themeTerms) matchesAt(byPos map[int][]string, pos int) bool {
	for k, want := range t.terms[1:] {
		if !slices.Contains(byPos[pos+k+1], want) {
			return false
		}
	}
	return true
}
