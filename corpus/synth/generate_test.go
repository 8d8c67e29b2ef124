package synth

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"vanelkaar/corpus"
)

func generate(t *testing.T, opts Options) fstest.MapFS {
	t.Helper()
	files, err := Generate(opts)
	if err != nil {
		t.Fatalf("Generate(%+v): %v", opts, err)
	}
	return files
}

// load loads a corpus and fails on any problem, warnings included.
func load(t *testing.T, fsys fs.FS) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(fsys)
	if err != nil {
		t.Fatalf("corpus.Load: %v", err)
	}
	if len(c.Warnings) > 0 {
		for _, w := range c.Warnings {
			t.Errorf("corpus.Load warning: %+v", w)
		}
	}
	return c
}

func passages(c *corpus.Corpus) []*corpus.Passage {
	var ps []*corpus.Passage
	for _, a := range c.Articles {
		ps = append(ps, a.Passages...)
	}
	return ps
}

func TestGenerateIsDeterministic(t *testing.T) {
	opts := Options{Passages: 300, Seed: 7}
	a, b := generate(t, opts), generate(t, opts)
	if len(a) != len(b) {
		t.Fatalf("two runs made %d and %d files", len(a), len(b))
	}
	for name, f := range a {
		g, ok := b[name]
		if !ok {
			t.Errorf("second run has no %s", name)
			continue
		}
		if !bytes.Equal(f.Data, g.Data) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	other := generate(t, Options{Passages: 300, Seed: 8})
	same := 0
	for name, f := range a {
		if strings.HasPrefix(name, corpus.ArticlesDir+"/") && other[name] != nil && bytes.Equal(f.Data, other[name].Data) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d articles are the same with seeds 7 and 8", same)
	}
}

func TestGenerateLoadsWithNPassages(t *testing.T) {
	for _, n := range []int{1, 7, 8, 37, 38, 500, 2000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			c := load(t, generate(t, Options{Passages: n, Seed: DefaultSeed}))
			if got := len(passages(c)); got != n {
				t.Errorf("corpus has %d passages, want %d", got, n)
			}
			if len(c.Articles) == 1 {
				return
			}
			for _, a := range c.Articles {
				if len(a.Passages) < minArticlePassages || len(a.Passages) >= maxArticlePassages+minArticlePassages {
					t.Errorf("article %s has %d passages, want %d to %d", a.Slug, len(a.Passages), minArticlePassages, maxArticlePassages+minArticlePassages-1)
				}
			}
		})
	}
}

func TestGenerateRejectsNoPassages(t *testing.T) {
	for _, n := range []int{0, -1} {
		if _, err := Generate(Options{Passages: n}); err == nil {
			t.Errorf("Generate with %d passages: no error", n)
		}
	}
}

// TestGeneratedCorpusLooksLikeTheSeries checks that the generated corpus
// exercises what the search engine offers: every theme and role category,
// sections, mentions of people and municipalities, and quotes in each kind
// of Dutch quotation mark.
func TestGeneratedCorpusLooksLikeTheSeries(t *testing.T) {
	c := load(t, generate(t, Options{Passages: 2000, Seed: DefaultSeed}))
	themes, roles := map[string]int{}, map[string]int{}
	marks := map[string]int{}
	withPeople, withMunis, inSections := 0, 0, 0
	for _, p := range passages(c) {
		for _, th := range p.Themes {
			themes[th]++
		}
		if len(p.Headings) > 0 {
			inSections++
		}
		if len(p.People) > 0 {
			withPeople++
			for _, id := range p.People {
				roles[c.Person(id).RoleCategory]++
			}
		}
		if len(p.Municipalities) > 0 {
			withMunis++
		}
		for _, m := range []string{"“", "„", "‘"} {
			if strings.Contains(p.Text, m) {
				marks[m]++
			}
		}
	}
	for _, th := range c.Themes {
		if themes[th.ID] == 0 {
			t.Errorf("no passage has theme %s", th.ID)
		}
	}
	for _, rc := range corpus.RoleCategories {
		if roles[rc.ID] == 0 {
			t.Errorf("no passage mentions a person with role category %s", rc.ID)
		}
	}
	for _, m := range []string{"“", "„", "‘"} {
		if marks[m] == 0 {
			t.Errorf("no passage has a quote opened with %s", m)
		}
	}
	quotes := 0
	for _, a := range c.Articles {
		for _, q := range a.Quotes {
			quotes++
			if q.Speaker == "" {
				t.Errorf("%s: quote %d has no speaker: %q", a.Path, q.N, q.Text)
			}
		}
	}
	n := len(passages(c))
	if quotes < n/20 {
		t.Errorf("%d quotes in %d passages", quotes, n)
	}
	if withPeople < n/20 || withMunis < n/10 || inSections < n/2 {
		t.Errorf("of %d passages, %d mention people, %d municipalities, %d are in a section", n, withPeople, withMunis, inSections)
	}
}

