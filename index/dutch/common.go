package dutch

import (
	"github.com/kljensen/snowball/snowballword"
)

// Character classes. Every letter the algorithm distinguishes lies below
// U+0100, so a small table answers all class questions.
const (
	classV     = 1 << iota // a e i o u y, with or without accents
	classAEIOU             // a e i o u, with or without accents (no y)
	classAIOU              // a i o u, with or without accents
	classAOU               // a o u, with or without accents
	classE                 // e, with or without accents
	classWX                // w and x (only used to extend v in lengthenV)
)

// Letters of each vowel family: plain, diaeresis, acute, grave, circumflex.
const (
	lettersA = "aäáàâ"
	lettersE = "eëéèê"
	lettersI = "iïíìî"
	lettersO = "oöóòô"
	lettersU = "uüúùû"
)

var charClass [256]uint8

func init() {
	mark := func(letters string, class uint8) {
		for _, r := range letters {
			charClass[r] |= class
		}
	}
	mark(lettersA+lettersE+lettersI+lettersO+lettersU+"y", classV)
	mark(lettersA+lettersE+lettersI+lettersO+lettersU, classAEIOU)
	mark(lettersA+lettersI+lettersO+lettersU, classAIOU)
	mark(lettersA+lettersO+lettersU, classAOU)
	mark(lettersE, classE)
	mark("wx", classWX)
}

func hasClass(r rune, class uint8) bool {
	return r < 256 && charClass[r]&class != 0
}

// isVowel reports whether r is in the grouping v of the algorithm.
func isVowel(r rune) bool { return hasClass(r, classV) }

func isAEIOU(r rune) bool { return hasClass(r, classAEIOU) }

func isAIOU(r rune) bool { return hasClass(r, classAIOU) }

func isE(r rune) bool { return hasClass(r, classE) }

// isVowelWX reports whether r is a vowel, w or x.
func isVowelWX(r rune) bool { return hasClass(r, classV|classWX) }

// The predicates below look backwards from a position c of the word
// (c letters precede it), the way the Snowball source inspects the text
// before its cursor while removing suffixes.

// inR1 reports whether position c lies in region R1.
func inR1(w *snowballword.SnowballWord, c int) bool { return w.R1start <= c }

// inR2 reports whether position c lies in region R2.
func inR2(w *snowballword.SnowballWord, c int) bool { return w.R2start <= c }

// endsWith reports whether the letters before position c are s.
func endsWith(rs []rune, c int, s string) bool {
	for i := len(s) - 1; i >= 0; i-- {
		// Only used with ASCII strings.
		c--
		if c < 0 || rs[c] != rune(s[i]) {
			return false
		}
	}
	return true
}

// isIJBefore reports whether the two letters before c are "ij".
func isIJBefore(rs []rune, c int) bool {
	return c >= 2 && rs[c-1] == 'j' && rs[c-2] == 'i'
}

// vowelBefore reports whether a vowel, or "ij", precedes position c
// (the routine V).
func vowelBefore(rs []rune, c int) bool {
	return c >= 1 && (isVowel(rs[c-1]) || isIJBefore(rs, c))
}

// vowelBeforeNext reports whether a vowel, or "ij", precedes the letter
// before position c (the routine VX).
func vowelBeforeNext(rs []rune, c int) bool {
	return c >= 1 && vowelBefore(rs, c-1)
}

// consonantBefore reports whether a non-vowel precedes position c, "ij"
// counting as a vowel (the routine C).
func consonantBefore(rs []rune, c int) bool {
	return c >= 1 && !isVowel(rs[c-1]) && !isIJBefore(rs, c)
}

// suffixTable holds the strings of one Snowball among. They are grouped
// by their last letter (always ASCII), longest first, so that only a few
// candidates are compared and the first match is the longest one.
type suffixTable struct {
	byLast [128][]suffix
}

type suffix struct {
	s  string
	rs []rune
}

func newSuffixTable(list ...string) *suffixTable {
	t := new(suffixTable)
	for _, s := range list {
		rs := []rune(s)
		last := rs[len(rs)-1]
		if last >= 128 {
			panic("dutch: suffix " + s + " does not end in ASCII")
		}
		bucket := append(t.byLast[last], suffix{s: s, rs: rs})
		// Insertion sort by decreasing length.
		for j := len(bucket) - 1; j > 0 && len(bucket[j].rs) > len(bucket[j-1].rs); j-- {
			bucket[j], bucket[j-1] = bucket[j-1], bucket[j]
		}
		t.byLast[last] = bucket
	}
	return t
}

// longest returns the longest suffix of the table the word ends with, and
// the position where it starts; or "" and -1.
func (t *suffixTable) longest(w *snowballword.SnowballWord) (string, int) {
	n := len(w.RS)
	if n == 0 || w.RS[n-1] >= 128 {
		return "", -1
	}
	for i := range t.byLast[w.RS[n-1]] {
		sfx := &t.byLast[w.RS[n-1]][i]
		if hasSuffix(w.RS, sfx.rs) {
			return sfx.s, n - len(sfx.rs)
		}
	}
	return "", -1
}

