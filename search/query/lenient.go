package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LastWordOpen reports whether q ends in a word being typed: a letter or
// digit, not a space or a closing quotation mark.
func LastWordOpen(q string) bool {
	r, _ := utf8.DecodeLastRuneInString(q)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// ParseLenient reads a query that is still being typed: an unclosed
// quotation mark is closed at the end, a lone minus or a dangling OR is
// left out. When even that does not parse, the words are searched
// without any syntax, the excluded ones left out.
func ParseLenient(q string) (And, error) {
	if p, err := Parse(finish(q)); err == nil {
		return p, nil
	}
	var words []string
	for _, w := range Words(q) {
		if w == OrWord || strings.HasPrefix(w, "-") {
			continue
		}
		words = append(words, w)
	}
	return Parse(strings.Join(words, " "))
}

// Words splits a query text at spaces and quotation marks, leaving the
// minus signs and OR operators among the words.
func Words(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || isOpenQuote(r) || isCloseQuote(r) })
}

// finish completes the syntax of an unfinished query.
func finish(q string) string {
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
		if last == OrWord || last == "-" || last == `""` || last == `-""` || last == `“”` {
			fields = fields[:len(fields)-1]
			continue
		}
		break
	}
	for len(fields) > 0 && fields[0] == OrWord {
		fields = fields[1:]
	}
	return strings.Join(fields, " ")
}
