package dutch

import (
	"strings"
	"unicode/utf8"

	"github.com/kljensen/snowball/snowballword"
)

// Stem returns the stem of a Dutch word. The word is trimmed and
// lowercased first. If stemStopWords is false, words on Snowball's Dutch
// stop word list are returned as they are (trimmed and lowercased).
//
// When the stem is the start of the (trimmed, lowercased) word, Stem
// returns a substring of it rather than a copy, so the result may share
// memory with word.
func Stem(word string, stemStopWords bool) string {
	word = strings.ToLower(strings.TrimSpace(word))
	if !stemStopWords && IsStopWord(word) {
		return word
	}

	// Most words fit in buf, which keeps the rune slice off the heap. The
	// steps edit the word in place and never make it longer than it was
	// (a vowel is only doubled after a suffix has gone), so a capacity of
	// the input's length suffices; the extra rune is a safety margin.
	var buf [32]rune
	rs := buf[:0]
	if n := utf8.RuneCountInString(word); n >= len(buf) {
		rs = make([]rune, 0, n+1)
	}
	for _, r := range word {
		rs = append(rs, r)
	}
	w := snowballword.SnowballWord{RS: rs}

	// Stem the word. Each step alters w in place.
	measure(&w)
	stemmed := step1(&w)
	stemmed = step2(&w) || stemmed
	stemmed = step3(&w) || stemmed
	stemmed = step4(&w) || stemmed
	if losePrefix(&w) {
		measure(&w)
		stemmed = true
		step1c(&w)
	}
	if loseInfix(&w) {
		measure(&w)
		stemmed = true
		step1c(&w)
	}
	stemmed = step7(&w) || stemmed
	if stemmed {
		step6(&w)
	}

	// Most stems are the word itself or a prefix of it; return that part
	// of the input rather than allocate a new string.
	if n, ok := runePrefix(word, w.RS); ok {
		return word[:n]
	}
	return string(w.RS)
}

// runePrefix reports whether s starts with the UTF-8 encoding of rs, and
// if so the length in bytes of that prefix.
func runePrefix(s string, rs []rune) (int, bool) {
	i := 0
	for n, r := range s {
		if i == len(rs) {
			return n, true
		}
		// An invalid byte decodes to RuneError but would not survive
		// the round trip, so it counts as a difference.
		if rs[i] != r || r == utf8.RuneError {
			return 0, false
		}
		i++
	}
	return len(s), i == len(rs)
}
