package dutch

import (
	"github.com/kljensen/snowball/snowballword"
)

var step1Suffixes = newSuffixTable("'s", "s", "ies", "es", "és", "aus", "en", "nde")

// Step 1 removes inflectional endings: plural and genitive -s, -es and
// -'s, and -en of plurals, infinitives and participles. Only the longest
// matching ending is considered. It reports whether it changed the word.
func step1(w *snowballword.SnowballWord) bool {
	sfx, c := step1Suffixes.longest(w)
	rs := w.RS
	switch sfx {
	case "'s":
		truncate(w, c)
	case "s":
		// Keep -s after a t in R1 (so -ts stays), and after vowels.
		if !inR1(w, c) || (endsWith(rs, c, "t") && inR1(w, c-1)) ||
			!consonantBefore(rs, c) {
			return false
		}
		truncate(w, c)
	case "ies":
		if !inR1(w, c) {
			return false
		}
		truncate(w, c+2)
	case "es":
		return step1es(w, c)
	case "és":
		if !inR1(w, c) {
			return false
		}
		truncate(w, c+1)
	case "aus":
		if !inR1(w, c) || !vowelBefore(rs, c) {
			return false
		}
		truncate(w, c+2)
	case "en":
		return step1en(w, c)
	case "nde":
		truncate(w, c+2)
	default:
		return false
	}
	return true
}

// step1es handles -es starting at position c.
func step1es(w *snowballword.SnowballWord, c int) bool {
	rs := w.RS
	switch {
	case endsWith(rs, c, "ar") && inR1(w, c-2) && consonantBefore(rs, c-2):
		// -ares: remove -es and lengthen the a.
		truncate(w, c)
		lengthenV(w)
	case endsWith(rs, c, "er") && inR1(w, c-2) && consonantBefore(rs, c-2):
		truncate(w, c)
	case inR1(w, c) && consonantBefore(rs, c):
		// -es becomes -e.
		truncate(w, c+1)
	default:
		return false
	}
	return true
}

// step1en handles -en starting at position c.
func step1en(w *snowballword.SnowballWord, c int) bool {
	rs := w.RS
	switch {
	case endsWith(rs, c, "hed") && inR1(w, c-3):
		// -heden becomes -heid.
		replaceFrom(w, c-3, "heid")
	case endsWith(rs, c, "nd"):
		truncate(w, c)
	case endsWith(rs, c, "d") && inR1(w, c-1) && consonantBefore(rs, c-1):
		// Remove -den after a consonant.
		truncate(w, c-1)
	case c >= 1 && (rs[c-1] == 'i' || rs[c-1] == 'j') && vowelBefore(rs, c-1):
		truncate(w, c)
	case inR1(w, c) && consonantBefore(rs, c):
		truncate(w, c)
		lengthenV(w)
	default:
		return false
	}
	return true
}
