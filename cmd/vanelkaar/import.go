package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"vanelkaar/corpus"
)

// importConfig is what `vanelkaar import` is asked to do.
type importConfig struct {
	dir, out string
	force    bool
	series   bool
	format   corpus.Format
	meta     corpus.ImportMeta
	sources  []string
	fetch    *fetcher
}

// runImport turns articles from saved pages, URLs, WordPress exports or
// plain text into corpus Markdown files, and with --series imports every
// part the corpus's series file lists.
func runImport(ctx context.Context, e *env, args []string) error {
	fset := newFlags(e, "import", "[--corpus DIR | --out FILE] [--force] [--format auto|html|wordpress|text] [--part N] [--slug S] ... SOURCE...\n"+
		"       vanelkaar import --series --corpus DIR [--force]\n\n"+
		"A SOURCE is a saved HTML page, an http(s):// address, a WordPress REST posts dump or WXR export,\n"+
		"or the plain text of an article (- for standard input). The format is read from the content.")
	var cfg importConfig
	var authors, themes listFlag
	format := fset.String("format", "auto", "the sources' format: auto, html, wordpress or text")
	fset.StringVar(&cfg.meta.Slug, "slug", "", "the article's slug (default: made from its title)")
	fset.StringVar(&cfg.meta.Title, "title", "", "the article's title (default: the page's)")
	fset.StringVar(&cfg.meta.Series, "series-name", "", "the series' name (default: the page's, or the series file's)")
	fset.IntVar(&cfg.meta.Part, "part", 0, "the article's part in the series (default: what the title or address says)")
	fset.IntVar(&cfg.meta.Parts, "parts", 0, "the number of parts of the series")
	fset.StringVar(&cfg.meta.SourceURL, "source-url", "", "where the article was published (default: the page's canonical address)")
	fset.StringVar(&cfg.meta.Published, "published", "", "publication date as YYYY-MM-DD (default: the page's; never guessed)")
	fset.Var(&authors, "author", "an author (repeatable; default: the page's)")
	fset.Var(&themes, "theme", "an article-level theme id (repeatable)")
	fset.StringVar(&cfg.dir, "corpus", "", "write the articles into this corpus folder's artikelen/ and check the corpus")
	fset.StringVar(&cfg.out, "out", "", "write the Markdown to this file (- for standard output)")
	fset.BoolVar(&cfg.force, "force", false, "overwrite an article file that was written or edited by hand")
	fset.BoolVar(&cfg.series, "series", false, "import every part listed in the corpus's "+corpus.SeriesFile+" that is missing or changed")
	timeout := fset.Duration("timeout", defaultFetchTimeout, "how long to wait for a page")
	maxBytes := fset.Int64("max-bytes", defaultFetchBytes, "the largest page fetched, in bytes")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	f, err := corpus.ParseFormat(*format)
	if err != nil {
		fmt.Fprintln(e.stderr, "vanelkaar import:", err)
		return errUsage
	}
	cfg.format, cfg.sources = f, fset.Args()
	cfg.meta.Authors, cfg.meta.Themes = authors, themes
	switch {
	case (cfg.dir == "") == (cfg.out == ""):
		fmt.Fprintln(e.stderr, "vanelkaar import: give either --corpus DIR or --out FILE")
	case cfg.series && (cfg.dir == "" || len(cfg.sources) > 0):
		fmt.Fprintln(e.stderr, "vanelkaar import: --series takes --corpus DIR and no SOURCE")
	case cfg.out != "" && len(cfg.sources) > 1:
		fmt.Fprintln(e.stderr, "vanelkaar import: --out takes one SOURCE; use --corpus DIR for several")
	case !cfg.series && len(cfg.sources) == 0:
		fmt.Fprintln(e.stderr, "vanelkaar import: give at least one SOURCE (a file, an http(s) address, or - for standard input)")
	default:
		cfg.fetch = newFetcher(*timeout, *maxBytes)
		return cfg.run(ctx, e)
	}
	fset.Usage()
	return errUsage
}

