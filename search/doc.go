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
// the same. A query is at most MaxQueryRunes characters and MaxClauses
// words; one that cannot be parsed is a *SyntaxError that says where.
// Package query (search/query) holds the language: its tree, parser,
// canonical form and limits.
//
// # Filters
//
// Request.Filters selects facet values: values of one facet are OR-ed,
// facets are AND-ed. Facet counts are disjunctive: each facet is counted
// with the other facets' filters but not its own, so selecting one
// municipality keeps the others' counts visible.
//
// # Ranking
//
// BM25 over every text field with field boosts (index.TextFields: titles
// and headings above quote text above body text), with each field's true
// average length (index.FieldStats), plus a boost for query words that
// stand side by side in the running text. Passages, quotes and people are
// ranked together; filters select without scoring; equal scores keep
// reading order, so results and pages are stable.
//
// # Help with the query
//
// Suggest completes what a user types from the words of the corpus as
// written and from the names of people, municipalities and themes, with
// one typo allowed in words of five letters or more. When a query finds
// little or nothing, Result.Suggestion proposes the query with its unknown
// words replaced by the closest words of the corpus. Request.Group set to
// "municipality" adds the best hits of each municipality (at most
// MaxGroups), to compare peers side by side.
package search
