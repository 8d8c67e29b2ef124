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
	var src corpusSource
	src.addFlags(fs, "corpus folder (default: the embedded corpus)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	// Reading is bounded by the limits, but the command still stops at
	// once on SIGTERM or Ctrl-C rather than finish a large corpus.
	type checked struct {
		ps  corpus.Problems
		err error
	}
	done := make(chan checked, 1)
	go func() {
		ps, err := src.check()
		done <- checked{ps, err}
	}()
	var problems corpus.Problems
	select {
	case <-ctx.Done():
		fmt.Fprintln(e.stderr, "check: stopped")
		return exitError{130}
	case c := <-done:
		if c.err != nil {
			return c.err
		}
		problems = c.ps
	}
	errs, warns := 0, 0
	for _, p := range problems {
		if src.Dir != "" {
			p.Path = filepath.Join(src.Dir, filepath.FromSlash(p.Path))
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
