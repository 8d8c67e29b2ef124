package dutch

import (
	"github.com/kljensen/snowball/snowballword"
)

var step2Suffixes = newSuffixTable(
	"je", "ge", "lijke", "ische", "de", "te", "se", "re", "le", "ene", "ieve")

// Step 2 removes diminutive -je and a final -e of inflected adjectives
// and verbs. It reports whether it changed the word.
func step2(w *snowballword.SnowballWord) bool {
	sfx, c := step2Suffixes.longest(w)
	rs := w.RS
	switch sfx {
	case "je":
		return step2je(w, c)
	case "ge", "lijke", "ische", "te", "se", "re":
		// Drop the final e.
		if !inR1(w, c) {
			return false
		}
		truncate(w, len(rs)-1)
	case "de":
		if !inR1(w, c) || !consonantBefore(rs, c) {
			return false
		}
		truncate(w, c)
	case "le":
		if !inR1(w, c) {
			return false
		}
		truncate(w, len(rs)-1)
		lengthenV(w)
	case "ene":
		if !inR1(w, c) || !consonantBefore(rs, c) {
			return false
		}
		truncate(w, len(rs)-1)
		lengthenV(w)
	case "ieve":
		if !inR1(w, c) || !consonantBefore(rs, c) {
			return false
		}
		replaceFrom(w, c, "ief")
	default:
		return false
	}
	return true
}

// step2je handles the diminutive -je starting at position c.
func step2je(w *snowballword.SnowballWord, c int) bool {
	rs := w.RS
	switch {
	case endsWith(rs, c, "'t"):
		truncate(w, c-2)
	case endsWith(rs, c, "et") && inR1(w, c-2) && consonantBefore(rs, c-2):
		truncate(w, c-2)
	case endsWith(rs, c, "rnt"):
		truncate(w, c-1)
	case endsWith(rs, c, "t") && inR1(w, c-1) && vowelBeforeNext(rs, c-1):
		truncate(w, c-1)
	case endsWith(rs, c, "ink"):
		// -inkje becomes -ing.
		replaceFrom(w, c-1, "g")
	case endsWith(rs, c, "mp"):
		truncate(w, c-1)
	case endsWith(rs, c, "'") && inR1(w, c-1):
		truncate(w, c-1)
	case inR1(w, c) && consonantBefore(rs, c):
		truncate(w, c)
	default:
		return false
	}
	return true
}
