package search

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"vanelkaar/corpus"
	"vanelkaar/corpus/corpustest"
	"vanelkaar/corpus/synth"
)

// BenchmarkTreebank measures each class of query on a corpus of real
// Dutch sentences (synth.GenerateFromSentences over the shared treebank),
// whose vocabulary is Zipf-like: a few words in many passages, most in a
// handful. The number of passages is TreebankPassagesEnv (default
// defaultTreebankPassages, quick enough for `go test -bench`); the index is
// built once per run as `vanelkaar serve` builds it. Profile one class with
//
//	VANELKAAR_BENCH_PASSAGES=100000 go test ./search -run '^$' \
//	  -bench 'Treebank/rare-word$' -benchtime 200x -cpuprofile rare.prof
//	go tool pprof -top search.test rare.prof
//
// Every class asks for 10 hits with snippets and the four facets; baseline
// is a bare bleve query for the common words on the body field.
func BenchmarkTreebank(b *testing.B) {
	s, c := treebankSearcher(b)
	rare := rareWords(c)
	if len(rare.words) == 0 {
		b.Skip("the corpus is too small to have rare words")
	}
	theme := map[string][]string{FacetTheme: {rare.theme}}
	cases := []struct {
		name string
		req  Request
	}{
		{"common-words", Request{Query: "eerste partij"}},
		{"common-filtered", Request{Query: "partij", Filters: map[string][]string{FacetKind: {KindPassage}, FacetTheme: {rare.theme}}}},
		{"common-municipality", Request{Query: "gemeente", Filters: map[string][]string{FacetMunicipality: {topMunicipality(s)}}}},
		{"phrase", Request{Query: `"tweede wereldoorlog"`}},
		{"rare-word", Request{Query: rare.words[0]}},
		{"rare-pair", Request{Query: rare.words[0] + " " + rare.partner}},
		{"rare-filtered", Request{Query: rare.words[0], Filters: theme}},
		{"rare-words-any", Request{Query: rare.words[0] + " " + rare.words[1] + " " + rare.words[2]}},
		{"filters-only", Request{Filters: map[string][]string{FacetTheme: {rare.theme}, FacetKind: {KindQuote}}}},
		{"grouped", Request{Query: "partij", Group: GroupMunicipality}},
		// No document has every word and filter: the relaxations' counts
		// and the any-word ranking (bench's common mix asks it).
		{"common-relaxed", Request{Query: "leren van elkaar", Filters: map[string][]string{FacetKind: {KindQuote}}}},
		// Words rare as forms whose stems are common (bench's rare mix).
		{"common-stems-pair", Request{Query: "wateren stuks"}},
	}
	b.Run("baseline", func(b *testing.B) { benchBaseline(b, s, "eerste partij") })
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			benchSearch(b, s, tc.req, func(res *Result) bool { return res.Total > 0 })
		})
	}
}

// BenchmarkTreebankOpen measures Open of the treebank corpus's index,
// which reads the columns of every document: serve waits for it.
func BenchmarkTreebankOpen(b *testing.B) {
	s, _ := treebankSearcher(b)
	dir := ""
	for name, d := range benchDirs {
		if benchIndexes[name] == s {
			dir = d
		}
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		o, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		o.Close()
	}
	reportCPU(b, cpu)
}

// TreebankPassagesEnv sets the size of BenchmarkTreebank's corpus.
const TreebankPassagesEnv = "VANELKAAR_BENCH_PASSAGES"

const defaultTreebankPassages = 5000

// treebankSearcher builds (once per run) and opens the treebank corpus's
// index, and returns the corpus too.
func treebankSearcher(b *testing.B) (*Searcher, *corpus.Corpus) {
	n := defaultTreebankPassages
	if v := os.Getenv(TreebankPassagesEnv); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("%s=%q: want a number of passages", TreebankPassagesEnv, v)
		}
	}
	sentences, err := synth.TreebankSentences(corpustest.TreebankDir(b))
	if err != nil {
		b.Fatal(err)
	}
	gen := func() fs.FS {
		files, err := synth.GenerateFromSentences(synth.TreebankOptions{Passages: n, Seed: synth.DefaultSeed, Sentences: sentences})
		if err != nil {
			b.Fatal(err)
		}
		return files
	}
	c, err := corpus.Load(gen())
	if err != nil {
		b.Fatal(err)
	}
	return benchSearcher(b, "treebank-"+strconv.Itoa(n), gen), c
}

// rareSet is what the rare classes search for: words in fewer than 0.1%
// of the passages (at least one), a partner in a passage of the first,
// and a theme of a passage that has the first.
type rareSet struct {
	words   []string
	partner string
	theme   string
}

// rareWords picks rare words of c the way bench's rare mix does: lower-case
// words of at least five letters, ordered by passage count and then
// alphabetically, taken from the middle of that order.
func rareWords(c *corpus.Corpus) rareSet {
	var ps []*corpus.Passage
	for _, a := range c.Articles {
		ps = append(ps, a.Passages...)
	}
	df := map[string]int{}
	words := make([][]string, len(ps))
	for i, p := range ps {
		for _, w := range strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || utf8.RuneCountInString(w) < 5 || slices.Contains(words[i], w) {
				continue
			}
			words[i] = append(words[i], w)
			df[w]++
		}
	}
	limit := max(2, len(ps)/1000)
	var cands []string
	for w, n := range df {
		if n < limit {
			cands = append(cands, w)
		}
	}
	slices.SortFunc(cands, func(a, b string) int {
		if df[a] != df[b] {
			return df[a] - df[b]
		}
		return strings.Compare(a, b)
	})
	var out rareSet
	for _, w := range cands[len(cands)/2:] {
		for i, ws := range words {
			if !slices.Contains(ws, w) || len(ps[i].Themes) == 0 {
				continue
			}
			for _, o := range ws {
				if o != w && df[o] < limit && out.partner == "" {
					out.words, out.partner, out.theme = []string{w}, o, ps[i].Themes[0]
				}
			}
		}
		if out.partner != "" {
			break
		}
	}
	if out.partner == "" {
		return rareSet{}
	}
	for _, w := range cands[len(cands)/2+1:] {
		if len(out.words) == 3 {
			break
		}
		if w != out.words[0] && w != out.partner {
			out.words = append(out.words, w)
		}
	}
	return out
}

// topMunicipality is the municipality with the most documents.
func topMunicipality(s *Searcher) string {
	res, err := s.Search(context.Background(), Request{Size: 1})
	if err != nil || len(res.Facets[FacetMunicipality]) == 0 {
		return ""
	}
	return res.Facets[FacetMunicipality][0].Value
}
