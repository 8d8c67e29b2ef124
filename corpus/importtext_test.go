package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFromText(t *testing.T) {
	text := "Samen digitaal in Voorbeeldstad\n\n" +
		"Een inleiding over de gemeente.\nNog een regel van dezelfde alinea.\n\n" +
		"Wat we leerden\n\n" +
		" 1. Eerste punt\n  Uitleg van het eerste punt.\n 2. Tweede punt\n  Uitleg van het tweede punt.\n\n" +
		"Anna Jansen\nWethouder Digitalisering\nGemeente Voorbeeldstad\n\n" +
		"Bram de Vries\nAdviseur\nGemeente Voorbeeldstad\n\n" +
		"# geen kop maar tekst die met een hekje begint.\n"
	md, _, problems, err := FromText(text, ImportMeta{Part: 2, Parts: 7, Series: "Testreeks", SourceURL: "https://example.org/a", Authors: []string{"Piet Voorbeeld"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	want := `---
slug: samen-digitaal-in-voorbeeldstad
title: Samen digitaal in Voorbeeldstad
series: Testreeks
part: 2
parts: 7
source_url: https://example.org/a
authors: [Piet Voorbeeld]
---

Een inleiding over de gemeente. Nog een regel van dezelfde alinea.

## Wat we leerden

### 1. Eerste punt

Uitleg van het eerste punt.

### 2. Tweede punt

Uitleg van het tweede punt.

- Anna Jansen, Wethouder Digitalisering, Gemeente Voorbeeldstad
- Bram de Vries, Adviseur, Gemeente Voorbeeldstad

\# geen kop maar tekst die met een hekje begint.
`
	if diff := cmp.Diff(want, md); diff != "" {
		t.Errorf("Markdown (-want +got):\n%s", diff)
	}
	a, ps := ParseArticle("x.md", []byte(md))
	if len(ps) > 0 || a.Title != "Samen digitaal in Voorbeeldstad" || a.Published != "" {
		t.Errorf("parse back: %+v, %v", a, ps)
	}
	if last := a.Passages[len(a.Passages)-1].Text; last != "# geen kop maar tekst die met een hekje begint." {
		t.Errorf("escaped paragraph reads back as %q", last)
	}
}

func TestFromTextErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		text string
		meta ImportMeta
	}{
		"empty":     {"\n\n  \n", ImportMeta{Part: 1}},
		"no part":   {"Titel\n\nTekst.", ImportMeta{}},
		"not UTF-8": {"Titel\n\n\xff\xfe", ImportMeta{Part: 1}},
	} {
		if _, _, _, err := FromText(tc.text, tc.meta); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestFromTextOfPartOne imports the published text of part 1 and compares
// its passages with the shipped transcription: the same text, paragraph
// for paragraph. The shipped file differs only in what an editor adds (the
// themes and anchors of sections, a heading over the closing paragraph)
// and leaves out (the site's "Bekijk alle berichten" link).
func TestFromTextOfPartOne(t *testing.T) {
	seed := filepath.Join("..", "..", "shared", "seeds", "000_85f17f2c1f15c4bb.txt")
	src, err := os.ReadFile(seed)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the seed text is part of shared/ in CI: %v", err)
		}
		t.Skipf("no seed text beside the repository: %v", err)
	}
	_, imported, problems, err := FromText(string(src), ImportMeta{Part: 1, Parts: 7})
	if err != nil || problems.HasErrors() {
		t.Fatalf("import: %v %v", err, problems)
	}
	c, err := Load(Shipped())
	if err != nil {
		t.Fatal(err)
	}
	texts := func(a *Article) []string {
		var out []string
		for _, p := range a.Passages {
			if !strings.HasPrefix(p.Text, "Bekijk alle berichten") {
				out = append(out, p.Text)
			}
		}
		return out
	}
	if diff := cmp.Diff(texts(c.Articles[0]), texts(imported)); diff != "" {
		t.Errorf("passages (-shipped +imported):\n%s", diff)
	}
	if imported.Title != c.Articles[0].Title {
		t.Errorf("title %q, shipped %q", imported.Title, c.Articles[0].Title)
	}
}
