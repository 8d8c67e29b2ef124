package dutch

import (
	"github.com/kljensen/snowball/snowballword"
)

// geRemovable reports whether a ge- ending just before position c may be
// removed: at least three letters must follow it, and after its first
// vowel group there must still be a letter ("ij" counts as a vowel).
func geRemovable(rs []rune, c int) bool {
	n := len(rs)
	if c+3 > n {
		return false
	}
	i := c
	for i < n && !isVowel(rs[i]) {
		i++
	}
	for i < n {
		if rs[i] == 'i' && i+1 < n && rs[i+1] == 'j' {
			i += 2
		} else if isVowel(rs[i]) {
			i++
		} else {
			break
		}
	}
	return i < n
}

// removeGe cuts the two letters of ge- at position i and then turns a
// diaeresis at position at (counted after the cut) into a plain vowel, as
// in geëerd → eerd.
func removeGe(w *snowballword.SnowballWord, i, at int) {
	cut(w, i, 2)
	if at < len(w.RS) {
		switch w.RS[at] {
		case 'ë':
			w.RS[at] = 'e'
		case 'ï':
			w.RS[at] = 'i'
		}
	}
}

// losePrefix removes the ge- prefix of a past participle (gemaakt →
// maakt). It reports whether it did.
func losePrefix(w *snowballword.SnowballWord) bool {
	rs := w.RS
	if len(rs) < 2 || rs[0] != 'g' || rs[1] != 'e' || !geRemovable(rs, 2) {
		return false
	}
	// Exceptions keep geeft, geval(len), gevaar and gevaren apart from
	// effen, vallen and varen; but gevalideerd loses its ge-.
	at := 0
	switch {
	case hasPrefixAt(rs, 2, "eft"):
		return false
	case hasPrefixAt(rs, 2, "vali"):
		at = 4
	case hasPrefixAt(rs, 2, "val"), hasPrefixAt(rs, 2, "vaa"),
		hasPrefixAt(rs, 2, "vare"):
		return false
	}
	removeGe(w, 0, at)
	return true
}

// loseInfix removes the ge- infix of the past participle of a separable
// verb (opgemaakt → opmaakt), at the first ge after the first letter.
// It reports whether it did.
func loseInfix(w *snowballword.SnowballWord) bool {
	rs := w.RS
	i := 1
	for i+1 < len(rs) && (rs[i] != 'g' || rs[i+1] != 'e') {
		i++
	}
	if i+1 >= len(rs) || !geRemovable(rs, i+2) {
		return false
	}
	removeGe(w, i, i)
	return true
}

// hasPrefixAt reports whether the letters from position c start with s.
func hasPrefixAt(rs []rune, c int, s string) bool {
	if c+len(s) > len(rs) {
		return false
	}
	for i := 0; i < len(s); i++ {
		// Only used with ASCII strings.
		if rs[c+i] != rune(s[i]) {
			return false
		}
	}
	return true
}

// step1c removes the -d or -t of a past participle whose ge- was removed,
// when it is in R1 and follows a consonant. It reports whether it changed
// the word.
func step1c(w *snowballword.SnowballWord) bool {
	rs := w.RS
	c := len(rs) - 1
	if c < 0 || !inR1(w, c) || !consonantBefore(rs, c) {
		return false
	}
	switch rs[c] {
	case 'd':
		if endsWith(rs, c, "n") && inR1(w, c-1) {
			return false
		}
		if c == 2 && endsWith(rs, c, "in") {
			// geïnd (collected) goes with innen rather than in.
			rs[c] = 'n'
			return true
		}
	case 't':
		if endsWith(rs, c, "h") && inR1(w, c-1) {
			return false
		}
		if c == 2 && endsWith(rs, c, "en") {
			// geënt (grafted) must not become en (and).
			return false
		}
	default:
		return false
	}
	truncate(w, c)
	return true
}
