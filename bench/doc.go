// Package bench measures vanelkaar's search side by side with PostgreSQL's
// "dutch" full-text search and SQLite FTS5, on the same documents and the
// same queries.
//
// Every engine gets the documents vanelkaar indexes (passages, quotes and
// people, from index.Documents) and answers each query of a fixed list the
// way the search API does: the ten best hits with a highlighted snippet,
// the total number of matches, and disjunctive facet counts for theme,
// municipality, role and kind under the query's filters. Latencies are
// measured in this process, in rounds that take the engines in turn, so
// that a noisy machine slows all of them alike; the report gives each
// engine's latency as a ratio to vanelkaar's in the same run.
//
// What differs between the engines, and so in their matches:
//   - vanelkaar analyzes with its Dutch analyzer and ranks with BM25 and
//     per-field boosts; it falls back to any word when no document has all.
//   - PostgreSQL uses to_tsvector('dutch', ...) (Snowball's older Dutch
//     stemmer and stop words) in one weighted tsvector, ts_rank and
//     ts_headline, and counts facets with GROUP BY.
//   - SQLite FTS5 has no Dutch stemmer: unicode61 with diacritics removed
//     matches exact word forms only; bm25() with the same field weights as
//     vanelkaar, snippet() for the highlights.
package bench
