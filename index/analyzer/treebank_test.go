package analyzer

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"vanelkaar/corpus/corpustest"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/registry"
)

// The treebank tests read the Dutch Universal Dependencies treebanks in the
// shared data folder beside the repository (<repo root>/../shared/data/ud):
// real sentences, each word with its lemma.

// sentence is one treebank sentence: its text and its words.
type sentence struct {
	text  string
	words []word
}

// word is a surface word of a sentence (a multi-word token counts once).
type word struct {
	form, lemma, upos string
}

// readTreebank reads every sentence of every *.conllu file.
func readTreebank(t testing.TB) []sentence {
	t.Helper()
	return readTreebankGlob(t, "*.conllu")
}

// readTreebankGlob reads every sentence of the files matching glob.
func readTreebankGlob(t testing.TB, glob string) []sentence {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpustest.TreebankDir(t), glob))
	if err != nil {
		t.Fatal(err)
	}
	var out []sentence
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		var cur *sentence
		skipTo := 0 // last id of the multi-word token being skipped
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "# text = "):
				out = append(out, sentence{text: strings.TrimPrefix(line, "# text = ")})
				cur = &out[len(out)-1]
				skipTo = 0
			case line == "" || strings.HasPrefix(line, "#") || cur == nil:
			default:
				cols := strings.Split(line, "\t")
				if len(cols) < 4 || strings.Contains(cols[0], ".") {
					continue // empty node
				}
				if _, to, ok := strings.Cut(cols[0], "-"); ok {
					skipTo = atoi(to)
					cur.words = append(cur.words, word{form: cols[1], lemma: cols[2], upos: cols[3]})
					continue
				}
				if atoi(cols[0]) <= skipTo {
					continue
				}
				cur.words = append(cur.words, word{form: cols[1], lemma: cols[2], upos: cols[3]})
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f.Close()
	}
	if len(out) == 0 {
		t.Fatal("no sentences in the treebank")
	}
	return out
}

// onlyStopWords reports whether every word of a treebank form is a stop
// word ("de", "'t", "op-" in "op- en neergaande", "en/of"), or it has none.
func onlyStopWords(form string) bool {
	for _, tk := range (tokenizer{}).Tokenize([]byte(form)) {
		if !IsStopWord(string(tk.Term)) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// checkStream checks the properties every token stream must have: offsets
// inside the input, around valid UTF-8 (so on rune boundaries), positions
// from 1 that never decrease, and non-empty valid terms.
func checkStream(t testing.TB, input []byte, ts analysis.TokenStream) {
	t.Helper()
	last := 0
	for i, tk := range ts {
		if tk.Start < 0 || tk.End > len(input) || tk.Start >= tk.End {
			t.Fatalf("input %q: token %d (%q) has offsets [%d,%d) outside the input of %d bytes",
				input, i, tk.Term, tk.Start, tk.End, len(input))
		}
		if !utf8.Valid(input[tk.Start:tk.End]) {
			t.Fatalf("input %q: token %d covers %q, not whole runes", input, i, input[tk.Start:tk.End])
		}
		if tk.Position < 1 || tk.Position < last {
			t.Fatalf("input %q: token %d (%q) has position %d after %d", input, i, tk.Term, tk.Position, last)
		}
		last = tk.Position
		if len(tk.Term) == 0 || !utf8.Valid(tk.Term) {
			t.Fatalf("input %q: token %d has term %q", input, i, tk.Term)
		}
	}
}

// TestTreebank analyzes every sentence of the treebank and checks that no
// word disappears that is not a stop word: each word with a letter or a
// digit is covered by at least one token.
func TestTreebank(t *testing.T) {
	sents := readTreebank(t)
	index, _ := analyzers(t)
	words, lost := 0, 0
	for _, s := range sents {
		ts := index.Analyze([]byte(s.text))
		checkStream(t, []byte(s.text), ts)
		at := 0
		for _, w := range s.words {
			i := strings.Index(s.text[at:], w.form)
			if i < 0 {
				t.Errorf("sentence %q: word %q not found after byte %d", s.text, w.form, at)
				break
			}
			start, end := at+i, at+i+len(w.form)
			at = end
			if onlyStopWords(w.form) {
				continue
			}
			words++
			covered := false
			for _, tk := range ts {
				if tk.Start < end && tk.End > start {
					covered = true
					break
				}
			}
			if !covered {
				lost++
				if lost <= 20 {
					t.Errorf("sentence %q: word %q [%d,%d) has no token", s.text, w.form, start, end)
				}
			}
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d words have no token", lost, words)
	}
	t.Logf("%d sentences, %d words that are not stop words, each with a token", len(sents), words)
}

// TestTreebankLemmas measures how often a word and its lemma get the same
// term (nouns, verbs and adjectives: "gemeenten" and "gemeente"), which is
// what lets a query in one form find the other, and requires that this
// happens at least as often as with bleve's "nl" analyzer.
func TestTreebankLemmas(t *testing.T) {
	sents := readTreebank(t)
	index, _ := analyzers(t)
	bleveNL, err := registry.NewCache().AnalyzerNamed(nl.AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	meet := func(a analysis.Analyzer, form, lemma string) bool {
		f, l := a.Analyze([]byte(form)), a.Analyze([]byte(lemma))
		return len(f) > 0 && len(l) > 0 && string(f[0].Term) == string(l[0].Term)
	}
	pairs, ours, theirs := 0, 0, 0
	for _, s := range sents {
		for _, w := range s.words {
			switch w.upos {
			case "NOUN", "VERB", "ADJ":
			default:
				continue
			}
			// Alpino writes compound and separable-verb lemmas with "_"
			// ("af_lopen"); the word itself has none.
			lemma := strings.ReplaceAll(w.lemma, "_", "")
			if strings.EqualFold(lemma, w.form) {
				continue
			}
			pairs++
			if meet(index, w.form, lemma) {
				ours++
			}
			if meet(bleveNL, w.form, lemma) {
				theirs++
			}
		}
	}
	t.Logf("inflected nouns, verbs and adjectives that meet their lemma: ours %d of %d (%.1f%%), bleve nl %d (%.1f%%)",
		ours, pairs, 100*float64(ours)/float64(pairs), theirs, 100*float64(theirs)/float64(pairs))
	if ours < theirs {
		t.Errorf("fewer words meet their lemma than with bleve's nl analyzer: %d < %d", ours, theirs)
	}
}