// job is one source to import, with the metadata that goes with it.
type job struct {
	source string
	meta   corpus.ImportMeta
	// fromSeries: the source is listed in the series file; a file kept
	// because it was written by hand does not fail the run.
	fromSeries bool
}

// run imports every source (or every part of the series file), writes the
// articles, and reports what the corpus could not resolve.
func (cfg *importConfig) run(ctx context.Context, e *env) error {
	jobs := make([]job, 0, len(cfg.sources))
	var series *corpus.Series
	if cfg.series {
		var err error
		if jobs, series, err = cfg.seriesJobs(e); err != nil {
			return err
		}
	} else {
		for _, s := range cfg.sources {
			jobs = append(jobs, job{source: s, meta: cfg.meta})
		}
	}
	r := &importRun{existing: map[string]string{}, have: map[int]bool{}}
	if cfg.dir != "" {
		r.existing = articlesBySource(filepath.Join(cfg.dir, corpus.ArticlesDir))
	}
	for _, j := range jobs {
		if err := cfg.runJob(ctx, e, j, r); err != nil {
			return err
		}
	}
	if series != nil {
		reportSeriesLinks(e.stdout, series, r.links, r.have)
	}
	if cfg.dir != "" && len(r.written) > 0 && cfg.report(e, r.written) {
		r.failed = true
	}
	if r.failed {
		return exitError{1}
	}
	return nil
}

// seriesJobs reads the corpus's series file into one job per part, with
// the part's metadata over the flags'.
func (cfg *importConfig) seriesJobs(e *env) ([]job, *corpus.Series, error) {
	s, ps := corpus.ReadSeries(os.DirFS(cfg.dir))
	for _, p := range ps {
		p.Path = filepath.Join(cfg.dir, p.Path)
		fmt.Fprintln(e.stdout, p.String())
	}
	if ps.HasErrors() {
		return nil, nil, exitError{1}
	}
	if s == nil {
		return nil, nil, fmt.Errorf("%s has no %s: list the series' parts there (see README, \"Add parts 2-7 of the series\")", cfg.dir, corpus.SeriesFile)
	}
	var jobs []job
	for _, it := range s.Items {
		m := cfg.meta
		m.Series, m.Parts = firstNonEmpty(m.Series, s.Name), s.Parts
		if it.Part > 0 {
			m.Part = it.Part
		}
		if it.Slug != "" {
			m.Slug = it.Slug
		}
		if len(it.Themes) > 0 {
			m.Themes = it.Themes
		}
		src := it.URL
		if src == "" {
			src = filepath.Join(cfg.dir, filepath.FromSlash(it.File))
			// A saved page is read like the corpus: a regular file,
			// never a link that could lead out of the folder.
			if fi, err := os.Lstat(src); err == nil && !fi.Mode().IsRegular() {
				return nil, nil, fmt.Errorf("%s: not a regular file (a symbolic link or a special file): save the page there", src)
			}
		}
		jobs = append(jobs, job{source: src, meta: m, fromSeries: true})
	}
	return jobs, s, nil
}

// importRun is what an import run has done so far.
type importRun struct {
	failed   bool
	existing map[string]string // source_url -> file, of the corpus's articles
	written  []string
	links    []corpus.PageLink
	have     map[int]bool // parts imported in this run
}

