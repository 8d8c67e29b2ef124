package main

import (
	"context"
	"fmt"

	"vanelkaar/index"
)

// runIndex builds an index folder from a corpus.
func runIndex(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "index", "[--corpus DIR] --out DIR")
	var src corpusSource
	src.addFlags(fs, "corpus folder (default: the embedded corpus)")
	out := fs.String("out", "", "index folder to build into (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	c, err := src.load()
	if err != nil {
		return err
	}
	path, err := index.Build(ctx, c, *out, &index.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "indexed %d articles and %d people into %s\n", len(c.Articles), len(c.People), path)
	return nil
}
