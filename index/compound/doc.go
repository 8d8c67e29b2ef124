// Package compound splits Dutch compound words into their parts with a
// dictionary: "energietransitie" is energie + transitie, "stadsdeel" stad
// + deel (with the linking -s-), "pannenkoek" pan + koek (with -en-).
//
// Precision comes first, because a wrong split makes a search find what it
// should not ("lening" must not find "verlening", which is not ver +
// lening). A word is split only where every part is in the dictionary in
// its role: the dictionary (words.tsv.gz, built by the gen command from
// OpenTaal's Dutch word list and Hunspell dictionary) knows which words
// OpenTaal's makers flagged as safe to begin or end a compound, and the
// linking forms of each ("stads" for stad). On top of that every part has
// at least four letters (a head of three, such as "wet", only when it is
// on a short list), a modifier may not be a particle or preposition
// ("voor", "over", "onder"), and of several splits the one with the
// longest parts wins. A part that is itself a compound is split again, at
// most to three parts in all.
//
// Regenerate the dictionary with
//
//	go generate ./index/compound
//
// which needs the Debian/Ubuntu packages wdutch and hunspell-nl (see
// gen/main.go for the file paths and flags). The word list's licence is
// in LICENSE.OpenTaal beside the dictionary.
package compound
