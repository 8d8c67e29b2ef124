// Package search answers search requests from a vanelkaar index: parsing
// the user's query, translating it to bleve, counting facets and cutting
// snippets. The CLI and the HTTP API share its Request and Result types, so
// neither holds search logic.
//
// # Query syntax
//
// A query is words, and all of them must match (in any inflected form:
// "gemeentes" finds "gemeenten"). When no result has every word, results
// with some of them are shown, ranked lower, and Result.Match says "any".
//
//	inclusie digitaal        both words
//	"verantwoord datagebruik" the words side by side, in this order
//	data -privacy            "data" but not "privacy"
//	-"smart city"            leave out a phrase
//	mobiliteit OR energie    either word
//
// Typographic quotes (“…”, „…”) work like straight ones. There are no
// wildcards, regular expressions or field names: every query costs about
// the same. A query is at most 256 characters and 16 words; one that cannot
// be parsed is a *SyntaxError that says where.
//
// # Filters
//
// Request.Filters selects facet values: values of one facet are OR-ed,
// facets are AND-ed. Facet counts are disjunctive: each facet is counted
// with the other facets' filters but not its own, so selecting one
// municipality keeps the others' counts visible.
package search
