package corpus

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// lineCount is the number of lines of src as the loader counts them:
// LF, CRLF and a lone CR each end a line.
func lineCount(src []byte) int {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	return strings.Count(s, "\n") + strings.Count(s, "\r") + 1
}

// checkProblems checks what every problem must be: in a file of files, at a
// line of it (0 for the whole file), with a message.
func checkProblems(t *testing.T, ps Problems, files map[string][]byte) {
	t.Helper()
	for _, p := range ps {
		src, ok := files[p.Path]
		if !ok && p.Path != ArticlesDir {
			t.Fatalf("problem in an unknown file: %v", p)
		}
		if p.Line < 0 || ok && p.Line > lineCount(src) {
			t.Fatalf("problem at line %d of a file of %d lines: %v", p.Line, lineCount(src), p)
		}
		if strings.TrimSpace(p.Message) == "" {
			t.Fatalf("problem without a message: %#v", p)
		}
		if !strings.HasPrefix(p.String(), p.Path+":") {
			t.Fatalf("problem %q does not start with its path", p.String())
		}
	}
}

// FuzzParseArticle parses any file as an article: front matter and
// Markdown. It must not panic; each problem names the file and a line in
// it; an article without errors has passages with one-line, trimmed,
// non-empty text (valid UTF-8 when the file is), lines inside the body and
// anchors unique within the article; and parsing is deterministic.
func FuzzParseArticle(f *testing.F) {
	for _, name := range []string{"01-het-digitale-loket.md", "02-samen-met-de-regio.md"} {
		src, err := os.ReadFile(fixtureDir + "/" + ArticlesDir + "/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"---\ntitle: T\npart: 1\n---\n# Kop {#kop}\n\ntekst\n\n## Kop {#kop}\n\nmeer",
		"---\ntitle: T\npart: 1\n---\n## Foo\n\neen\n\ntwee\n\n## Foo 2\n\ndrie\n",
		"---\r\ntitle: \"T\"\r\npart: 2\r\nparts: 1\r\n---\r\n- een\r\n- twee\r\n> citaat\r\n",
		"\uFEFF---\n[a, b]\n---\n",
		"---\ntitle: [niet gesloten\n---\n",
		"---\n---\n",
		"---\ntitle: T\npart: 1\nthemes: {a: b}\n---\n### {#} \n\n#### {theme=,,}\n\n*\n",
		"geen front matter",
	} {
		f.Add([]byte(s))
	}
	const path = ArticlesDir + "/fuzz.md"
	f.Fuzz(func(t *testing.T, src []byte) {
		a, ps := ParseArticle(path, src)
		checkProblems(t, ps, map[string][]byte{path: src})
		if a == nil {
			if !ps.HasErrors() {
				t.Fatal("no article and no error")
			}
			return
		}
		if a.Path != path {
			t.Fatalf("article path %q, want %q", a.Path, path)
		}
		a2, ps2 := ParseArticle(path, src)
		if diff := cmp.Diff(ps, ps2); diff != "" {
			t.Fatalf("a second parse gives other problems (-first +second):\n%s", diff)
		}
		if len(a2.Passages) != len(a.Passages) {
			t.Fatalf("a second parse gives %d passages, the first %d", len(a2.Passages), len(a.Passages))
		}
		if ps.HasErrors() {
			return
		}
		lines := lineCount(src)
		anchors := map[string]int{}
		for i, p := range a.Passages {
			if p.Text == "" || p.Text != strings.TrimSpace(p.Text) || strings.ContainsAny(p.Text, "\n\r") {
				t.Fatalf("passage %d text %q: want one trimmed, non-empty line", i, p.Text)
			}
			if utf8.Valid(src) && !utf8.ValidString(p.Text) {
				t.Fatalf("passage %d text %q is not valid UTF-8", i, p.Text)
			}
			if p.Line < a.BodyLine || p.Line > lines {
				t.Fatalf("passage %d at line %d, outside the body (lines %d to %d)", i, p.Line, a.BodyLine, lines)
			}
			if prev, dup := anchors[p.Anchor]; dup {
				t.Fatalf("passages %d and %d share the anchor %q", prev, i, p.Anchor)
			}
			anchors[p.Anchor] = i
			if p.Article != a {
				t.Fatalf("passage %d belongs to another article", i)
			}
		}
	})
}

// FuzzLoad loads a corpus whose article and people.yaml come from the fuzz
// input, next to the fixture's themes and municipalities. Load must not
// panic; it returns a corpus or a Problems error, never both; Check finds
// the same errors; each problem names one of the files and a line in it;
// and everything a loaded corpus refers to exists.
func FuzzLoad(f *testing.F) {
	people, err := os.ReadFile(fixtureDir + "/" + PeopleFile)
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"01-het-digitale-loket.md", "02-samen-met-de-regio.md"} {
		src, err := os.ReadFile(fixtureDir + "/" + ArticlesDir + "/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, people)
	}
	f.Add([]byte("---\nslug: a\ntitle: A\npart: 1\n---\nMarieke Jansen: “Ja.”"), []byte("- id: x\n  name: X\n  role_category: bestuur\n"))
	f.Add([]byte("---\nslug: a\ntitle: A\npart: 1\n---\ntekst"), []byte("- id: x\n- id: x\n  municipality: nergens\n"))
	f.Add([]byte("---\nslug: a\ntitle: A\npart: 1\n---\n"), []byte("{niet: een lijst}"))
	f.Add([]byte("---\nslug: a\ntitle: A\npart: 1\n---\n"), []byte("- [a\n"))
	base := map[string][]byte{}
	for _, name := range []string{ThemesFile, MunicipalitiesFile} {
		src, err := os.ReadFile(fixtureDir + "/" + name)
		if err != nil {
			f.Fatal(err)
		}
		base[name] = src
	}
	f.Fuzz(func(t *testing.T, article, people []byte) {
		files := map[string][]byte{PeopleFile: people, ArticlesDir + "/01-fuzz.md": article}
		fsys := fstest.MapFS{}
		for name, src := range base {
			files[name] = src
		}
		for name, src := range files {
			fsys[name] = &fstest.MapFile{Data: src}
		}
		c, err := Load(fsys)
		checked := Check(fsys)
		checkProblems(t, checked, files)
		if err != nil {
			var ps Problems
			if c != nil || !errors.As(err, &ps) || !ps.HasErrors() {
				t.Fatalf("Load = %v, %v: want no corpus and a Problems error", c, err)
			}
			if diff := cmp.Diff(errorsOf(checked), errorsOf(ps)); diff != "" {
				t.Fatalf("Check and Load disagree on the errors (-Check +Load):\n%s", diff)
			}
			return
		}
		if checked.HasErrors() {
			t.Fatalf("Load succeeded but Check finds errors: %v", checked)
		}
		for _, a := range c.Articles {
			for _, p := range a.Passages {
				for _, id := range p.People {
					if c.Person(id) == nil {
						t.Fatalf("passage %s mentions unknown person %q", p.Anchor, id)
					}
				}
				for _, id := range p.Municipalities {
					if c.Municipality(id) == nil {
						t.Fatalf("passage %s mentions unknown municipality %q", p.Anchor, id)
					}
				}
				for _, id := range p.Themes {
					if c.Theme(id) == nil {
						t.Fatalf("passage %s has unknown theme %q", p.Anchor, id)
					}
				}
			}
			for _, q := range a.Quotes {
				if q.Speaker != "" && c.Person(q.Speaker) == nil {
					t.Fatalf("quote %d has unknown speaker %q", q.N, q.Speaker)
				}
			}
		}
		for _, p := range c.People {
			if p.Municipality != "" && c.Municipality(p.Municipality) == nil {
				t.Fatalf("person %s in unknown municipality %q", p.ID, p.Municipality)
			}
		}
	})
}

func errorsOf(ps Problems) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}
