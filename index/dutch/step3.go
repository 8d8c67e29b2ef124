package dutch

import (
	"github.com/kljensen/snowball/snowballword"
)

var step3Suffixes = newSuffixTable(
	"atie", "iteit", "heid", "sel", "ster", "rder", "ing", "isme", "erij",
	"arij", "fie", "gie", "tst", "dst")

// Step 3 removes derivational noun suffixes such as -heid, -ing, -atie and
// -iteit. It reports whether it changed the word.
func step3(w *snowballword.SnowballWord) bool {
	sfx, c := step3Suffixes.longest(w)
	rs := w.RS
	switch sfx {
	case "atie":
		if !inR1(w, c) {
			return false
		}
		replaceFrom(w, c, "eer")
	case "iteit":
		if !inR1(w, c) {
			return false
		}
		truncate(w, c)
		lengthenV(w)
	case "heid", "sel", "ster":
		if !inR1(w, c) {
			return false
		}
		truncate(w, c)
	case "rder":
		truncate(w, c+1)
	case "ing", "isme", "erij":
		switch {
		case endsWith(rs, c, "ild"):
			// Keeps schilderij (painting) apart from schild (shield).
			replaceFrom(w, c, "er")
		case inR1(w, c):
			truncate(w, c)
			lengthenV(w)
		default:
			return false
		}
	case "arij":
		if !inR1(w, c) || !consonantBefore(rs, c) {
			return false
		}
		replaceFrom(w, c, "aar")
	case "fie", "gie":
		// -fie and -gie become -f and -g, in R2.
		if !inR2(w, c) {
			return false
		}
		truncate(w, c+1)
		lengthenV(w)
	case "tst", "dst":
		if !inR1(w, c) || !consonantBefore(rs, c) {
			return false
		}
		truncate(w, c+1)
	default:
		return false
	}
	return true
}
