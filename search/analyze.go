package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"

	"vanelkaar/index"
)

// Analysis is what the Dutch analyzer makes of a text, as the analyze
// command and endpoint show it: corpus editors use it to see why a word
// does or does not match.
type Analysis struct {
	Text     string  `json:"text"`
	Analyzer string  `json:"analyzer"`
	Tokens   []Token `json:"tokens"`
}

// Token is a word of an analyzed text with the terms it is indexed as.
// Stop words have no token. A hyphenated word gives a token for the whole
// word and one for each part, all at the word's position.
type Token struct {
	Text     string   `json:"text"`     // the input the token covers, as written
	Position int      `json:"position"` // 1-based word position
	Start    int      `json:"start"`    // byte offset into the input
	End      int      `json:"end"`      // byte offset of the end
	Terms    []string `json:"terms"`    // indexed terms: the stem, and the stem of the unaccented spelling when it differs
	// Parts are the terms of a compound's parts ("energietransitie":
	// "energ", "transitie"), indexed at the compound's position and found
	// by a search with less weight than a whole word; none for a word that
	// is no compound.
	Parts []string `json:"parts,omitempty"`
}

// Analyzer analyzes text with the Dutch analyzer that index.NewMapping
// defines, without an index: for tools.
type Analyzer struct {
	an analysis.Analyzer
}

// NewAnalyzer returns the analyzer of the text fields of a new index.
func NewAnalyzer() *Analyzer {
	return &Analyzer{an: index.NewMapping().AnalyzerNamed(index.AnalyzerDutch)}
}

// Analyze analyzes text.
func (a *Analyzer) Analyze(text string) *Analysis {
	return analyze(a.an, text)
}

// Analyze analyzes text with the analyzer of the index being served, which
// is what its documents were indexed with.
func (s *Searcher) Analyze(text string) (*Analysis, error) {
	l, release, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	return analyze(l.analyzer, text), nil
}

// analyze groups the analyzer's tokens by place: the terms of one word
// (its stem and the stem of its accent variant) form one Token, with the
// terms of its parts if it is a compound.
func analyze(an analysis.Analyzer, text string) *Analysis {
	res := &Analysis{Text: text, Analyzer: index.AnalyzerDutch, Tokens: []Token{}}
	for _, t := range an.Analyze([]byte(text)) {
		if n := len(res.Tokens); n > 0 {
			last := &res.Tokens[n-1]
			if last.Position == t.Position && last.Start == t.Start && last.End == t.End {
				if term := string(t.Term); index.IsPartTerm(term) {
					last.Parts = append(last.Parts, strings.TrimPrefix(term, index.PartTerm("")))
				} else {
					last.Terms = append(last.Terms, term)
				}
				continue
			}
		}
		res.Tokens = append(res.Tokens, Token{
			Text: text[t.Start:t.End], Position: t.Position, Start: t.Start, End: t.End,
			Terms: []string{string(t.Term)},
		})
	}
	return res
}
