package corpus

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestReadSeriesShipped(t *testing.T) {
	s, ps := ReadSeries(os.DirFS("."))
	if len(ps) > 0 || s == nil {
		t.Fatalf("series.yaml: %v", ps)
	}
	if s.Name != "Innovatie bij gemeenten: Van elkaar leren" || s.Parts != 7 || len(s.Items) != 3 || s.Items[0].Part != 1 {
		t.Errorf("series %+v", s)
	}
	// Part 1 is listed with the address the shipped article names.
	c, err := Load(Shipped())
	if err != nil {
		t.Fatal(err)
	}
	if s.Items[0].URL != c.Articles[0].SourceURL {
		t.Errorf("part 1 at %q, the article says %q", s.Items[0].URL, c.Articles[0].SourceURL)
	}
}

func TestReadSeriesProblems(t *testing.T) {
	themes, _ := os.ReadFile("themes.yaml")
	tests := []struct {
		name, src string
		want      []string
	}{
		{"no series file", "", nil},
		{"complete", "name: R\nparts: 3\narticles:\n  - part: 1\n    url: https://x.example/1\n  - file: deel-2.html\n    themes: [samenwerken]\n", nil},
		{"problems", "name: R\nparts: 3\narticles:\n  - part: 4\n    url: ftp://x\n  - part: 2\n  - part: 2\n    url: https://x.example/2\n    file: x.html\n    themes: [onbekend]\n  - url: https://x.example/3\n    titel: x\n",
			[]string{
				"series.yaml:4: part 4 is not one of the series' 3 parts",
				"series.yaml:5: url \"ftp://x\" must be an http(s) address",
				"series.yaml:6: give each part either a url or a file (a saved page, relative to the corpus folder)",
				"series.yaml:7: part 2 is listed twice (first at line 6)",
				"series.yaml:7: give each part either a url or a file (a saved page, relative to the corpus folder)",
				"series.yaml:10: unknown theme \"onbekend\" (not in themes.yaml)",
				"series.yaml:12: unknown field \"titel\" (known fields: file, part, slug, themes, url)",
			}},
		{"a file outside the corpus", "name: R\nparts: 3\narticles:\n  - file: ../../etc/passwd\n  - file: /etc/passwd\n",
			[]string{
				"series.yaml:4: file \"../../etc/passwd\" must be a path inside the corpus folder (relative, with / and no ..)",
				"series.yaml:5: file \"/etc/passwd\" must be a path inside the corpus folder (relative, with / and no ..)",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{ThemesFile: {Data: themes}}
			if tt.src != "" {
				fsys[SeriesFile] = &fstest.MapFile{Data: []byte(tt.src)}
			}
			_, ps := ReadSeries(fsys)
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	// The check reports them too.
	fsys := fstest.MapFS{SeriesFile: {Data: []byte("name: R\n")}}
	found := false
	for _, p := range Check(fsys) {
		found = found || strings.Contains(p.String(), "series.yaml:1: give the number of parts")
	}
	if !found {
		t.Error("Check does not report the series file's problems")
	}
}
