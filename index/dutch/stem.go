package dutch

import (
	"strings"
	"unicode/utf8"

	"github.com/kljensen/snowball/snowballword"
)

// Stem returns the stem of a Dutch word. The word is trimmed and
// lowercased first. If stemStopWords is false, words on Snowball's Dutch
// stop word list are returned as they are (trimmed and lowercased).
func Stem(word string, stemStopWords bool) string {
	word = strings.ToLower(strings.TrimSpace(word))
	if !stemStopWords && IsStopWord(word) {
		return word
	}

	// Most words fit in buf, which keeps the rune slice off the heap. The
	// steps never make a word longer than it was, but need one rune of
	// room to double a vowel before shortening the word.
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

	if sameRunes(word, w.RS) {
		return word
	}
	return string(w.RS)
}

// sameRunes reports whether s encodes exactly the runes rs.
func sameRunes(s string, rs []rune) bool {
	if len(s) < len(rs) {
		return false
	}
	i := 0
	for _, r := range s {
		// An invalid byte decodes to RuneError but would not survive the
		// round trip, so it counts as a difference.
		if i == len(rs) || rs[i] != r || r == utf8.RuneError {
			return false
		}
		i++
	}
	return i == len(rs)
}
