package synth

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"vanelkaar/corpus/corpustest"
)

func treebankSentences(t testing.TB) []string {
	t.Helper()
	s, err := TreebankSentences(corpustest.TreebankDir(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTreebankSentences(t *testing.T) {
	ss := treebankSentences(t)
	if len(ss) < 1000 {
		t.Errorf("%d usable sentences, want at least 1000", len(ss))
	}
	for _, s := range ss {
		if !usableSentence(s) {
			t.Errorf("unusable sentence kept: %q", s)
		}
	}
	if _, err := TreebankSentences(t.TempDir()); err == nil {
		t.Error("a folder without *.conllu files: no error")
	}
}

func TestUsableSentence(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"De gemeente bouwt een nieuwe brug.", true},
		{"De foto's van zo'n brug zijn mooi.", true},
		{",,Mijn basisniveau is flink omhoog gegaan.''", false},
		{"Hij zei: “Dat doen we niet.”", false},
		{"'s Avonds is het stil in de straat.", false},
		{"Een *vette* zin met Markdown erin.", false},
		{"3. Een genummerde regel uit een lijst.", false},
		{"2019 was een goed jaar voor de stad.", true},
		{"Te kort.", false},
	} {
		t.Run(c.s, func(t *testing.T) {
			if got := usableSentence(c.s); got != c.want {
				t.Errorf("usableSentence(%q) = %v, want %v", c.s, got, c.want)
			}
		})
	}
}

func TestGenerateFromSentencesIsDeterministic(t *testing.T) {
	ss := treebankSentences(t)
	opts := TreebankOptions{Passages: 400, Seed: 7, Sentences: ss}
	a, err := GenerateFromSentences(opts)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := GenerateFromSentences(opts)
	if len(a) != len(b) {
		t.Fatalf("two runs made %d and %d files", len(a), len(b))
	}
	for name, f := range a {
		if g := b[name]; g == nil || !bytes.Equal(f.Data, g.Data) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	opts.Seed = 8
	other, _ := GenerateFromSentences(opts)
	for name, f := range a {
		if strings.HasPrefix(name, "artikelen/") && other[name] != nil && bytes.Equal(f.Data, other[name].Data) {
			t.Errorf("%s is the same with seeds 7 and 8", name)
		}
	}
}

// TestGenerateFromSentencesLoads checks the size, that the corpus loads
// without warnings, that its text is the treebank's, and that every quote
// is a real sentence attributed to a fictional speaker.
func TestGenerateFromSentencesLoads(t *testing.T) {
	ss := treebankSentences(t)
	known := map[string]bool{}
	for _, s := range ss {
		known[s] = true
	}
	for _, n := range []int{1, 9, 250, 3000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			files, err := GenerateFromSentences(TreebankOptions{Passages: n, Seed: DefaultSeed, Sentences: ss})
			if err != nil {
				t.Fatal(err)
			}
			c := load(t, files)
			ps := passages(c)
			if len(ps) != n {
				t.Errorf("corpus has %d passages, want %d", len(ps), n)
			}
			real := 0
			for _, p := range ps {
				for _, s := range ss[:200] {
					if strings.Contains(p.Text, s) {
						real++
						break
					}
				}
			}
			if n >= 3000 && real == 0 {
				t.Error("no passage holds one of the first 200 treebank sentences")
			}
			quotes := 0
			for _, a := range c.Articles {
				for _, q := range a.Quotes {
					quotes++
					if q.Speaker == "" || c.Person(q.Speaker) == nil {
						t.Errorf("%s: quote %d has no known speaker: %q", a.Path, q.N, q.Text)
						continue
					}
					if c.Person(q.Speaker).Municipality == "" {
						t.Errorf("%s: quote %d: speaker %s has no municipality", a.Path, q.N, q.Speaker)
					}
					if !known[strings.TrimSpace(q.Text)] && !known[strings.TrimSpace(q.Text)+"."] && !isPrefixOfKnown(q.Text, ss) {
						t.Errorf("%s: quote %d is not a treebank sentence: %q", a.Path, q.N, q.Text)
					}
				}
			}
			if n >= 250 && quotes < n/20 {
				t.Errorf("%d quotes in %d passages", quotes, n)
			}
		})
	}
}

// isPrefixOfKnown accepts a quote whose final punctuation the attribution
// replaced.
func isPrefixOfKnown(q string, ss []string) bool {
	q = strings.TrimRight(strings.TrimSpace(q), ".,;:")
	for _, s := range ss {
		if strings.TrimRight(s, ".;:") == q {
			return true
		}
	}
	return false
}

func TestGenerateFromSentencesRejects(t *testing.T) {
	for _, opts := range []TreebankOptions{
		{Passages: 0, Sentences: []string{"Een zin van een redelijke lengte."}},
		{Passages: 10},
	} {
		if _, err := GenerateFromSentences(opts); err == nil {
			t.Errorf("GenerateFromSentences(%+v): no error", opts)
		}
	}
}
