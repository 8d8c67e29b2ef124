package search

// The query cost budget: every way a query can grow its work has a named
// limit, so that any query on any corpus the corpus size limits allow
// (corpus.DefaultMaxFileBytes per article, corpus.DefaultMaxTotalBytes in
// all) is answered within a bound that the tests measure (see
// budget_test.go and SECURITY.md). The request timeout of the server is
// the last line of defence, not the first.
//
//   - words and operators per query: query.MaxClauses, query.MaxRunes;
//   - prefixes while typing: maxPrefixTerms terms for the open word
//     (instant.go);
//   - typo variants: maxCorrectedWords words corrected per query for
//     did-you-mean, each compared with at most maxTypoCandidates words of
//     the vocabulary;
//   - page × size: MaxResultWindow hits deep, besides MaxPage and MaxSize;
//   - article pages: corpus.PassagesPerPage passages each.
const (
	// MaxResultWindow bounds page × size: bleve keeps page × size hits
	// in memory to return the last size of them.
	MaxResultWindow = MaxPage * DefaultSize
	// maxCorrectedWords bounds the unknown words did-you-mean corrects in
	// one query; the rest are left as typed.
	maxCorrectedWords = 8
	// maxTypoCandidates bounds the edit distances computed to correct one
	// word.
	maxTypoCandidates = 20000
)
