// Package index builds the bleve index of a corpus: one document per
// passage, quote and person, with Dutch-analyzed text fields, keyword facet
// fields and a stored record of what a search hit shows.
//
// Build writes the index into a temporary folder next to its destination
// and renames it into place only when it is complete, so a build that fails
// half-way (or a process killed during it) never replaces a good index.
// Builds into one folder take turns under an operating-system file lock.
// Each build stores its Format; Open refuses an index of another format.
//
// A server's index lives through a Builder (rebuilds from the corpus, with
// a temporary folder when the index folder cannot be written) and, with a
// corpus folder, a Watcher that reports changes; search.Reloader swaps each
// new build in.
package index
