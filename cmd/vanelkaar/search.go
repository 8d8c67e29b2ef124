package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"vanelkaar/index"
	"vanelkaar/search"
)

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// runSearch searches from the command line: text with highlights for a
// terminal, or with --json the same object the API answers.
func runSearch(ctx context.Context, e *env, args []string) error {
	usage := "[--json] [--exact]"
	for _, f := range search.FacetList() {
		usage += " [--" + f.ID + " ID]"
	}
	fs := newFlags(e, "search", usage+" QUERY...")
	asJSON := fs.Bool("json", false, "print the result as JSON, as the API does")
	var src corpusSource
	src.addFlags(fs, "corpus folder (default: the embedded corpus)")
	indexDir := fs.String("index", "", "search this index folder instead of indexing the corpus")
	page := fs.Int("page", 1, "page of results")
	size := fs.Int("size", search.DefaultSize, "results per page")
	sortBy := fs.String("sort", "", "relevance or article (reading order)")
	group := fs.String("group", "", "municipality: group the hits per municipality")
	exact := fs.Bool("exact", false, "search only the words as typed: no synonyms or other spellings")
	filters := map[string]*listFlag{}
	for _, f := range search.FacetList() {
		filters[f.ID] = &listFlag{}
		fs.Var(filters[f.ID], f.ID, "filter on "+strings.ToLower(f.Values)+" (repeatable; values are OR-ed)")
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	req := search.Request{Query: strings.Join(fs.Args(), " "), Page: *page, Size: *size, Sort: *sortBy, Group: *group, Exact: *exact}
	for f, l := range filters {
		if len(*l) > 0 {
			if req.Filters == nil {
				req.Filters = map[string][]string{}
			}
			req.Filters[f] = *l
		}
	}
	s, err := openSearcher(ctx, src, *indexDir)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.Search(ctx, req)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printResult(e.stdout, res, isTerminal(e.stdout))
	return nil
}

// openSearcher opens an index folder, or indexes the corpus in memory.
func openSearcher(ctx context.Context, src corpusSource, indexDir string) (*search.Searcher, error) {
	if indexDir != "" {
		return search.Open(indexDir)
	}
	c, err := src.load()
	if err != nil {
		return nil, err
	}
	idx, err := index.NewMemOnly(ctx, c)
	if err != nil {
		return nil, err
	}
	return search.New(idx)
}

func printResult(w io.Writer, res *search.Result, color bool) {
	open, close := "[", "]"
	if color {
		open, close = "\x1b[1;33m", "\x1b[0m"
	}
	switch {
	case res.Total == 0:
		fmt.Fprintln(w, "Geen resultaten.")
	case res.Match == search.MatchAny:
		fmt.Fprintf(w, "Geen resultaten met alle woorden; %d met een deel ervan.\n", res.Total)
	default:
		fmt.Fprintf(w, "%d resultaten\n", res.Total)
	}
	if res.Suggestion != "" {
		fmt.Fprintf(w, "Bedoelde u: %s?\n", res.Suggestion)
	}
	for _, x := range res.Expansions {
		fmt.Fprintf(w, "Ook gezocht op: %s (voor %s)\n", strings.Join(x.Also, ", "), x.Words)
	}
	for _, r := range res.Relaxations {
		without := r.WithoutWord
		if r.WithoutFacet != "" {
			without = "filter " + r.WithoutFacet
		}
		fmt.Fprintf(w, "Wel %d zonder %s: %s\n", r.Total, without, r.Request().String())
	}
	for i, h := range res.Hits {
		n := (res.Page-1)*res.Size + i + 1
		fmt.Fprintf(w, "\n%d. [%s] %s\n", n, h.Kind, h.Title)
		if h.Speaker != nil && h.Kind != search.KindPerson {
			fmt.Fprintf(w, "   %s, %s\n", h.Speaker.Name, h.Speaker.Role)
		}
		fmt.Fprintf(w, "   %s\n", h.Fragment().Text(open, close))
		if h.URL != "" {
			fmt.Fprintf(w, "   %s\n", h.URL)
		}
	}
	for _, g := range res.Groups {
		fmt.Fprintf(w, "\n== %s (%d)\n", g.Label, g.Total)
		for _, h := range g.Hits {
			fmt.Fprintf(w, "   [%s] %s: %s\n", h.Kind, h.Title, h.Fragment().Text(open, close))
		}
	}
}

// isTerminal reports whether w is a character device.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
