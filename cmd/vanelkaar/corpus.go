package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"sort"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

// corpusSource is where a command reads its corpus from, and within which
// limits: the --corpus folder and the flags that bound reading it.
type corpusSource struct {
	Dir    string
	Limits corpus.Limits
}

// addFlags adds --corpus and the reading limits to a command's flags.
func (s *corpusSource) addFlags(fs *flag.FlagSet, usage string) {
	fs.StringVar(&s.Dir, "corpus", "", usage)
	fs.Int64Var(&s.Limits.MaxFileBytes, "max-file-bytes", corpus.DefaultMaxFileBytes, "largest corpus file read; a larger one is refused unread")
	fs.Int64Var(&s.Limits.MaxTotalBytes, "max-corpus-bytes", corpus.DefaultMaxTotalBytes, "most bytes read from the whole corpus folder")
	fs.BoolVar(&s.Limits.FollowLinks, "follow-links", false, "read symbolic links in the corpus folder whose target stays inside it (default: refuse every link)")
}

// withCorpus calls f with the corpus folder, or the embedded corpus when
// the folder is "". The folder is opened as an os.Root, so that no path in
// it, link or not, reaches a file outside it; it is closed when f returns.
func (s corpusSource) withCorpus(f func(fs.FS)) error {
	if s.Dir == "" {
		f(corpus.Shipped())
		return nil
	}
	root, err := os.OpenRoot(s.Dir)
	if err != nil {
		return fmt.Errorf("corpus folder: %w", err)
	}
	defer root.Close()
	f(root.FS())
	return nil
}

// load loads and validates the corpus (or the embedded one).
func (s corpusSource) load() (c *corpus.Corpus, err error) {
	if oerr := s.withCorpus(func(fsys fs.FS) { c, err = corpus.LoadWith(fsys, s.Limits) }); oerr != nil {
		return nil, oerr
	}
	return c, err
}

// check returns every problem of the corpus.
func (s corpusSource) check() (ps corpus.Problems, err error) {
	err = s.withCorpus(func(fsys fs.FS) {
		var c *corpus.Corpus
		c, ps = corpus.InspectWith(fsys, s.Limits)
		// The synonyms are checked through the Dutch analyzer, which lives
		// in the index package.
		ps = append(ps, index.SynonymProblems(c)...)
		sort.SliceStable(ps, func(i, j int) bool {
			a, b := ps[i], ps[j]
			if a.Path != b.Path {
				return a.Path < b.Path
			}
			return a.Line < b.Line
		})
	})
	return ps, err
}
