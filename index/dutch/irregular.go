package dutch

import (
	_ "embed"
	"strings"
	"sync"
)

// irregularList is the table of irregular forms: a base word, then its
// forms, one word a line (see the file for its source).
//
//go:embed irregular.txt
var irregularList string

// comparativeList is a list of adjectives whose comparative and
// superlative forms are derived by spelling rules (see comparatives).
//
//go:embed comparatives.txt
var comparativeList string

// placeList is a list of places and their adjectives (see the file).
//
//go:embed places.txt
var placeList string

var (
	irregularOnce sync.Once
	irregular     map[string]string // form -> base word
)

// verbPrefixes are the particles and prefixes that make compound verbs of
// the verbs in the table: separable ones take ge- inside the participle
// ("opgeschreven"), inseparable ones none ("beschreven"); some are both
// ("ondernomen", "ondergegaan").
var verbPrefixes = []string{
	"aan", "achter", "af", "be", "bij", "door", "er", "ge", "her", "in", "mee", "na",
	"neer", "om", "onder", "ont", "op", "over", "terug", "toe", "tegen", "uit",
	"ver", "voor", "vast", "weg", "samen", "los", "over",
}

// Irregular returns the base word of an irregular form of the table in
// lower case, one map look-up ("schreef", "geschreven", "opgeschreven" and "beschreef" give
// "schrijven", "opschrijven" and "beschrijven"; "beter" gives "goed"), or
// "" for any other word. The stemmer then stems the base word, so the
// forms of a strong verb meet; Snowball's algorithm itself stays as it is.
func Irregular(word string) string {
	irregularOnce.Do(loadIrregular)
	return irregular[word]
}

// addPrefixed adds the compound verbs of a verb form: separable
// particles before the form ("op" + "geschreven", "op" + "schreef" in a
// subclause) and inseparable prefixes before a participle without its
// ge- ("be" + "schreven" as "be" + "geschreven").
func addPrefixed(form, base string) {
	for _, p := range verbPrefixes {
		if _, ok := irregular[p+form]; !ok {
			irregular[p+form] = p + base
		}
		if rest, ok := strings.CutPrefix(form, "ge"); ok && len(rest) > 2 {
			if _, ok := irregular[p+rest]; !ok {
				irregular[p+rest] = p + base
			}
		}
	}
}

func loadIrregular() {
	irregular = map[string]string{}
	for _, line := range strings.Split(comparativeList, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, f := range comparatives(line) {
			irregular[f] = line
		}
	}
	for _, line := range strings.Split(placeList, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if place, adj, ok := strings.Cut(line, " "); ok {
			irregular[adj] = place
			irregular[adj+"e"] = place
		}
	}
	var verbs [][]string
	for _, line := range strings.Split(irregularList, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		words := strings.Fields(line)
		for _, f := range words[1:] {
			if _, dup := irregular[f]; !dup {
				irregular[f] = words[0]
			}
		}
		if strings.HasSuffix(words[0], "n") { // every verb of the table is an infinitive in -n
			verbs = append(verbs, words)
		}
	}
	// The compound verbs, once every simple form is in: a simple form
	// keeps its own base.
	for _, words := range verbs {
		for _, f := range words[1:] {
			addPrefixed(f, words[0])
		}
	}
}

// comparatives returns the comparative and superlative forms of an
// adjective, inflected and not: groot gives groter, grotere, grootst,
// grootste; dik gives dikker, dikkere; duur gives duurder. A long vowel
// in a closed syllable is written single in an open one (groot, grote), a
// short vowel doubles the consonant after it (dik, dikke), and -r takes
// -der (duurder).
func comparatives(adj string) []string {
	open := adj // the stem before a vowel ending: "grot", "dikk"
	n := len(adj)
	switch {
	case n >= 3 && adj[n-2] == adj[n-3] && strings.IndexByte("aeou", adj[n-2]) >= 0 && isConsonant(adj[n-1]):
		open = adj[:n-2] + adj[n-1:] // groot -> grot
	case n >= 3 && isConsonant(adj[n-1]) && strings.IndexByte("aeiou", adj[n-2]) >= 0 &&
		(n < 3 || isConsonant(adj[n-3])) && adj[n-1] != 'w' && adj[n-1] != 'j' && !strings.HasSuffix(adj, "ig") && !strings.HasSuffix(adj, "lijk"):
		open = adj + adj[n-1:] // dik -> dikk
	}
	comp := open + "er"
	if strings.HasSuffix(adj, "r") {
		comp = adj + "der" // duur -> duurder
	}
	return []string{comp, comp + "e", adj + "st", adj + "ste"}
}
