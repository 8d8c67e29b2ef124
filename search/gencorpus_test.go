package search

import (
	"bufio"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"vanelkaar/corpus"
)

// The generated corpus: fictional Dutch text at the scale the product
// must handle, for benchmarks. Articles are made of sentences of the
// Dutch Universal Dependencies treebanks (real Dutch, so the analyzer sees
// realistic words), recombined at random with a fixed seed; the people
// and municipalities are invented from syllables, so no real person is
// quoted. The same seed gives the same corpus on every machine.

const (
	genSeed               = 20261128
	genPassagesPerArticle = 50
)

// genPrefixes and genSuffixes make the fictional municipality names
// (Voorbeeldstad, Proefveen, ...): 8 × 5 = 40 municipalities.
var (
	genPrefixes = []string{"Voorbeeld", "Proef", "Oefen", "Schets", "Model", "Test", "Concept", "Ontwerp"}
	genSuffixes = []string{"stad", "dorp", "veen", "horst", "meer"}
	genFirst    = []string{"Anna", "Bram", "Carla", "Daan", "Eva", "Frits", "Greet", "Hidde", "Ilse", "Joris"}
	genLast     = []string{"Proefmans", "Testerink", "Oefening", "Schetsma", "Modelaar", "Voorbeelder", "Conceptje", "Ontwerpers", "Probeerder", "Uitprobeer"}
	genRoles    = []struct{ role, category string }{
		{"Wethouder Digitale Zaken", "bestuur"}, {"Chief Information Officer", "directie"},
		{"Programmamanager Innovatie", "management"}, {"Strategisch Adviseur", "advies-en-beleid"},
		{"Medewerker Burgerzaken", "uitvoering"},
	}
	genThemes = []string{"inclusiviteit", "behoefte-en-technologie", "samenwerken", "verantwoord-datagebruik", "uitdagingen", "themas-2019"}
)

// generatedFS returns a corpus of about passages passages as files.
func generatedFS(tb testing.TB, passages int) fs.FS {
	tb.Helper()
	sents := treebankSentences(tb)
	rng := rand.New(rand.NewPCG(genSeed, genSeed))
	fsys := fstest.MapFS{}
	themes, err := os.ReadFile("testdata/corpus/themes.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	fsys[corpus.ThemesFile] = &fstest.MapFile{Data: themes}

	var munis, people strings.Builder
	var muniNames []string
	for _, p := range genPrefixes {
		for _, s := range genSuffixes {
			name := p + s
			muniNames = append(muniNames, name)
			fmt.Fprintf(&munis, "- id: %s\n  name: %s\n  province: Utrecht\n", strings.ToLower(name), name)
		}
	}
	var personNames []string
	for i, f := range genFirst {
		for j, l := range genLast {
			name := f + " " + l
			personNames = append(personNames, name)
			r := genRoles[(i+j)%len(genRoles)]
			m := muniNames[(i*len(genLast)+j)%len(muniNames)]
			fmt.Fprintf(&people, "- id: %s\n  name: %s\n  role: %s\n  role_category: %s\n  municipality: %s\n",
				strings.ToLower(f+"-"+l), name, r.role, r.category, strings.ToLower(m))
		}
	}
	fsys[corpus.MunicipalitiesFile] = &fstest.MapFile{Data: []byte(munis.String())}
	fsys[corpus.PeopleFile] = &fstest.MapFile{Data: []byte(people.String())}

	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	articles := (passages + genPassagesPerArticle - 1) / genPassagesPerArticle
	for a := 1; a <= articles; a++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nslug: artikel-%d\ntitle: \"%s\"\npart: %d\nthemes: [%s]\n---\n\n",
			a, strings.Trim(strings.NewReplacer(`"`, "", `\`, "").Replace(pick(sents)), ". "), a, pick(genThemes))
		for p := 0; p < genPassagesPerArticle; p++ {
			if p%5 == 0 {
				words := strings.Fields(pick(sents))
				heading := strings.Join(words[:min(len(words), 4)], " ")
				fmt.Fprintf(&b, "## %s {#sectie-%d theme=%s}\n\n", strings.Trim(heading, ".,;:!?\"'"), p/5+1, pick(genThemes))
			}
			n := 2 + rng.IntN(3)
			var text []string
			for range n {
				text = append(text, pick(sents))
			}
			switch rng.IntN(10) {
			case 0, 1: // a person speaks
				fmt.Fprintf(&b, "“%s,” zegt %s.\n\n", strings.TrimRight(strings.Join(text, " "), "."), pick(personNames))
				continue
			case 2, 3: // a municipality is named
				text = append(text, "Zo gaat dat in "+pick(muniNames)+".")
			case 4: // a person is named
				text = append(text, pick(personNames)+" ziet dat ook zo.")
			}
			b.WriteString(strings.Join(text, " ") + "\n\n")
		}
		fsys[fmt.Sprintf("%s/%03d-artikel.md", corpus.ArticlesDir, a)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// treebankSentences reads the sentences of the Dutch treebanks in the
// shared data folder beside the repository, with the treebanks' ,, and ”
// quotation marks written as Dutch quotes.
func treebankSentences(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "ud", "*.conllu"))
	if len(files) == 0 {
		const msg = "the generated corpus needs the treebanks in ../shared/data/ud beside the repository"
		if os.Getenv("CI") != "" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	quotes := strings.NewReplacer(",,", "„", "''", "”", "`", "'")
	var out []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if s, ok := strings.CutPrefix(sc.Text(), "# text = "); ok && len(s) > 20 {
				out = append(out, quotes.Replace(s))
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

func TestGeneratedCorpus(t *testing.T) {
	c, err := corpus.Load(generatedFS(t, 500))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range c.Articles {
		n += len(a.Passages)
	}
	if len(c.Articles) != 10 || n < 500 || len(c.People) != 100 || len(c.Municipalities) != 40 {
		t.Errorf("%d articles, %d passages, %d people, %d municipalities", len(c.Articles), n, len(c.People), len(c.Municipalities))
	}
	// The same seed gives the same corpus.
	again := generatedFS(t, 500)
	first := generatedFS(t, 500)
	for name, f := range first.(fstest.MapFS) {
		if string(again.(fstest.MapFS)[name].Data) != string(f.Data) {
			t.Fatalf("%s differs between two runs", name)
		}
	}
}
