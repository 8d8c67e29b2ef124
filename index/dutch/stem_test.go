package dutch

import (
	"testing"
)

// Examples from Snowball's Dutch vocabulary, chosen to cover the
// exceptions of the algorithm and the ge- removal.
func TestStemExamples(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"maken", "maak"},
		{"schoenen", "schoen"},
		{"draaien", "draai"},
		{"vrijen", "vrij"},
		{"huisje", "huis"},
		{"kinderen", "kinder"},
		{"mogelijkheden", "molijk"},
		{"gemaakt", "maak"},
		{"opgemaakt", "opmaak"},
		{"algemene", "almeen"},
		{"gevalideerd", "valideer"},
		{"ideeën", "ideeën"},
		// Exceptions in the Snowball source.
		{"schilderij", "schilder"},
		{"schild", "schild"},
		{"innig", "innig"},
		{"innen", "inn"},
		{"geïnd", "inn"},
		{"geënt", "ent"},
		{"geeft", "geef"},
		{"gevallen", "geval"},
		{"vallen", "val"},
		{"gevaren", "gevaar"},
		{"varen", "vaar"},
	} {
		if got := Stem(tc.word, true); got != tc.want {
			t.Errorf("Stem(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestStemNormalizesInput(t *testing.T) {
	if got := Stem("  Gemaakt\t", true); got != "maak" {
		t.Errorf(`Stem("  Gemaakt\t") = %q, want "maak"`, got)
	}
	if got := Stem("", true); got != "" {
		t.Errorf(`Stem("") = %q, want ""`, got)
	}
	// Words longer than the stack buffer take the same path.
	long := "landbouwontwikkelingsmogelijkheden"
	if got, want := Stem(long, true), "landbouwontwikkelingsmolijk"; got != want {
		t.Errorf("Stem(%q) = %q, want %q", long, got, want)
	}
	// Invalid UTF-8 must not panic.
	_ = Stem("ge\xffmaakt", true)
}

func TestStopWords(t *testing.T) {
	words := StopWords()
	if len(words) != 101 {
		t.Fatalf("StopWords() has %d words, want 101", len(words))
	}
	for _, w := range words {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false", w)
		}
	}
	words[0] = "changed"
	if StopWords()[0] != "de" {
		t.Error("StopWords() shares its backing array with the caller")
	}
	for _, w := range []string{"huis", "maken", ""} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true", w)
		}
	}
	// Stop words are left alone unless asked for.
	if got := Stem("Hebben", false); got != "hebben" {
		t.Errorf(`Stem("Hebben", false) = %q, want "hebben"`, got)
	}
	if got := Stem("hebben", true); got != "heb" {
		t.Errorf(`Stem("hebben", true) = %q, want "heb"`, got)
	}
}
