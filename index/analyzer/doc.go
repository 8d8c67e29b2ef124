// Package analyzer is the Dutch analysis chain of vanelkaar: what a text
// field's words become in the index, and what a query's words become at
// search time.
//
// The chain, in order:
//
//  1. Tokenizer: words are runs of letters, digits and combining marks.
//     A hyphen or an apostrophe between two such characters stays inside
//     the word ("e-privacy", "auto's", "zo'n"), as do a point or comma
//     between digits ("3,5") and invisible format characters such as the
//     soft hyphen. An apostrophe before a Dutch clitic ('s, 't, 'n, 'k,
//     'm, 'r, 'ns) or a year ('80) starts the word ("'s-Hertogenbosch").
//     A hyphenated word is indexed whole and, at the same position, as
//     each of its parts of two or more characters ("noord-holland",
//     "noord", "holland"); the query analyzer keeps only the whole word,
//     because the parts add nothing there but would loosen the query.
//     An acronym written with points ("a.s.", "A.V.G.", "t.a.v.") is one
//     word, indexed without its points, so it meets the undotted spelling.
//  2. Normalize: NFC, lower case, curly apostrophes (’ ‘ ʼ ′ ` ´) made
//     straight, hyphen characters (‐ ‑) made "-", format characters such
//     as the soft hyphen removed, the ligature ĳ written as ij.
//  3. Elision: a leading apostrophe is dropped ("'s-hertogenbosch" and
//     "s-hertogenbosch" meet); a clitic on its own ('s, 't, 'n, ...) is a
//     function word and goes.
//  4. Join: a hyphenated word is also passed on without its hyphens, at
//     the same position, so "start-ups" meets "startups" and "e-mail"
//     meets "email" (ranges of digits and "'s-" place names excepted).
//  5. Stop words: Snowball's Dutch stop word list (package dutch).
//  6. Decompound (index analyzer only): a compound is followed by its
//     parts (package compound: "energietransitie" by "energie" and
//     "transitie"), at its position and offsets, each marked with
//     PartPrefix ("-energie") so a search can weigh a part match below a
//     whole-word match; the snippet marks the whole compound. The query
//     analyzer does not split: "energietransitie" does not find every
//     "energie".
//  7. Accent variant: a word with diacritics is also passed on without
//     them, at the same position, so the stemmer sees both spellings.
//  8. Stem: the Snowball Dutch stemmer of package dutch. Of a hyphenated
//     word only the last part is stemmed ("e-mails" becomes "e-mail"),
//     since Dutch inflects a compound at its end; a part is stemmed after
//     its mark ("-energie" becomes "-energ").
//  9. Fold: diacritics are removed after stemming, so "financiële" meets
//     "financiele" (through its variant, stem "financiel") as well as
//     "financieel" (stem "financieel"), and "geïnterviewde" meets
//     "geinterviewde"; duplicate terms at one position are dropped.
//
// Every token keeps the byte offsets of its word in the original input, so
// snippets can mark the words a query matched. Positions start at 1 and
// never decrease; the parts of a hyphenated word and the accent variants
// of a word share the word's position, so a query term at that position
// may be any of them (a query builds one alternative per position).
//
// The tokenizers and token filters are registered in bleve's registry
// under the names below, because an index mapping refers to analysis
// components by name: an index stores its mapping, and reopening it looks
// the components up again. The names are therefore stable; renaming one
// makes existing indexes unreadable until they are rebuilt. The analyzers
// themselves are defined on the mapping with Config and QueryConfig (see
// index.NewMapping), so the chain of each index is written in the index.
package analyzer
