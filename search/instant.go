package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	bq "github.com/blevesearch/bleve/v2/search/query"
)

// Instant search: while a user types, the last word is usually unfinished
// ("gemee"), so it also matches the words of the corpus it begins. The
// words come from the vocabulary (written forms with their stems), not
// from the index's stems, because a stem can be shorter than a written
// beginning: "samenwerki" begins "samenwerking", whose stem is
// "samenwerk".
const (
	// maxPrefixTerms bounds the terms an open word expands to: the most
	// frequent ones, so a one-letter beginning costs no more than a long
	// query.
	maxPrefixTerms = 64
	// prefixBoost weighs a completion below the word as typed, so texts
	// with the whole word come first ("data" before "datagebruik").
	prefixBoost = 0.4
)

// lastWordOpen reports whether q ends in a word being typed: a letter or
// digit, not a space or a closing quotation mark.
func lastWordOpen(q string) bool {
	r, _ := utf8.DecodeLastRuneInString(q)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// parseLenient reads a query that is still being typed: an unclosed
// quotation mark is closed at the end, a lone minus or a dangling OR is
// left out. When even that does not parse, the words are searched
// without any syntax, the excluded ones left out.
func parseLenient(q string) (Query, error) {
	if p, err := Parse(finishQuery(q)); err == nil {
		return p, nil
	}
	var words []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || isOpenQuote(r) || isCloseQuote(r) }) {
		if w == "OR" || strings.HasPrefix(w, "-") {
			continue
		}
		words = append(words, w)
	}
	return Parse(strings.Join(words, " "))
}

// finishQuery completes the syntax of an unfinished query.
func finishQuery(q string) string {
	rs := []rune(strings.TrimSpace(q))
	inPhrase := false
	for _, r := range rs {
		switch {
		case !inPhrase && isOpenQuote(r):
			inPhrase = true
		case inPhrase && isCloseQuote(r):
			inPhrase = false
		}
	}
	s := string(rs)
	if inPhrase {
		s += `"`
	}
	fields := strings.Fields(s)
	for len(fields) > 0 {
		last := fields[len(fields)-1]
		if last == "OR" || last == "-" || last == `""` || last == `-""` || last == `“”` {
			fields = fields[:len(fields)-1]
			continue
		}
		break
	}
	for len(fields) > 0 && fields[0] == "OR" {
		fields = fields[1:]
	}
	return strings.Join(fields, " ")
}

// openWord returns the query's last clause when it is a plain word the
// user may still be typing.
func openWord(q Query) (Term, bool) {
	and, _ := q.(And)
	if len(and.Qs) == 0 {
		return Term{}, false
	}
	t, ok := and.Qs[len(and.Qs)-1].(Term)
	return t, ok
}

// completions returns the indexed terms of the corpus's words that begin
// with word, the most frequent first, at most maxPrefixTerms.
func (v *vocabulary) completions(word string) []string {
	key := fold(word)
	if key == "" {
		return nil
	}
	type tc struct {
		term  string
		count int
	}
	byTerm := map[string]int{}
	for _, w := range v.prefixRange(key) {
		byTerm[w.Term] += w.Count
	}
	list := make([]tc, 0, len(byTerm))
	for t, n := range byTerm {
		list = append(list, tc{t, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].term < list[j].term
	})
	out := make([]string, 0, min(len(list), maxPrefixTerms))
	for _, x := range list[:min(len(list), maxPrefixTerms)] {
		out = append(out, x.term)
	}
	return out
}

// withCompletions matches a word as typed or any of the terms it begins,
// the completions weighing less.
func withCompletions(whole bq.Query, terms []string) bq.Query {
	if len(terms) == 0 {
		return whole
	}
	prefix := termsQuery([][]string{terms})
	if b, ok := prefix.(interface{ SetBoost(float64) }); ok {
		b.SetBoost(prefixBoost)
	}
	if whole == nil {
		return prefix
	}
	return bq.NewDisjunctionQuery([]bq.Query{whole, prefix})
}
