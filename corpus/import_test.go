package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectFormat(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(importDir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name, src string
		want      Format
	}{
		{"saved page", read("pages/classic.html"), FormatHTML},
		{"page without doctype", "\n  <html><body><p>Tekst</p></body></html>", FormatHTML},
		{"fragment", "<p>Een alinea.</p>\n<p>Nog een.</p>", FormatHTML},
		{"REST dump", read("posts.json"), FormatWordPress},
		{"one REST post", `{"id":1,"title":{"rendered":"T"},"content":{"rendered":"<p>x</p>"}}`, FormatWordPress},
		{"WXR", read("export.xml"), FormatWordPress},
		{"plain text", "Titel\n\nEen alinea met 3 < 4 en een pijl ->.\n", FormatText},
		{"text with a BOM", "\uFEFFTitel\n\nTekst.\n", FormatText},
		{"other JSON", `{"a": 1}`, FormatHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectFormat([]byte(tt.src)); got != tt.want {
				t.Errorf("DetectFormat = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestImportRefusesTheWrongFormat: --format text never takes markup in as
// text, and the other formats say what the source is.
func TestImportRefusesTheWrongFormat(t *testing.T) {
	page, _ := os.ReadFile(filepath.Join(importDir, "pages/news.html"))
	dump, _ := os.ReadFile(filepath.Join(importDir, "posts.json"))
	tests := []struct {
		name   string
		src    []byte
		format Format
		want   string
	}{
		{"HTML as text", page, FormatText, "the source is an HTML page, not plain text"},
		{"REST as text", dump, FormatText, "the source is a WordPress REST posts dump (JSON), not plain text"},
		{"REST as HTML", dump, FormatHTML, "not an HTML page: use --format wordpress"},
		{"HTML as WordPress", page, FormatWordPress, "the source is an HTML page, not a WordPress"},
		{"other JSON", []byte(`{"a": 1}`), FormatAuto, "JSON or XML that vanelkaar cannot import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import(tt.src, tt.format, "", ImportMeta{Part: 1})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf): no error")
	}
}

func TestCompareImport(t *testing.T) {
	md := withImportHash("---\ntitle: T\npart: 1\n---\n\nTekst.\n")
	changed := withImportHash("---\ntitle: T\npart: 1\n---\n\nAndere tekst.\n")
	tests := []struct {
		name     string
		existing []byte
		want     ImportState
	}{
		{"no file", nil, ImportNew},
		{"same import", []byte(md), ImportUnchanged},
		{"same import, CRLF", []byte(strings.ReplaceAll(md, "\n", "\r\n")), ImportUnchanged},
		{"source changed", []byte(changed), ImportChanged},
		{"edited by hand", []byte(strings.Replace(md, "Tekst.", "Tekst. {geen-citaat}", 1)), ImportEdited},
		{"edited, changed source", []byte(strings.Replace(changed, "Andere", "Heel andere", 1)), ImportEdited},
		{"written by hand", []byte("---\ntitle: T\npart: 1\n---\n\nTekst.\n"), ImportNotImported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CompareImport(tt.existing, md); got != tt.want {
				t.Errorf("CompareImport = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSeriesOf(t *testing.T) {
	tests := []struct {
		title, url  string
		series      string
		part, parts int
	}{
		{"Innovatie bij gemeenten (4/7): Samenwerking", "", "Innovatie bij gemeenten", 4, 7},
		{"Innovatie bij gemeenten 2/7 - Inclusie", "", "Innovatie bij gemeenten", 2, 7},
		{"Reeks, deel 3 van 6: data", "", "Reeks", 3, 6},
		{"Samenwerking essentieel", "https://x.example/digitaal/innovatie-bij-gemeenten-1-7-van-elkaar-leren/", "", 1, 7},
		{"Nieuws", "https://x.example/2019-01-15-nieuws/", "", 0, 0},
		{"Nieuws", "https://x.example/2019/01/15/nieuws/", "", 0, 0},
		{"Score 8/7 onmogelijk", "", "", 0, 0},
		{"Geen reeks", "https://x.example/geen-reeks/", "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.title+" "+tt.url, func(t *testing.T) {
			series, part, parts := seriesOf(tt.title, tt.url)
			if series != tt.series || part != tt.part || parts != tt.parts {
				t.Errorf("seriesOf = %q, %d, %d; want %q, %d, %d", series, part, parts, tt.series, tt.part, tt.parts)
			}
		})
	}
}