// runJob imports one job's articles and writes them; a failure is
// reported and marks the run failed, except where one article cannot go
// to --out, which ends the run.
func (cfg *importConfig) runJob(ctx context.Context, e *env, j job, r *importRun) error {
	ims, err := cfg.importOne(ctx, e, j)
	if err != nil {
		msg := err.Error()
		if j.fromSeries {
			msg = strings.ReplaceAll(msg, "give --part N", "add part: N to its entry in "+filepath.Join(cfg.dir, corpus.SeriesFile))
		}
		fmt.Fprintf(e.stderr, "vanelkaar import: %s: %s\n", j.source, msg)
		r.failed = true
	}
	if cfg.out != "" && len(ims) > 1 {
		fmt.Fprintf(e.stderr, "vanelkaar import: %s holds %d articles: use --corpus DIR to write them all\n", j.source, len(ims))
		return exitError{1}
	}
	for _, im := range ims {
		if im.Problems.HasErrors() {
			fmt.Fprintf(e.stderr, "vanelkaar import: %s: the article does not check:\n%v\n", j.source, im.Problems)
			r.failed = true
			continue
		}
		path, ok, err := cfg.write(e, im, r.existing, j.fromSeries)
		if err != nil {
			fmt.Fprintf(e.stderr, "vanelkaar import: %v\n", err)
			r.failed = true
			continue
		}
		if !ok {
			r.failed = r.failed || !j.fromSeries
		}
		if path != "" {
			r.written = append(r.written, path)
			r.existing[sourceKey(im.Article.SourceURL)] = path
		}
		r.links = append(r.links, im.Links...)
		r.have[im.Article.Part] = true
	}
	return nil
}

// importOne reads one source (a file, an address, or standard input) and
// imports it.
func (cfg *importConfig) importOne(ctx context.Context, e *env, j job) ([]corpus.Imported, error) {
	var (
		src     []byte
		pageURL string
		err     error
	)
	switch {
	case j.source == "-":
		src, err = io.ReadAll(e.stdin)
	case isURL(j.source):
		src, pageURL, err = cfg.fetch.fetch(ctx, j.source)
		// The address as asked stays the article's, unless the page
		// names its canonical one.
		if err == nil && j.meta.SourceURL == "" && j.fromSeries {
			pageURL = j.source
		}
	default:
		src, err = os.ReadFile(j.source)
	}
	if err != nil {
		return nil, err
	}
	return corpus.Import(src, cfg.format, pageURL, j.meta)
}

// write writes one imported article: to --out, or into the corpus where
// the file of the same source address is, or a new file. It says what it
// did, and reports whether the article is in place (false when a file was
// kept).
func (cfg *importConfig) write(e *env, im corpus.Imported, existing map[string]string, fromSeries bool) (string, bool, error) {
	if cfg.out == "-" {
		_, err := io.WriteString(e.stdout, im.Markdown)
		return "", true, err
	}
	path := cfg.out
	if cfg.dir != "" {
		path = existing[sourceKey(im.Article.SourceURL)]
		if path == "" || im.Article.SourceURL == "" {
			path = filepath.Join(cfg.dir, corpus.ArticlesDir, corpus.FileName(im.Article.Part, im.Article.Slug))
		}
	}
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", false, err
	}
	state := corpus.CompareImport(old, im.Markdown)
	if old == nil {
		state = corpus.ImportNew
	}
	verb := "wrote"
	switch state {
	case corpus.ImportUnchanged:
		fmt.Fprintf(e.stdout, "unchanged %s\n", path)
		return "", true, nil
	case corpus.ImportChanged:
		verb = "updated"
	case corpus.ImportEdited, corpus.ImportNotImported:
		why := "it was edited by hand since its import (its content no longer matches its import_hash)"
		if state == corpus.ImportNotImported {
			why = "it was written by hand (it has no import_hash)"
		}
		if !cfg.force {
			fmt.Fprintf(e.stdout, "kept %s: %s; give --force to overwrite it with the import of %s\n", path, why, firstNonEmpty(im.Article.SourceURL, im.Article.Title))
			return "", false, nil
		}
		verb = "overwrote"
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", false, err
	}
	if err := writeFileAtomic(path, []byte(im.Markdown)); err != nil {
		return "", false, err
	}
	fmt.Fprintf(e.stdout, "%s %s\n", verb, path)
	return path, true, nil
}

// writeFileAtomic writes through a temporary file and a rename, so an
// interrupted import never leaves half an article.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".import-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// articlesBySource maps the source address of each article file in dir to
// the file.
func articlesBySource(dir string) map[string]string {
	m := map[string]string{}
	entries, _ := os.ReadDir(dir)
	for _, en := range entries {
		if en.IsDir() || filepath.Ext(en.Name()) != ".md" {
			continue
		}
		p := filepath.Join(dir, en.Name())
		src, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		a, _ := corpus.ParseArticle(en.Name(), src)
		if a != nil && a.SourceURL != "" {
			m[sourceKey(a.SourceURL)] = p
		}
	}
	return m
}

