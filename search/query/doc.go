// Package query is the user's query language: its typed tree (And at the
// top, of Term, Phrase, Or and Not clauses), the parser (strict for a
// submitted query, lenient for one being typed), the canonical String()
// that parses back to the same tree, the limits that bound a query's cost,
// and the two walks every caller uses: VisitAtoms to read the words and
// Map to rewrite them. Package search translates the tree to bleve; this
// package knows nothing of the index.
//
// # Syntax
//
//	inclusie digitaal         both words
//	"verantwoord datagebruik" the words side by side, in this order
//	data -privacy             "data" but not "privacy"
//	-"smart city"             leave out a phrase
//	mobiliteit OR energie     either word
//
// Typographic quotes (“…”, „…”) work like straight ones. A query is at
// most MaxRunes characters and MaxClauses words; one that cannot be
// parsed is a *SyntaxError that says where.
package query
