package bench

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
	"vanelkaar/corpus/corpustest"
	"vanelkaar/corpus/synth"
)

func treebankCorpus(t *testing.T, passages int) *corpus.Corpus {
	t.Helper()
	ss, err := synth.TreebankSentences(corpustest.TreebankDir(t))
	if err != nil {
		t.Fatal(err)
	}
	files, err := synth.GenerateFromSentences(synth.TreebankOptions{Passages: passages, Seed: synth.DefaultSeed, Sentences: ss})
	if err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRareQueries checks each query of the mix against the corpus with a
// plain word match: every word is in at least one and in fewer than 0.1%
// of the passages, two-word queries share a passage, and a filtered word
// is in a passage of that theme.
func TestRareQueries(t *testing.T) {
	lexicon, err := synth.Generate(synth.Options{Passages: 4000, Seed: synth.DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	lc, err := corpus.Load(lexicon)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*corpus.Corpus{"treebank": treebankCorpus(t, 3000), "lexicon": lc} {
		t.Run(name, func(t *testing.T) { checkRareQueries(t, c) })
	}
}

// checkRareQueries checks a corpus's rare mix: each query, the number of
// each kind, no query twice, and the same mix a second time.
func checkRareQueries(t *testing.T, c *corpus.Corpus) {
	var ps []*corpus.Passage
	for _, a := range c.Articles {
		ps = append(ps, a.Passages...)
	}
	qs := RareQueries(c)
	kinds := map[string]int{}
	seen := map[string]bool{}
	for _, q := range qs {
		t.Run(q.String(), func(t *testing.T) { checkRareQuery(t, q, ps) })
		switch {
		case len(q.Filters) > 0:
			kinds["filter"]++
		case strings.Contains(q.Text, " "):
			kinds["pair"]++
		default:
			kinds["word"]++
		}
		words := strings.Fields(q.Text)
		slices.Sort(words)
		key := strings.Join(words, " ") + " " + q.String()[len(q.Text):]
		if seen[key] {
			t.Errorf("%q is in the mix twice (or its words in another order)", q.String())
		}
		seen[key] = true
	}
	for _, k := range []string{"word", "pair", "filter"} {
		if kinds[k] < rarePerKind {
			t.Errorf("%d %s queries, want at least %d (all: %v)", kinds[k], k, rarePerKind, qs)
		}
	}
	if diff := cmp.Diff(qs, RareQueries(c)); diff != "" {
		t.Errorf("a second derivation differs (-first +second):\n%s", diff)
	}
}

// checkRareQuery checks one query with a plain word match: each word is
// in at least one and in fewer than 0.1% of the passages, and one passage
// has all words (and the filter's theme).
func checkRareQuery(t *testing.T, q Query, ps []*corpus.Passage) {
	has := func(p *corpus.Passage, w string) bool {
		return strings.Contains(p.Text, w) && regexp.MustCompile(`(^|[^\pL])`+regexp.QuoteMeta(w)+`($|[^\pL])`).MatchString(p.Text)
	}
	words := strings.Fields(q.Text)
	for _, w := range words {
		n := 0
		for _, p := range ps {
			if has(p, w) {
				n++
			}
		}
		if n == 0 || n*1000 >= len(ps) {
			t.Errorf("%q is in %d of %d passages, want 1 to %d", w, n, len(ps), (len(ps)-1)/1000)
		}
	}
	together := false
	for _, p := range ps {
		all := true
		for _, w := range words {
			all = all && has(p, w)
		}
		if th := q.Filters[facetTheme]; len(th) > 0 {
			all = all && slices.Contains(p.Themes, th[0])
		}
		together = together || all
	}
	if !together {
		t.Errorf("no passage has all of %q with filters %v", q.Text, q.Filters)
	}
	if _, err := ParseQueries(q.String()); err != nil {
		t.Errorf("ParseQueries(%q): %v", q.String(), err)
	}
}

func TestRareQueriesSmallCorpus(t *testing.T) {
	c := treebankCorpus(t, 200)
	if qs := RareQueries(c); len(qs) != 0 {
		t.Errorf("a corpus of 200 passages gave %d rare queries, want none (no word is in fewer than 0.1%% of them)", len(qs))
	}
}
