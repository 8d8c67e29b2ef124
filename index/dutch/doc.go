// Package dutch implements the Snowball Dutch stemming algorithm.
//
// The algorithm is the one Snowball has used for Dutch by default since
// Snowball 3.0 (2025): a design derived from the stemmer of Wessel Kraaij
// and Renée Pohlmann, published as algorithms/dutch.sbl in the
// snowballstem/snowball repository. It is not the older Porter-style Dutch
// stemmer (now dutch_porter.sbl), which is the one behind bleve's "nl"
// analyzer.
//
// In outline, the stemmer
//
//   - computes the regions R1 and R2, treating "ij" as a vowel;
//   - runs four suffix steps (inflections such as -en, -s, -es, -je and -e,
//     then derivational suffixes such as -heid, -ing, -atie, -baar, -ig and
//     -lijk), restoring a long vowel where removing a suffix leaves it in
//     an open syllable ("maken" → "maak");
//   - removes a "ge-" prefix or infix of past participles ("gemaakt",
//     "opgemaakt") and then a final -d or -t;
//   - simplifies a final -kt, -ft or -pt, undoubles a final double
//     consonant and turns a final v or z into f or s.
//
// The code is an independent Go translation of the Snowball source, built
// on the snowballword type of github.com/kljensen/snowball and following
// the layout of that library's languages. The package tests compare it word
// for word with Snowball's published Dutch vocabulary and its expected
// output (voc.txt and output.txt of the snowball-data collection).
//
// Unlike the Snowball reference, Stem lowercases and trims its input, and
// by default leaves the words of Snowball's Dutch stop word list alone.
package dutch
