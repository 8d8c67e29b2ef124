package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestImportWordPress(t *testing.T) {
	type article struct {
		Title, SourceURL, Published string
		Part, Parts                 int
		Authors                     []string
		Quotes                      []string
	}
	tests := []struct {
		file string
		want []article
		err  string // part of the error for the posts that are no part of the series
	}{
		{"posts.json", []article{
			{"Gemeenten vernieuwen (5/7): De uitdagingen", "https://lokaal-digitaal.example/digitaal/gemeenten-vernieuwen-5-7-de-uitdagingen/", "2019-02-26", 5, 7,
				[]string{"Pieter Schrijver"}, []string{"Innovatie is het eerste waarop bezuinigd wordt", "Terwijl het ons later geld bespaart.", "We doen het erbij, naast ons gewone werk"}},
			{"Gemeenten vernieuwen (6/7): De thema’s van 2019", "https://lokaal-digitaal.example/digitaal/gemeenten-vernieuwen-6-7-de-themas-van-2019/", "2019-03-05", 6, 7,
				[]string{"Pieter Schrijver"}, []string{"Die drie hangen samen"}},
		}, `post 541 "Vacature: eindredacteur"`},
		{"export.xml", []article{
			{"Gemeenten vernieuwen (7/7): Wat we leerden", "https://lokaal-digitaal.example/digitaal/gemeenten-vernieuwen-7-7-wat-we-leerden/", "2019-03-12", 7, 7,
				[]string{"Pieter Schrijver"}, []string{"Begin klein, leer snel en deel wat je leert"}},
			{"Gemeenten vernieuwen (1/7): Van elkaar leren", "https://lokaal-digitaal.example/digitaal/gemeenten-vernieuwen-1-7-van-elkaar-leren/", "2019-01-29", 1, 7,
				[]string{"Pieter Schrijver"}, nil},
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(importDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if f := DetectFormat(src); f != FormatWordPress {
				t.Errorf("format %q, want wordpress", f)
			}
			ims, err := Import(src, FormatAuto, "", ImportMeta{})
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("error: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "--part")):
				t.Errorf("error %v, want one about %s", err, tt.err)
			}
			var got []article
			for _, im := range ims {
				if im.Problems.HasErrors() {
					t.Errorf("%s: %v", im.Article.Path, im.Problems)
				}
				a := im.Article
				var quotes []string
				for _, q := range a.Quotes {
					quotes = append(quotes, q.Text)
				}
				got = append(got, article{a.Title, a.SourceURL, a.Published, a.Part, a.Parts, a.Authors, quotes})
				golden(t, filepath.Join(importDir, "golden", strings.TrimSuffix(filepath.Base(a.Path), ".md")+".md"), im.Markdown)
				for _, b := range []string{"Delen", "Gerelateerd", "X\n", "&#", "<", "Nog niet af", "logo-lokaal"} {
					if strings.Contains(a.Body, b) {
						t.Errorf("%s: %q survived", a.Path, b)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("articles (-want +got):\n%s", diff)
			}
		})
	}
}
