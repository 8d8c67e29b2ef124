package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const importFixtures = "../../corpus/testdata/import"

// importCorpus makes a corpus folder with the fictional registries of the
// import fixtures and no articles.
func importCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"people.yaml", "themes.yaml", "municipalities.yaml"} {
		src, err := os.ReadFile(filepath.Join(importFixtures, "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "artikelen"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func page(name string) string { return filepath.Join(importFixtures, "pages", name+".html") }

// snapshot reads every article file of a corpus.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "artikelen", "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m[filepath.Base(f)] = string(b)
	}
	return m
}

func TestImportPagesIntoCorpus(t *testing.T) {
	dir := importCorpus(t)
	args := []string{"import", "--corpus", dir, page("classic"), page("gutenberg"), page("news")}
	code, out, errOut := runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	art := func(name string) string { return filepath.Join(dir, "artikelen", name) }
	for _, want := range []string{
		"wrote " + art("02-gemeenten-vernieuwen-2-7-iedereen-doet-mee.md"),
		"wrote " + art("03-gemeenten-vernieuwen-3-7-samen-sterker.md"),
		"wrote " + art("04-data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het.md"),
		// what the corpus could not resolve, ready to paste
		"- id: kees-verbeek\n  name: Kees Verbeek\n  role: Projectleider bij de gemeente Heuvelrijk  # as written near " + art("02-gemeenten-vernieuwen-2-7-iedereen-doet-mee.md:"),
		"  role_category: management  # suggested by the role",
		"- id: albert-jansen\n  name: Albert Jansen\n",
		"- id: heuvelrijk\n  name: Heuvelrijk  # mentioned at " + art("02-"),
		"Quotes without a speaker",
		art("04-data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het.md") + ":24: “Wij delen onze meetgegevens alleen als i…”",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	before := snapshot(t, dir)

	// A second import writes nothing.
	code, out, _ = runCmd(t, "", args...)
	if code != 0 || strings.Count(out, "unchanged ") != 3 || strings.Contains(out, "wrote") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
	if diff := snapshot(t, dir); len(diff) != len(before) {
		t.Errorf("files changed: %v", diff)
	}

	// A hand edit survives an import without --force, and the command
	// says which file and why.
	news := art("04-data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het.md")
	edited := strings.Replace(before[filepath.Base(news)], "zegt Jansen.", "zegt Jansen.{spreker=anna-jansen}", 1)
	if err := os.WriteFile(news, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCmd(t, "", "import", "--corpus", dir, page("news"))
	if code != 1 || !strings.Contains(out, "kept "+news+": it was edited by hand since its import") {
		t.Errorf("import over a hand edit: exit %d\n%s", code, out)
	}
	if got, _ := os.ReadFile(news); string(got) != edited {
		t.Error("the hand edit was overwritten")
	}
	code, out, _ = runCmd(t, "", "import", "--force", "--corpus", dir, page("news"))
	if got, _ := os.ReadFile(news); code != 0 || string(got) != before[filepath.Base(news)] || !strings.Contains(out, "overwrote "+news) {
		t.Errorf("import --force: exit %d\n%s", code, out)
	}

	// --out writes one article.
	if code, _, errOut := runCmd(t, "", "import", "--out", "-", page("classic"), page("news")); code != 2 || !strings.Contains(errOut, "--out takes one SOURCE") {
		t.Errorf("--out with two sources: exit %d, %q", code, errOut)
	}
	// --format text refuses markup.
	code, _, errOut = runCmd(t, "", "import", "--format", "text", "--out", "-", page("classic"))
	if code != 1 || !strings.Contains(errOut, "the source is an HTML page, not plain text") {
		t.Errorf("--format text on HTML: exit %d, %q", code, errOut)
	}
}

// TestImportIndexSearch: after `vanelkaar index` on a corpus with an
// imported page, a search with a theme and a municipality filter together
// finds its passages, and every quote keeps the speaker the import gave.
func TestImportIndexSearch(t *testing.T) {
	dir := importCorpus(t)
	if code, out, errOut := runCmd(t, "", "import", "--corpus", dir, page("news")); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	idx := filepath.Join(t.TempDir(), "index")
	if code, out, errOut := runCmd(t, "", "index", "--corpus", dir, "--out", idx); code != 0 {
		t.Fatalf("index: exit %d\n%s%s", code, out, errOut)
	}
	res := searchJSON(t, "--index", idx, "--theme", "verantwoord-datagebruik", "--municipality", "zandhaven", "register")
	if len(res.Hits) == 0 {
		t.Fatal("no hits for register with theme and municipality filters")
	}
	for _, h := range res.Hits {
		if h.Article == nil || h.Article.Slug != "data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het" {
			t.Errorf("hit %s is not from the imported article", h.ID)
		}
	}
	quotes := searchJSON(t, "--index", idx, "--kind", "quote", "--size", "50")
	speakers := map[string]int{}
	for _, h := range quotes.Hits {
		id := ""
		if h.Speaker != nil {
			id = h.Speaker.ID
		}
		speakers[id]++
	}
	want := map[string]int{"lotte-kamphuis": 3, "fenna-de-wit": 1, "samir-bouzid": 1, "": 1}
	for id, n := range want {
		if speakers[id] != n {
			t.Errorf("quotes by %q: %d, want %d (all: %v)", id, speakers[id], n, speakers)
		}
	}
}

func TestImportURL(t *testing.T) {
	classic, err := os.ReadFile(page("classic"))
	if err != nil {
		t.Fatal(err)
	}
	var agent string
	mux := http.NewServeMux()
	mux.HandleFunc("/artikel", func(w http.ResponseWriter, r *http.Request) {
		agent = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(classic)
	})
	mux.HandleFunc("/kort", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/artikel", http.StatusFound) })
	mux.HandleFunc("/rond", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/rond", http.StatusFound) })
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.invalid/a", http.StatusFound)
	})
	mux.HandleFunc("/traag", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()

	code, out, errOut := runCmd(t, "", "import", "--out", "-", ts.URL+"/kort")
	if code != 0 || !strings.Contains(out, "title: 'Gemeenten vernieuwen (2/7): Iedereen doet mee'") {
		t.Fatalf("import URL: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(agent, "vanelkaar") {
		t.Errorf("User-Agent %q does not name vanelkaar", agent)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not found", []string{ts.URL + "/weg"}, "/weg: the server answered 404 Not Found"},
		{"redirect loop", []string{ts.URL + "/rond"}, "/rond: more than 5 redirects"},
		{"redirect to ftp", []string{ts.URL + "/ftp"}, "/ftp: redirected to ftp://example.invalid/a: only http and https are fetched"},
		{"too large", []string{"--max-bytes", "1000", ts.URL + "/artikel"}, "/artikel: the page is more than the limit of 1000 bytes"},
		{"timeout", []string{"--timeout", "200ms", ts.URL + "/traag"}, "/traag: no answer within 200ms"},
		{"not http", []string{"ftp://example.invalid/a"}, "ftp://example.invalid/a: only http and https addresses are fetched"},
		{"no server", []string{"http://127.0.0.1:1/a"}, "http://127.0.0.1:1/a: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append([]string{"import", "--out", "-"}, tt.args...)...)
			if code != 1 || out != "" || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want one line with %q", code, out, errOut, tt.want)
			}
		})
	}
}

// TestImportSeriesSavedPage: a part of series.yaml given as a saved page
// takes the series' name, number of parts and the entry's part and
// themes; a part the page does not name and the entry does not give is
// one clear line.
func TestImportSeriesSavedPage(t *testing.T) {
	dir := importCorpus(t)
	src, err := os.ReadFile(page("news"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "opgeslagen"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "opgeslagen", "deel-4.html"), string(src))
	writeFile(t, filepath.Join(dir, "opgeslagen", "zonder-deel.html"),
		"<html><head><title>Een los artikel</title></head><body><article><h1>Een los artikel</h1><p>"+strings.Repeat("Tekst zonder deel van de reeks. ", 10)+"</p></article></body></html>")
	writeFile(t, filepath.Join(dir, "series.yaml"), "name: Gemeenten vernieuwen\nparts: 7\narticles:\n"+
		"  - part: 4\n    file: opgeslagen/deel-4.html\n    slug: data-met-zorg\n    themes: [verantwoord-datagebruik]\n"+
		"  - file: opgeslagen/zonder-deel.html\n")
	code, out, errOut := runCmd(t, "", "import", "--series", "--corpus", dir)
	file := filepath.Join(dir, "artikelen", "04-data-met-zorg.md")
	if code != 1 || !strings.Contains(out, "wrote "+file) ||
		!strings.Contains(errOut, "zonder-deel.html: Een los artikel: the source does not say which part of the series it is") ||
		!strings.Contains(errOut, "add part: N to its entry in "+filepath.Join(dir, "series.yaml")) || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("import --series: exit %d\n%s%s", code, out, errOut)
	}
	md, _ := os.ReadFile(file)
	for _, want := range []string{"series: Gemeenten vernieuwen\npart: 4\nparts: 7\n", "themes: [verantwoord-datagebruik]\n"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("front matter lacks %q:\n%s", want, md)
		}
	}
}

// TestImportSeriesRefusesLinks: a saved page listed in series.yaml is read
// only as a regular file inside the corpus folder; a link out of it is
// refused without reading what it points at.
func TestImportSeriesRefusesLinks(t *testing.T) {
	dir := importCorpus(t)
	outside := filepath.Join(t.TempDir(), "geheim.html")
	writeFile(t, outside, "<html><head><title>Geheim deel (4/7)</title></head><body><article><h1>Geheim</h1><p>"+strings.Repeat("Niet voor de corpus. ", 10)+"</p></article></body></html>")
	if err := os.Symlink(outside, filepath.Join(dir, "deel-4.html")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "series.yaml"), "name: Gemeenten vernieuwen\nparts: 7\narticles:\n  - part: 4\n    file: deel-4.html\n")
	code, out, errOut := runCmd(t, "", "import", "--series", "--corpus", dir)
	if code == 0 || !strings.Contains(errOut, "deel-4.html: not a regular file") {
		t.Fatalf("import --series with a link: exit %d\n%s%s", code, out, errOut)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "artikelen")); len(entries) > 0 {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "04-") {
				t.Errorf("the linked page was imported as %s", e.Name())
			}
		}
	}
}
