package dutch

// AdjectiveBase undoes the inflectional -e that the stemmer leaves on
// short words, mostly adjectives before a noun: "grote" -> "groot",
// "kleine" -> "klein", "hoge" -> "hoog", "oude" -> "oud". Dutch spells the
// long vowel of an open syllable with one letter ("gro-te") and of a
// closed one with two ("groot"), so the vowel is doubled again when one
// vowel letter stands between consonants. It applies to a stem (the
// Snowball stemmer's output) of four letters or more ending in a
// consonant and e, and returns any other stem as it is.
func AdjectiveBase(stem string) string {
	n := len(stem)
	if n < 4 || stem[n-1] != 'e' || !isConsonant(stem[n-2]) {
		return stem
	}
	base := stem[:n-1]
	m := len(base)
	v := base[m-2]
	if (v == 'a' || v == 'o' || v == 'u' || v == 'e') && m >= 3 && isConsonant(base[m-3]) {
		return base[:m-1] + string(v) + base[m-1:]
	}
	return base
}

func isConsonant(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return false
	}
	return c >= 'a' && c <= 'z'
}

// PresentT strips the -t of the third person present that the stemmer
// keeps on a verb stem ending in a consonant cluster it does not
// recognise ("verwerkt", "volgt", "bepaalt"): a stem of five letters or
// more ending in t after l, r, g, k, f or p (not n: "plant" is no
// form of "plan").
func PresentT(stem string) string {
	n := len(stem)
	if n < 5 || stem[n-1] != 't' {
		return stem
	}
	switch stem[n-2] {
	case 'l', 'r', 'g', 'k', 'f', 'p':
		return stem[:n-1]
	}
	return stem
}
