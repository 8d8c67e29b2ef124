package query

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Limits that keep a query's cost bounded: every caller checks these, and
// messages and documents name them rather than their values.
const (
	// MaxRunes is the longest query, in characters.
	MaxRunes = 256
	// MaxClauses is the most words and phrases a query may have.
	MaxClauses = 16
)

// ErrBadQuery is what every SyntaxError wraps: the user must change the
// query. Package search answers bad requests with the same sentinel.
var ErrBadQuery = errors.New("bad query")

// SyntaxError is a query that cannot be parsed; Pos is the 0-based rune
// offset in the query where the problem is.
type SyntaxError struct {
	Query string
	Pos   int
	Msg   string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("query syntax: %s at position %d", e.Msg, e.Pos+1)
}

func (e *SyntaxError) Unwrap() error { return ErrBadQuery }

// Messages of syntax errors.
var (
	msgTooLong      = fmt.Sprintf("query is longer than %d characters", MaxRunes)
	msgTooMany      = fmt.Sprintf("too many words: at most %d", MaxClauses)
	msgUnclosed     = "quotation mark is not closed"
	msgEmptyPhrase  = "empty phrase"
	msgLoneMinus    = "a minus sign must be followed by the word or \"phrase\" to exclude"
	msgOrPlace      = "OR must stand between two words or phrases"
	msgExcludedInOr = "an excluded word cannot be part of OR"
	msgOnlyExcluded = "a query cannot only exclude: add a word to search for"
)

// OrWord is the operator between alternatives; only in capitals, so "or"
// is a word like any other.
const OrWord = "OR"

// isOpenQuote and isCloseQuote tell the characters that open and close a
// phrase: straight and Dutch typographic double quotes.
func isOpenQuote(r rune) bool  { return r == '"' || r == '“' || r == '„' || r == '”' }
func isCloseQuote(r rune) bool { return r == '"' || r == '”' || r == '“' }

// Parse reads a user query: words (all must match), "exact phrases", -word
// or -"phrase" to exclude, and OR between two clauses. An empty query
// parses to an empty And. Errors are *SyntaxError and wrap ErrBadQuery.
func Parse(q string) (And, error) {
	p := &parser{src: []rune(q)}
	if len(p.src) > MaxRunes {
		return And{}, p.errorf(MaxRunes, msgTooLong)
	}
	return p.parse()
}

type parser struct {
	src []rune
	pos int
}

type token struct {
	kind  int // tokWord, tokPhrase, tokOr
	text  string
	neg   bool
	start int
}

const (
	tokWord = iota
	tokPhrase
	tokOr
)

func (p *parser) errorf(pos int, msg string) error {
	return &SyntaxError{Query: string(p.src), Pos: pos, Msg: msg}
}

func (p *parser) tokens() ([]token, error) {
	var toks []token
	for {
		for p.pos < len(p.src) && unicode.IsSpace(p.src[p.pos]) {
			p.pos++
		}
		if p.pos >= len(p.src) {
			return toks, nil
		}
		start := p.pos
		neg := false
		if p.src[p.pos] == '-' {
			neg = true
			p.pos++
			if p.pos >= len(p.src) || unicode.IsSpace(p.src[p.pos]) {
				return nil, p.errorf(start, msgLoneMinus)
			}
		}
		if isOpenQuote(p.src[p.pos]) {
			open := p.pos
			p.pos++
			from := p.pos
			for p.pos < len(p.src) && !isCloseQuote(p.src[p.pos]) {
				p.pos++
			}
			if p.pos >= len(p.src) {
				return nil, p.errorf(open, msgUnclosed)
			}
			text := strings.Join(strings.Fields(string(p.src[from:p.pos])), " ")
			p.pos++
			if text == "" {
				return nil, p.errorf(open, msgEmptyPhrase)
			}
			toks = append(toks, token{kind: tokPhrase, text: text, neg: neg, start: start})
			continue
		}
		from := p.pos
		for p.pos < len(p.src) && !unicode.IsSpace(p.src[p.pos]) && !isOpenQuote(p.src[p.pos]) {
			p.pos++
		}
		text := string(p.src[from:p.pos])
		if text == OrWord && !neg {
			toks = append(toks, token{kind: tokOr, start: start})
			continue
		}
		toks = append(toks, token{kind: tokWord, text: text, neg: neg, start: start})
	}
}

func (p *parser) parse() (And, error) {
	toks, err := p.tokens()
	if err != nil {
		return And{}, err
	}
	var and And
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tokOr {
			return And{}, p.errorf(t.start, msgOrPlace)
		}
		q := clause(t)
		// Gather "a OR b OR c" into one Or.
		alts := []token{t}
		for i+1 < len(toks) && toks[i+1].kind == tokOr {
			if i+2 >= len(toks) || toks[i+2].kind == tokOr {
				return And{}, p.errorf(toks[i+1].start, msgOrPlace)
			}
			alts = append(alts, toks[i+2])
			i += 2
		}
		if len(alts) > 1 {
			or := Or{}
			for _, a := range alts {
				if a.neg {
					return And{}, p.errorf(a.start, msgExcludedInOr)
				}
				or.Qs = append(or.Qs, clause(a))
			}
			q = or
		}
		and.Qs = append(and.Qs, q)
	}
	if Clauses(and) > MaxClauses {
		return And{}, p.errorf(0, msgTooMany)
	}
	if !and.Empty() && len(and.Positive()) == 0 {
		return And{}, p.errorf(0, msgOnlyExcluded)
	}
	return and, nil
}

func clause(t token) Q {
	var q Q = Term{Text: t.text}
	if t.kind == tokPhrase {
		q = Phrase{Text: t.text}
	}
	if t.neg {
		q = Not{Q: q}
	}
	return q
}

// Clauses counts the words and phrases of q, excluded ones included: what
// MaxClauses bounds.
func Clauses(q Q) int {
	n := 0
	VisitAtoms(q, func(Atom, bool) { n++ })
	return n
}
