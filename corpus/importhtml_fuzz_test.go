package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzImportHTML imports any page: it does not panic, and what it makes
// either is an error or an article that parses without errors and whose
// passages hold no markup of the page.
func FuzzImportHTML(f *testing.F) {
	for _, name := range []string{"classic", "gutenberg", "news"} {
		src, err := os.ReadFile(filepath.Join(importDir, "pages", name+".html"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Add(`<title>T (1/2)</title><p>“Open <em>en <b>dicht</em></b>” {x} *y* [z](u) <q>q</q></p><ol><li><p>a<li>b</ol>`)
	f.Add(`<html><head><meta property="og:title" content="(1/3)"></head><body><h1>#</h1><blockquote><cite>—</cite></blockquote></body>`)
	f.Fuzz(func(t *testing.T, page string) {
		im, err := FromHTML([]byte(page), "https://example.invalid/a-1-2-b/", ImportMeta{})
		if err != nil {
			return
		}
		if im.Problems.HasErrors() {
			t.Fatalf("the import does not parse: %v\n%s", im.Problems, im.Markdown)
		}
		for _, p := range im.Article.Passages {
			if strings.Contains(p.Text, "<p>") || strings.Contains(p.Text, "<script") {
				t.Fatalf("markup in passage %q", p.Text)
			}
		}
		if CompareImport([]byte(im.Markdown), im.Markdown) != ImportUnchanged {
			t.Fatalf("the import does not match its own hash")
		}
	})
}
