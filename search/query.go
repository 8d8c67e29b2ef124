package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a node of a parsed user query. String gives its canonical form,
// which parses back to the same query.
type Query interface {
	String() string
	isQuery()
}

// Term is a word the results must contain (in any inflected form).
type Term struct{ Text string }

// Phrase is words that must appear next to each other, in this order.
type Phrase struct{ Text string }

// Not excludes results that match its query.
type Not struct{ Q Query }

// Or matches results that match any of its queries.
type Or struct{ Qs []Query }

// And matches results that match all of its queries.
type And struct{ Qs []Query }

func (Term) isQuery()   {}
func (Phrase) isQuery() {}
func (Not) isQuery()    {}
func (Or) isQuery()     {}
func (And) isQuery()    {}

func (t Term) String() string   { return t.Text }
func (p Phrase) String() string { return `"` + p.Text + `"` }
func (n Not) String() string    { return "-" + n.Q.String() }
func (o Or) String() string     { return joinQueries(o.Qs, " OR ") }
func (a And) String() string    { return joinQueries(a.Qs, " ") }

func joinQueries(qs []Query, sep string) string {
	parts := make([]string, len(qs))
	for i, q := range qs {
		parts[i] = q.String()
	}
	return strings.Join(parts, sep)
}

// Limits that keep a query's cost bounded.
const (
	MaxQueryRunes = 256
	MaxClauses    = 16
)

// quotes are the characters that open and close a phrase: straight and
// Dutch typographic double quotes.
func isOpenQuote(r rune) bool  { return r == '"' || r == '“' || r == '„' || r == '”' }
func isCloseQuote(r rune) bool { return r == '"' || r == '”' || r == '“' }

// Parse reads a user query: words (all must match), "exact phrases", -word
// or -"phrase" to exclude, and OR between two clauses. An empty query
// parses to an empty And. Errors are *SyntaxError and wrap ErrBadQuery.
func Parse(q string) (Query, error) {
	p := &parser{src: []rune(q)}
	if len(p.src) > MaxQueryRunes {
		return nil, &SyntaxError{Query: q, Pos: MaxQueryRunes, Msg: "query is longer than 256 characters"}
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
				return nil, p.errorf(start, "a minus sign must be followed by the word or \"phrase\" to exclude")
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
				return nil, p.errorf(open, "quotation mark is not closed")
			}
			text := strings.Join(strings.Fields(string(p.src[from:p.pos])), " ")
			p.pos++
			if text == "" {
				return nil, p.errorf(open, "empty phrase")
			}
			toks = append(toks, token{kind: tokPhrase, text: text, neg: neg, start: start})
			continue
		}
		from := p.pos
		for p.pos < len(p.src) && !unicode.IsSpace(p.src[p.pos]) && !isOpenQuote(p.src[p.pos]) {
			p.pos++
		}
		text := string(p.src[from:p.pos])
		if text == "OR" && !neg {
			toks = append(toks, token{kind: tokOr, start: start})
			continue
		}
		toks = append(toks, token{kind: tokWord, text: text, neg: neg, start: start})
	}
}

func (p *parser) parse() (Query, error) {
	toks, err := p.tokens()
	if err != nil {
		return nil, err
	}
	var and And
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tokOr {
			return nil, p.errorf(t.start, "OR must stand between two words or phrases")
		}
		q := clause(t)
		// Gather "a OR b OR c" into one Or.
		alts := []token{t}
		for i+1 < len(toks) && toks[i+1].kind == tokOr {
			if i+2 >= len(toks) || toks[i+2].kind == tokOr {
				return nil, p.errorf(toks[i+1].start, "OR must stand between two words or phrases")
			}
			alts = append(alts, toks[i+2])
			i += 2
		}
		if len(alts) > 1 {
			or := Or{}
			for _, a := range alts {
				if a.neg {
					return nil, p.errorf(a.start, "an excluded word cannot be part of OR")
				}
				or.Qs = append(or.Qs, clause(a))
			}
			q = or
		}
		and.Qs = append(and.Qs, q)
	}
	if n := countClauses(and); n > MaxClauses {
		return nil, p.errorf(0, "too many words: at most 16")
	}
	if len(and.Qs) > 0 {
		allNeg := true
		for _, q := range and.Qs {
			if _, ok := q.(Not); !ok {
				allNeg = false
			}
		}
		if allNeg {
			return nil, p.errorf(0, "a query cannot only exclude: add a word to search for")
		}
	}
	return and, nil
}

func clause(t token) Query {
	var q Query = Term{Text: t.text}
	if t.kind == tokPhrase {
		q = Phrase{Text: t.text}
	}
	if t.neg {
		q = Not{Q: q}
	}
	return q
}

func countClauses(q Query) int {
	switch q := q.(type) {
	case And:
		n := 0
		for _, c := range q.Qs {
			n += countClauses(c)
		}
		return n
	case Or:
		n := 0
		for _, c := range q.Qs {
			n += countClauses(c)
		}
		return n
	case Not:
		return countClauses(q.Q)
	case Phrase:
		return 1
	}
	return 1
}

// validUTF8 reports whether s is valid UTF-8 without control characters.
func validUTF8(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return false
		}
	}
	return true
}
