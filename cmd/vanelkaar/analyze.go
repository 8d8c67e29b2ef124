package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"vanelkaar/search"
)

// runAnalyze shows what the Dutch analyzer makes of a text: each token with
// its position, byte offsets and indexed terms. Without arguments it reads
// words from standard input, one per line, and prints the terms of each on
// its own line, tab-separated (an empty line for a stop word), so the
// analyzer can be checked against a word list.
func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "analyze", "[--json] [TEXT...]")
	asJSON := fs.Bool("json", false, "print JSON: the object the API answers (one per line when reading standard input)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	an := search.NewAnalyzer()
	if fs.NArg() == 0 {
		return analyzeLines(ctx, e.stdin, e.stdout, an, *asJSON)
	}
	a := an.Analyze(strings.Join(fs.Args(), " "))
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(a)
	}
	return printAnalysis(e.stdout, a)
}

// analyzeLines analyzes each line of r on its own.
func analyzeLines(ctx context.Context, r io.Reader, w io.Writer, an *search.Analyzer, asJSON bool) error {
	out := bufio.NewWriter(w)
	enc := json.NewEncoder(out)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := an.Analyze(sc.Text())
		if asJSON {
			if err := enc.Encode(a); err != nil {
				return err
			}
			continue
		}
		var terms []string
		for _, t := range a.Tokens {
			terms = append(terms, t.Terms...)
		}
		fmt.Fprintln(out, strings.Join(terms, "\t"))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read standard input: %w", err)
	}
	return out.Flush()
}

// printAnalysis prints one token per line, as a table; when a word is a
// compound, a last column holds the terms of its parts ("-" for words
// that are not).
func printAnalysis(w io.Writer, a *search.Analysis) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	parts := false
	for _, t := range a.Tokens {
		parts = parts || len(t.Parts) > 0
	}
	header := "POSITION\tSTART\tEND\tTEXT\tTERMS"
	if parts {
		header += "\tPARTS"
	}
	fmt.Fprintln(tw, header)
	for _, t := range a.Tokens {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%s\t%s", t.Position, t.Start, t.End, t.Text, strings.Join(t.Terms, " "))
		if parts {
			p := strings.Join(t.Parts, " ")
			if p == "" {
				p = "-"
			}
			fmt.Fprintf(tw, "\t%s", p)
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}
