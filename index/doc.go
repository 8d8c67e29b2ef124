// Package index builds the bleve index of a corpus: one document per
// passage, quote and person, with Dutch-analyzed text fields, keyword facet
// fields and a stored record of what a search hit shows.
//
// Build writes the index into a temporary folder next to its destination
// and renames it into place only when it is complete, so a build that fails
// half-way (or a process killed during it) never replaces a good index.
package index
