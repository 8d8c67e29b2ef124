package dutch

import (
	"github.com/kljensen/snowball/snowballword"
)

var step4Suffixes = newSuffixTable(
	"ioneel", "atief", "baar", "naar", "laar", "raar", "tant", "lijker",
	"lijkst", "achtig", "achtiger", "achtigst", "eriger", "erigst", "erig",
	"end")

var step4IgSuffixes = newSuffixTable("iger", "igst", "ig")

// Step 4 removes derivational adjective suffixes such as -baar, -achtig,
// -lijker and -ig. It reports whether it changed the word.
func step4(w *snowballword.SnowballWord) bool {
	return step4a(w) || step4ig(w)
}

func step4a(w *snowballword.SnowballWord) bool {
	sfx, c := step4Suffixes.longest(w)
	rs := w.RS
	if sfx == "" || !inR1(w, c) {
		return false
	}
	switch sfx {
	case "ioneel":
		replaceFrom(w, c, "ie")
	case "atief":
		replaceFrom(w, c, "eer")
	case "baar", "achtig", "achtiger", "achtigst":
		truncate(w, c)
	case "naar", "laar", "raar":
		// Keep the n, l or r, after a vowel.
		if !vowelBefore(rs, c) {
			return false
		}
		truncate(w, c+1)
	case "tant":
		replaceFrom(w, c, "teer")
	case "lijker", "lijkst":
		truncate(w, c+4)
	case "eriger", "erigst", "erig", "end":
		if !consonantBefore(rs, c) {
			return false
		}
		truncate(w, c)
		lengthenV(w)
	}
	return true
}

// step4ig removes -ig, -iger and -igst when step4a did not apply.
func step4ig(w *snowballword.SnowballWord) bool {
	sfx, c := step4IgSuffixes.longest(w)
	rs := w.RS
	// innig (intimate) must not become in (in).
	if sfx == "" || !inR1(w, c) || (c == 3 && endsWith(rs, c, "inn")) ||
		!consonantBefore(rs, c) {
		return false
	}
	truncate(w, c)
	lengthenV(w)
	return true
}