// sourceKey compares addresses without their scheme and final slash.
func sourceKey(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// reportSeriesLinks lists the parts of the series the imported pages link
// to that the series file does not list yet, ready to paste into it.
func reportSeriesLinks(w io.Writer, s *corpus.Series, links []corpus.PageLink, parts map[int]bool) {
	listed := map[string]bool{}
	for _, it := range s.Items {
		listed[sourceKey(it.URL)] = true
		parts[it.Part] = true
	}
	found := map[int]string{}
	for _, l := range links {
		part, parts2 := corpus.SeriesPart(l.Text, l.URL)
		if part == 0 || parts2 != s.Parts || listed[sourceKey(l.URL)] || parts[part] || found[part] != "" {
			continue
		}
		found[part] = l.URL
	}
	if len(found) == 0 {
		return
	}
	nums := make([]int, 0, len(found))
	for p := range found {
		nums = append(nums, p)
	}
	sort.Ints(nums)
	fmt.Fprintf(w, "\nThe pages link to parts that %s does not list; add them to import them too:\n", corpus.SeriesFile)
	for _, p := range nums {
		fmt.Fprintf(w, "  - part: %d\n    url: %s\n", p, found[p])
	}
}

// report runs the corpus check and lists what the corpus could not
// resolve in the written articles. It returns whether the check found
// errors.
func (cfg *importConfig) report(e *env, written []string) bool {
	problems := corpus.Check(os.DirFS(cfg.dir))
	for _, p := range problems {
		if p.Severity == corpus.Error {
			p.Path = filepath.Join(cfg.dir, filepath.FromSlash(p.Path))
			fmt.Fprintln(e.stdout, p.String())
		}
	}
	if problems.HasErrors() {
		fmt.Fprintln(e.stdout, "The corpus does not check: fix the errors above, then run vanelkaar check.")
		return true
	}
	c, err := corpus.Load(os.DirFS(cfg.dir))
	if err != nil {
		fmt.Fprintln(e.stdout, err)
		return true
	}
	var arts []*corpus.Article
	for _, p := range written {
		rel, _ := filepath.Rel(cfg.dir, p)
		for _, a := range c.Articles {
			if a.Path == filepath.ToSlash(rel) {
				arts = append(arts, a)
			}
		}
	}
	u := c.Unresolved(arts...)
	at := func(path string, line int) string {
		return fmt.Sprintf("%s:%d", filepath.Join(cfg.dir, filepath.FromSlash(path)), line)
	}
	if len(u.People) > 0 {
		fmt.Fprintf(e.stdout, "\nPeople named but not in %s (complete these entries and add them):\n\n", corpus.PeopleFile)
		for _, p := range u.People {
			p.Path = filepath.Join(cfg.dir, filepath.FromSlash(p.Path))
			fmt.Fprint(e.stdout, p.YAML())
		}
	}
	if len(u.Municipalities) > 0 {
		fmt.Fprintf(e.stdout, "\nMunicipalities mentioned but not in %s:\n\n", corpus.MunicipalitiesFile)
		for _, m := range u.Municipalities {
			m.Path = filepath.Join(cfg.dir, filepath.FromSlash(m.Path))
			fmt.Fprint(e.stdout, m.YAML())
		}
	}
	if len(u.Quotes) > 0 {
		fmt.Fprintf(e.stdout, "\nQuotes without a speaker (write {spreker=ID} after the closing quotation mark, or {geen-citaat}):\n\n")
		for _, q := range u.Quotes {
			fmt.Fprintf(e.stdout, "%s: %s\n", at(q.Article.Path, q.Line), corpus.Preview(q.Text))
		}
	}
	if len(u.People)+len(u.Municipalities)+len(u.Quotes) == 0 {
		fmt.Fprintln(e.stdout, "\nEvery person, municipality and quote of the imported articles is resolved.")
	}
	return false
}
