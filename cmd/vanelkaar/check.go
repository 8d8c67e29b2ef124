package main

import (
	"context"
	"fmt"
	"path/filepath"

	"vanelkaar/corpus"
)

// runCheck validates a corpus and prints every problem as path:line: message.
func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "check", "[--corpus DIR]")
	dir := fs.String("corpus", "", "corpus folder (default: the embedded corpus)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	problems := corpus.Check(corpusFS(*dir))
	errs, warns := 0, 0
	for _, p := range problems {
		if *dir != "" {
			p.Path = filepath.Join(*dir, filepath.FromSlash(p.Path))
		}
		fmt.Fprintln(e.stdout, p.String())
		if p.Severity == corpus.Error {
			errs++
		} else {
			warns++
		}
	}
	if errs > 0 {
		fmt.Fprintf(e.stderr, "%d errors, %d warnings\n", errs, warns)
		return exitError{1}
	}
	if warns > 0 {
		fmt.Fprintf(e.stderr, "no errors, %d warnings\n", warns)
	}
	return nil
}
