package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"vanelkaar/corpus"
)

// runImport turns the plain text of an article into a corpus Markdown file.
func runImport(ctx context.Context, e *env, args []string) error {
	fset := newFlags(e, "import", "--part N [--slug S] [--series S] [--parts N] [--source-url URL] [--author NAME]... [--corpus DIR | --out FILE] FILE|-")
	var meta corpus.ImportMeta
	var authors listFlag
	fset.StringVar(&meta.Slug, "slug", "", "the article's slug (default: made from its title)")
	fset.StringVar(&meta.Series, "series", "", "the series' name")
	fset.IntVar(&meta.Part, "part", 0, "the article's part in the series (required)")
	fset.IntVar(&meta.Parts, "parts", 0, "the number of parts of the series")
	fset.StringVar(&meta.SourceURL, "source-url", "", "where the article was published")
	fset.StringVar(&meta.Published, "published", "", "publication date as YYYY-MM-DD, only when the source gives one")
	fset.Var(&authors, "author", "an author (repeatable)")
	dir := fset.String("corpus", "", "write the article into this corpus folder's artikelen/")
	out := fset.String("out", "", "write the Markdown to this file (- for standard output)")
	force := fset.Bool("force", false, "overwrite an existing article file")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if fset.NArg() != 1 || (*dir == "") == (*out == "") {
		fmt.Fprintln(e.stderr, "vanelkaar import: give one text FILE (or - for standard input) and either --corpus DIR or --out FILE")
		fset.Usage()
		return errUsage
	}
	meta.Authors = authors
	var src []byte
	var err error
	if name := fset.Arg(0); name == "-" {
		src, err = io.ReadAll(e.stdin)
	} else {
		src, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	md, a, problems, err := corpus.FromText(string(src), meta)
	if err != nil {
		return err
	}
	if problems.HasErrors() {
		return problems
	}
	if *out == "-" {
		_, err := io.WriteString(e.stdout, md)
		return err
	}
	path := *out
	if *dir != "" {
		path = filepath.Join(*dir, corpus.ArticlesDir, fmt.Sprintf("%02d-%s.md", a.Part, a.Slug))
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if *force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists: give --force to overwrite it", path)
	}
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, md); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", path)
	if *dir != "" {
		// The article must fit the corpus it joins: its themes, people and
		// quotes are checked as `vanelkaar check` would.
		for _, p := range corpus.Check(os.DirFS(*dir)) {
			p.Path = filepath.Join(*dir, filepath.FromSlash(p.Path))
			fmt.Fprintln(e.stdout, p.String())
		}
	}
	return nil
}
