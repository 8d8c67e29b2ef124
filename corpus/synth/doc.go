// Package synth generates a fictional corpus of any size for benchmarks:
// articles about innovation in invented municipalities ("Voorbeeldstad",
// "Nergenshuizen"), with invented people, themes, sections and quotes in
// Dutch quotation marks.
//
// The text is recombined from the word and sentence lists in lexicon.txt,
// which were written for this package; no published text is used. The
// generator is deterministic: the same Options give the same files, byte for
// byte, on every machine and Go version, because it uses its own random
// number generator rather than math/rand's.
//
// GenerateFromSentences is the second mode: the same fictional articles,
// sections, municipalities and people, but the paragraphs and quotes are
// real Dutch sentences (the "# text = " lines of a Universal Dependencies
// treebank, read by TreebankSentences from a folder the caller names),
// shuffled with the seed, so that benchmarks see the Zipf-like vocabulary
// of real text. Quotes wrap a real sentence in Dutch quotation marks and
// attribute it to a fictional person of a fictional municipality. No
// treebank is embedded: the product does not need one.
//
// Generate returns the files of a corpus folder (people.yaml, themes.yaml,
// municipalities.yaml, artikelen/*.md), so a generated corpus goes through
// the same loader, corpus.Load, as the shipped one.
package synth