// TestGeneratedNamesAreFictional checks that no generated municipality or
// person shares a name with one of the shipped corpus.
func TestGeneratedNamesAreFictional(t *testing.T) {
	shipped, err := corpus.Load(corpus.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	taken := map[string]bool{}
	for _, m := range shipped.Municipalities {
		taken[corpus.FoldName(m.Name)] = true
		for _, a := range m.Aliases {
			taken[corpus.FoldName(a)] = true
		}
	}
	for _, p := range shipped.People {
		taken[corpus.FoldName(p.Name)] = true
	}
	c := load(t, generate(t, Options{Passages: 50, Seed: DefaultSeed}))
	var names []string
	for _, m := range c.Municipalities {
		names = append(names, m.Name)
		names = append(names, m.Aliases...)
	}
	for _, p := range c.People {
		names = append(names, p.Name)
	}
	for _, n := range names {
		if taken[corpus.FoldName(n)] {
			t.Errorf("generated name %q is a name of the shipped corpus", n)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	opts := Options{Passages: 120, Seed: 3}
	if err := Write(dir, opts); err != nil {
		t.Fatal(err)
	}
	c := load(t, os.DirFS(dir))
	if got := len(passages(c)); got != opts.Passages {
		t.Errorf("written corpus has %d passages, want %d", got, opts.Passages)
	}
	if err := Write(dir, opts); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second Write into %s: %v, want an error wrapping fs.ErrExist", dir, err)
	}
}

// TestGeneratedPassagesHaveDistinctURLs guards against headings whose
// anchors collide with the numbered anchors of another section's
// passages: two passages with one URL would be one document in the index.
func TestGeneratedPassagesHaveDistinctURLs(t *testing.T) {
	c := load(t, generate(t, Options{Passages: 5000, Seed: DefaultSeed}))
	seen := map[string]bool{}
	for _, p := range passages(c) {
		if seen[p.URL()] {
			t.Errorf("two passages have the URL %s", p.URL())
		}
		seen[p.URL()] = true
	}
}

// TestWriteStreamsTheFilesOfGenerate checks that the files Write and
// WriteFromSentences stream to disk are those Generate and
// GenerateFromSentences make, byte for byte, and no others.
func TestWriteStreamsTheFilesOfGenerate(t *testing.T) {
	ss := treebankSentences(t)
	tb := TreebankOptions{Passages: 700, Seed: DefaultSeed, Sentences: ss}
	lex := Options{Passages: 700, Seed: DefaultSeed}
	for _, c := range []struct {
		name  string
		gen   func() (fstest.MapFS, error)
		write func(dir string) error
	}{
		{"lexicon", func() (fstest.MapFS, error) { return Generate(lex) }, func(dir string) error { return Write(dir, lex) }},
		{"treebank", func() (fstest.MapFS, error) { return GenerateFromSentences(tb) }, func(dir string) error { return WriteFromSentences(dir, tb) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, err := c.gen()
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "corpus")
			if err := c.write(dir); err != nil {
				t.Fatal(err)
			}
			got := 0
			err = fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				got++
				data, err := os.ReadFile(filepath.Join(dir, name))
				if w := want[name]; err == nil && (w == nil || !bytes.Equal(data, w.Data)) {
					t.Errorf("%s: written file differs from the generated one", name)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if got != len(want) {
				t.Errorf("wrote %d files, Generate makes %d", got, len(want))
			}
		})
	}
}
