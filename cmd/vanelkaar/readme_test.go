package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// readmeSteps returns the vanelkaar command lines of the README's section
// "Add parts 2-7 of the series", as written.
func readmeSteps(t *testing.T) [][]string {
	t.Helper()
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	i := strings.Index(s, "\n## Add parts 2-7 of the series\n")
	if i < 0 {
		t.Fatal("README has no section \"Add parts 2-7 of the series\"")
	}
	s = s[i+1:]
	if j := strings.Index(s[3:], "\n## "); j >= 0 {
		s = s[:j+3]
	}
	var steps [][]string
	for _, block := range regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(s, -1) {
		for _, line := range strings.Split(block[1], "\n") {
			if rest, ok := strings.CutPrefix(line, "go run ./cmd/vanelkaar "); ok {
				steps = append(steps, strings.Fields(rest))
			}
		}
	}
	return steps
}

// TestReadmeAddParts follows the README's "Add parts 2-7 of the series"
// as a user would, against a fixture series served from a local server:
// fill series.yaml, import, add the people it lists, check, index, serve.
func TestReadmeAddParts(t *testing.T) {
	steps := readmeSteps(t)
	var cmds []string
	for _, s := range steps {
		cmds = append(cmds, s[0])
	}
	if strings.Join(cmds, " ") != "import check index serve" {
		t.Fatalf("README steps %v: want import, check, index, serve", steps)
	}

	// The publisher's site: three parts of a fictional series, part 2
	// linking to part 3 and part 3 to part 4.
	var mu sync.Mutex
	pages := map[string][]byte{}
	for path, name := range map[string]string{
		"/digitaal/gemeenten-vernieuwen-2-7-iedereen-doet-mee/": "classic",
		"/digitaal/gemeenten-vernieuwen-3-7-samen-sterker/":     "gutenberg",
		"/digitaal/gemeenten-vernieuwen-4-7-data-met-zorg/":     "news",
	} {
		b, err := os.ReadFile(page(name))
		if err != nil {
			t.Fatal(err)
		}
		pages[path] = b
	}
	pages["/digitaal/gemeenten-vernieuwen-1-7-van-elkaar-leren/"] = []byte(`<!DOCTYPE html><html><head><title>Gemeenten vernieuwen (1/7): Van elkaar leren</title></head>
<body><article><h1>Gemeenten vernieuwen (1/7): Van elkaar leren</h1><p>In zeven delen bezoeken we Voorbeeldstad, Proefdorp, Zandhaven en Beekveld.</p>
<p>Deel 2: <a href="/digitaal/gemeenten-vernieuwen-2-7-iedereen-doet-mee/">Iedereen doet mee</a>.</p></article></body></html>`)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		b, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	}))
	defer site.Close()

	// A corpus folder named corpus, as in the README, with part 1 written
	// by hand.
	work := t.TempDir()
	if err := os.Rename(importCorpus(t), filepath.Join(work, "corpus")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	part1 := "---\nslug: van-elkaar-leren\ntitle: \"Gemeenten vernieuwen: van elkaar leren\"\npart: 1\nparts: 7\n" +
		"source_url: " + site.URL + "/digitaal/gemeenten-vernieuwen-1-7-van-elkaar-leren/\n---\n\nIn zeven delen bezoeken we Voorbeeldstad, Proefdorp, Zandhaven en Beekveld.\n"
	writeFile(t, "corpus/artikelen/01-van-elkaar-leren.md", part1)

	// Step 1: the series file lists the known parts.
	writeFile(t, "corpus/series.yaml", "name: Gemeenten vernieuwen\nparts: 7\narticles:\n"+
		"  - part: 1\n    url: "+site.URL+"/digitaal/gemeenten-vernieuwen-1-7-van-elkaar-leren/\n"+
		"  - url: "+site.URL+"/digitaal/gemeenten-vernieuwen-2-7-iedereen-doet-mee/\n"+
		"    themes: [inclusiviteit]\n"+
		"  - url: "+site.URL+"/digitaal/gemeenten-vernieuwen-3-7-samen-sterker/\n")

	// Step 2: import. Part 1 is kept (written by hand), parts 2 and 3 are
	// written, and part 4, linked from part 3, is listed to add.
	code, out, errOut := runCmd(t, "", steps[0]...)
	if code != 0 {
		t.Fatalf("%v: exit %d\n%s%s", steps[0], code, out, errOut)
	}
	for _, want := range []string{
		"kept corpus/artikelen/01-van-elkaar-leren.md: it was written by hand",
		"wrote corpus/artikelen/02-gemeenten-vernieuwen-2-7-iedereen-doet-mee.md",
		"wrote corpus/artikelen/03-gemeenten-vernieuwen-3-7-samen-sterker.md",
		"  - part: 4\n    url: " + site.URL + "/digitaal/gemeenten-vernieuwen-4-7-data-met-zorg/\n",
		"- id: kees-verbeek",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	// The user adds the part the import found, and imports again: only
	// part 4 is new.
	series, _ := os.ReadFile("corpus/series.yaml")
	writeFile(t, "corpus/series.yaml", string(series)+"  - part: 4\n    url: "+site.URL+"/digitaal/gemeenten-vernieuwen-4-7-data-met-zorg/\n")
	code, out, _ = runCmd(t, "", steps[0]...)
	if code != 0 || strings.Count(out, "unchanged ") != 2 || !strings.Contains(out, "wrote corpus/artikelen/04-data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het.md") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
	// Step 3: add the people and municipalities it listed, completed.
	people, munis := listedEntries(out)
	if !strings.Contains(people, "albert-jansen") || !strings.Contains(munis, "heuvelrijk") {
		t.Fatalf("the import listed people %q and municipalities %q", people, munis)
	}
	people = strings.ReplaceAll(people, `role_category: ""`, "role_category: advies-en-beleid")
	people = regexp.MustCompile(`(?m)^  municipality: ""[^\n]*\n`).ReplaceAllString(people, "")
	appendFile(t, "corpus/people.yaml", people)
	appendFile(t, "corpus/municipalities.yaml", munis)
	if code, out, errOut := runCmd(t, "", steps[1]...); code != 0 {
		t.Fatalf("%v: exit %d\n%s%s", steps[1], code, out, errOut)
	}
	// A page that changes at the source updates its file; a file edited by
	// hand is kept.
	mu.Lock()
	p2 := "/digitaal/gemeenten-vernieuwen-2-7-iedereen-doet-mee/"
	pages[p2] = []byte(strings.Replace(string(pages[p2]), "veertig procent", "vijftig procent", 1))
	mu.Unlock()
	f3 := "corpus/artikelen/03-gemeenten-vernieuwen-3-7-samen-sterker.md"
	b3, _ := os.ReadFile(f3)
	writeFile(t, f3, strings.Replace(string(b3), "kent,” zegt hij.", "kent,”{spreker=samir-bouzid} zegt hij.", 1))
	code, out, _ = runCmd(t, "", steps[0]...)
	if !strings.Contains(out, "updated corpus/artikelen/02-") || !strings.Contains(out, "kept "+f3+": it was edited by hand") || code != 0 {
		t.Errorf("import after changes: exit %d\n%s", code, out)
	}
	if b, _ := os.ReadFile("corpus/artikelen/02-gemeenten-vernieuwen-2-7-iedereen-doet-mee.md"); !strings.Contains(string(b), "vijftig procent") {
		t.Error("the changed page did not update its file")
	}

	// Step 4: index and serve; the new parts are found with a theme and a
	// municipality filter together.
	if code, out, errOut := runCmd(t, "", steps[2]...); code != 0 {
		t.Fatalf("%v: exit %d\n%s%s", steps[2], code, out, errOut)
	}
	cfg, err := parseServe(&env{stderr: os.Stderr, getenv: func(string) string { return "" }}, steps[3][1:])
	if err != nil {
		t.Fatal(err)
	}
	cfg.Web.RateLimit = 0
	srv := startServer(t, cfg)
	srv.waitReady(t)
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			Article struct {
				Slug string `json:"slug"`
			} `json:"article"`
		} `json:"hits"`
	}
	if code := srv.getJSON(t, "/api/v1/search?q=register&theme=verantwoord-datagebruik&municipality=zandhaven", &res); code != 200 || res.Total == 0 {
		b, _ := json.Marshal(res)
		t.Fatalf("search: %d %s", code, b)
	}
	for _, h := range res.Hits {
		if h.Article.Slug != "data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het" {
			t.Errorf("hit from %q", h.Article.Slug)
		}
	}
}

// listedEntries returns the people.yaml and municipalities.yaml entries an
// import printed.
func listedEntries(out string) (people, munis string) {
	section := func(title string) string {
		i := strings.Index(out, title)
		if i < 0 {
			return ""
		}
		s := out[i:]
		s = s[strings.Index(s, "\n\n")+2:]
		if j := strings.Index(s, "\n\n"); j >= 0 {
			s = s[:j+1]
		}
		return s
	}
	return section("People named but not in"), section("Municipalities mentioned but not in")
}

func appendFile(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
}
