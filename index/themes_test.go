package index

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
)

// fixtureDir is the fictional corpus of the corpus package's tests.
const fixtureDir = "../corpus/testdata/voorbeeld"

func fixture(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, err := loadFixtureTB(t)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func loadFixtureTB(tb testing.TB) (*corpus.Corpus, error) {
	tb.Helper()
	return corpus.Load(os.DirFS(fixtureDir))
}

func TestThemeSignals(t *testing.T) {
	s, err := newThemeSignals(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		given []string
		text  string
		want  []string
	}{
		{"no signal", nil, "Het team test elke nieuwe pagina.", []string{}},
		{"signal as written", nil, "Wij publiceren elk algoritme.", []string{"verantwoord-datagebruik"}},
		{"inflected forms", nil, "Toegankelijke websites, technologische hulp, budgetten en samenwerkingen.",
			[]string{"inclusiviteit", "behoefte-en-technologie", "samenwerken", "uitdagingen"}},
		{"section theme first", []string{"themas-2019"}, "Daarom zoeken we partners in de regio.",
			[]string{"themas-2019", "samenwerken"}},
		{"section theme not repeated", []string{"verantwoord-datagebruik"}, "Privacy en data.",
			[]string{"verantwoord-datagebruik"}},
		{"accents and case", nil, "DIGITALISERING en Mobiliteit", []string{"themas-2019"}},
		{"part of a hyphenated word", nil, "De e-privacy van inwoners.", []string{"verantwoord-datagebruik"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, s.themes(tt.given, tt.text)); diff != "" {
				t.Errorf("themes of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
