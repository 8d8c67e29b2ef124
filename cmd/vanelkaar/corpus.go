package main

import (
	"io/fs"
	"os"

	"vanelkaar/corpus"
)

// corpusFS returns the corpus folder, or the embedded corpus when dir is "".
func corpusFS(dir string) fs.FS {
	if dir == "" {
		return corpus.Shipped()
	}
	return os.DirFS(dir)
}

// loadCorpus loads and validates the corpus in dir (or the embedded one).
func loadCorpus(dir string) (*corpus.Corpus, error) {
	return corpus.Load(corpusFS(dir))
}
