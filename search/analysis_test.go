package search

import (
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

// These tests search real indexes, built with the Dutch analyzer, for the
// spellings that the analyzer makes meet.

func loadCorpus(t *testing.T, dir string) *corpus.Corpus {
	t.Helper()
	fsys := corpus.Shipped()
	if dir != "" {
		fsys = os.DirFS(dir)
	}
	c, err := corpus.Load(fsys)
	if err != nil {
		t.Fatalf("load corpus %q: %v", dir, err)
	}
	return c
}

// memSearcher indexes a corpus in memory.
func memSearcher(t *testing.T, c *corpus.Corpus) *Searcher {
	t.Helper()
	idx, err := index.NewMemOnly(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(idx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// searchAll returns every hit of a query among documents of one kind.
func searchAll(t *testing.T, s *Searcher, query, kind string) map[string]Hit {
	t.Helper()
	hits := map[string]Hit{}
	for page := 1; ; page++ {
		res, err := s.Search(context.Background(), Request{
			Query: query, Filters: map[string][]string{FacetKind: {kind}}, Page: page, Size: MaxSize,
		})
		if err != nil {
			t.Fatalf("search %q: %v", query, err)
		}
		for _, h := range res.Hits {
			hits[h.ID] = h
		}
		if uint64(page*MaxSize) >= res.Total {
			return hits
		}
	}
}

// marked returns the words a hit's snippet marks.
func marked(h Hit) []string {
	var out []string
	for _, p := range h.Fragment().Parts {
		if p.Mark {
			out = append(out, p.Text)
		}
	}
	return out
}

// passagesWith returns the ids of the passages whose text has word.
func passagesWith(c *corpus.Corpus, word string) []string {
	re := regexp.MustCompile(`(?i)(^|[^\pL\pN])` + regexp.QuoteMeta(word) + `($|[^\pL\pN])`)
	var ids []string
	for _, a := range c.Articles {
		for _, p := range a.Passages {
			if re.MatchString(p.Text) {
				ids = append(ids, index.PassageID(a.Slug, p.Anchor))
			}
		}
	}
	return ids
}

// TestInflectedQueries: on the shipped corpus, a query in one form finds
// every passage with another form of the word in its text, and the snippet
// marks it (so the match is in the passage itself, not only in the
// article title every passage shares).
func TestInflectedQueries(t *testing.T) {
	c := loadCorpus(t, "")
	s := memSearcher(t, c)
	for _, tt := range []struct{ query, word string }{
		{"innovaties", "innovatie"},
		{"gemeentes", "gemeenten"},
		{"geinterviewde", "geïnterviewde"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			want := passagesWith(c, tt.word)
			if len(want) == 0 {
				t.Fatalf("no passage of the corpus has %q", tt.word)
			}
			hits := searchAll(t, s, tt.query, index.KindPassage)
			for _, id := range want {
				h, ok := hits[id]
				if !ok {
					t.Errorf("%q does not find %s, which has %q", tt.query, id, tt.word)
					continue
				}
				if len(marked(h)) == 0 {
					t.Errorf("%q finds %s but its snippet %q marks nothing", tt.query, id, h.Snippet)
				}
			}
			t.Logf("%q finds all %d passages with %q", tt.query, len(want), tt.word)
		})
	}
}

// TestApostropheForms: every spelling of 's-Hertogenbosch finds Gerard
// Velders, whose organisation is written "Gemeente ‘s-Hertogenbosch".
func TestApostropheForms(t *testing.T) {
	s := memSearcher(t, loadCorpus(t, ""))
	const velders = "person/gerard-velders"
	for _, q := range []string{"'s-Hertogenbosch", "‘s-Hertogenbosch", "’s-Hertogenbosch", "s-hertogenbosch", "Hertogenbosch"} {
		t.Run(q, func(t *testing.T) {
			if _, ok := searchAll(t, s, q, index.KindPerson)[velders]; !ok {
				t.Errorf("%q does not find %s", q, velders)
			}
		})
	}
}

// TestFixtureSpellings searches the fictional Voorbeeldstad corpus for
// the parts of hyphenated words, apostrophe plurals and accents, in an
// index written to disk and opened again, so the analyzers are found again
// by name.
func TestFixtureSpellings(t *testing.T) {
	const dir = "testdata/voorbeeldstad"
	c := loadCorpus(t, dir)
	out := t.TempDir()
	if _, err := index.Build(context.Background(), c, out, nil); err != nil {
		t.Fatal(err)
	}
	s, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })

	rules := index.PassageID("regels", "nieuwe-regels")
	parking := index.PassageID("regels", "parkeren")
	if ids := passagesWith(c, "privacy"); !slices.Equal(ids, []string{rules}) {
		t.Fatalf("passages with privacy = %v, want only %s", ids, rules)
	}
	if strings.Contains(strings.ReplaceAll(passageText(c, rules), "e-privacy", ""), "privacy") {
		t.Fatalf("%s must say privacy only as part of e-privacy", rules)
	}
	for _, tt := range []struct {
		query string
		want  []string // passage ids found
		mark  string   // a word the snippet of the first must mark
	}{
		{"privacy", []string{rules}, "privacy"},
		{"e-privacy", []string{rules}, "e-privacy"},
		{"holland", []string{parking}, "Holland"},
		{"noord-holland", []string{parking}, "Noord-Holland"},
		{"auto", []string{parking}, "auto’s"},
		{"zo'n", []string{parking}, "zo’n"},
		{"financiele", []string{parking}, "financiële"},
		{"Zuid-Holland", nil, ""},
		{"e-mail", nil, ""},
	} {
		t.Run(tt.query, func(t *testing.T) {
			hits := searchAll(t, s, tt.query, index.KindPassage)
			var got []string
			for id := range hits {
				got = append(got, id)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("%q finds %v, want %v", tt.query, got, tt.want)
			}
			if len(tt.want) > 0 && !slices.Contains(marked(hits[tt.want[0]]), tt.mark) {
				t.Errorf("%q: snippet %q does not mark %q", tt.query, hits[tt.want[0]].Snippet, tt.mark)
			}
		})
	}
}

func passageText(c *corpus.Corpus, id string) string {
	for _, a := range c.Articles {
		for _, p := range a.Passages {
			if index.PassageID(a.Slug, p.Anchor) == id {
				return p.Text
			}
		}
	}
	return ""
}