// hasSuffix reports whether rs ends with sfx. It compares from the end,
// where the candidates of a bucket differ.
func hasSuffix(rs, sfx []rune) bool {
	if len(sfx) > len(rs) {
		return false
	}
	rs = rs[len(rs)-len(sfx):]
	for i := len(sfx) - 1; i >= 0; i-- {
		if rs[i] != sfx[i] {
			return false
		}
	}
	return true
}

// The helpers below edit the word only by reslicing w.RS within its
// capacity, never by appending: appending through the pointer would make
// the compiler move the caller's rune buffer to the heap. No step makes
// the word longer than it was (a vowel is only doubled after a suffix has
// been removed), so Stem gives w.RS a capacity of at least the length of
// the input.
//
// R1start and R2start are left alone: in the Snowball source p1 and p2 are
// plain integers that keep their values when the word changes.

// truncate cuts the word to its first n letters.
func truncate(w *snowballword.SnowballWord, n int) {
	w.RS = w.RS[:n]
}

// replaceFrom replaces the letters from position c onwards with the ASCII
// string s, which must not make the word longer than its capacity.
func replaceFrom(w *snowballword.SnowballWord, c int, s string) {
	w.RS = w.RS[:c+len(s)]
	for i := 0; i < len(s); i++ {
		w.RS[c+i] = rune(s[i])
	}
}

// doubleAt inserts a second copy of the letter at position i.
func doubleAt(w *snowballword.SnowballWord, i int) {
	w.RS = w.RS[:len(w.RS)+1]
	copy(w.RS[i+1:], w.RS[i:])
}

// cut removes n letters at position i.
func cut(w *snowballword.SnowballWord, i, n int) {
	copy(w.RS[i:], w.RS[i+n:])
	w.RS = w.RS[:len(w.RS)-n]
}

// vnv returns the position after the first non-vowel that follows a vowel
// at or after position i, "ij" counting as a vowel, or -1 if there is none.
func vnv(rs []rune, i int) int {
	n := len(rs)
	for i < n && !isVowel(rs[i]) {
		i++
	}
	if i == n {
		return -1
	}
	for i < n {
		switch {
		case rs[i] == 'i' && i+1 < n && rs[i+1] == 'j':
			i += 2
		case isVowel(rs[i]):
			i++
		default:
			return i + 1
		}
	}
	return -1
}

// measure sets R1 and R2 (the routine measure). R1 is the region after the
// first non-vowel following a vowel, R2 the region after the first
// non-vowel following a vowel in R1; "ij" counts as a vowel, and there is
// no minimum length for R1.
func measure(w *snowballword.SnowballWord) {
	n := len(w.RS)
	w.R1start, w.R2start = n, n
	p1 := vnv(w.RS, 0)
	if p1 < 0 {
		return
	}
	w.R1start = p1
	if p2 := vnv(w.RS, p1); p2 >= 0 {
		w.R2start = p2
	}
}

// lengthenV restores a long vowel that removing a suffix left in an open
// syllable: if the word ends with a single vowel followed by a consonant
// (not w or x), the vowel is doubled (maak from mak), subject to
// conditions on the letters before it. It never fails (the routine
// lengthen_V).
func lengthenV(w *snowballword.SnowballWord) {
	rs := w.RS
	c := len(rs)
	if c < 2 || isVowelWX(rs[c-1]) {
		return
	}
	c-- // position of the final consonant
	v := c - 1
	switch r := rs[v]; {
	case r == 'ë' && v >= 1 && rs[v-1] == 'e':
		// eë becomes eëe.
		doubleAt(w, v+1)
		w.RS[v+1] = 'e'
	case r == 'ë' && v >= 1 && rs[v-1] == 'i':
		// ië becomes iee.
		w.RS[v] = 'e'
		doubleAt(w, v)
	case hasClass(r, classAOU):
		// a, o, u: preceded by a non-vowel (y counts) or the start.
		if v == 0 || !isAEIOU(rs[v-1]) {
			doubleAt(w, v)
		}
	case r == 'e' || r == 'é' || r == 'è' || r == 'ê':
		if lengthensE(rs, v) {
			doubleAt(w, v)
		}
	}
}

// lengthensE tells whether the e at position v may be doubled: it must be
// at the start or follow a non-vowel; that letter must not follow a, i, o
// or u, nor be preceded by an e that starts the word; and the two letters
// before it must not be a, i, o or u after a non-vowel.
func lengthensE(rs []rune, v int) bool {
	d := v // position after the letter before the e
	if v > 0 {
		if isAEIOU(rs[v-1]) {
			return false
		}
		d = v - 1
	}
	if d >= 1 && (isAIOU(rs[d-1]) || (isE(rs[d-1]) && d-1 == 0)) {
		return false
	}
	if d >= 3 && isAIOU(rs[d-2]) && !isAEIOU(rs[d-3]) {
		return false
	}
	return true
}
