package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// spansOf marks every occurrence of each word in text as a whole word,
// with the word as its term.
func spansOf(text string, words ...string) []Span {
	var spans []Span
	isLetter := func(i int) bool {
		if i < 0 || i >= len(text) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(text[i:])
		return unicode.IsLetter(r)
	}
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			st, en := i+j, i+j+len(w)
			if !isLetter(st-1) && !isLetter(en) {
				spans = append(spans, Span{Start: st, End: en, Term: w})
			}
			i = en
		}
	}
	return spans
}

const longPassage = "De gemeenteraad van Proefdorp vroeg vorig jaar om meer openheid. " +
	"Het college beloofde toen elk kwartaal te rapporteren over de projecten. " +
	"Inmiddels ligt er een handreiking voor ambtenaren die met persoonsgegevens werken, met voorbeelden uit de praktijk. " +
	"Wie een nieuw algoritme wil inzetten, doet eerst een impacttoets en vraagt advies aan de functionaris gegevensbescherming. " +
	"Pas daarna beslist de directie. " +
	"Zo blijft het voor inwoners duidelijk wat er met hun gegevens gebeurt."

func TestMakeSnippet(t *testing.T) {
	long := strings.Repeat("woord ", 60) + "algoritme " + strings.Repeat("tekst ", 60)
	tests := []struct {
		name  string
		text  string
		spans []Span
		want  string // Fragment.Text("[", "]")
	}{
		{
			name:  "short text whole",
			text:  "Privacy is een ontwerpeis.",
			spans: spansOf("Privacy is een ontwerpeis.", "ontwerpeis"),
			want:  "Privacy is een [ontwerpeis].",
		},
		{
			name: "no spans: the start",
			text: "Eerste zin. Tweede zin.",
			want: "Eerste zin. Tweede zin.",
		},
		{
			name:  "best sentence with the next one, cut before",
			text:  longPassage,
			spans: spansOf(longPassage, "algoritme", "impacttoets"),
			want: "… Wie een nieuw [algoritme] wil inzetten, doet eerst een [impacttoets] en vraagt advies aan de functionaris gegevensbescherming. " +
				"Pas daarna beslist de directie. Zo blijft het voor inwoners duidelijk wat er met hun gegevens gebeurt.",
		},
		{
			name:  "sentence with more different words wins over more matches of one",
			text:  longPassage,
			spans: spansOf(longPassage, "gegevens", "inwoners"),
			want: "… Wie een nieuw algoritme wil inzetten, doet eerst een impacttoets en vraagt advies aan de functionaris gegevensbescherming. " +
				"Pas daarna beslist de directie. Zo blijft het voor [inwoners] duidelijk wat er met hun [gegevens] gebeurt.",
		},
		{
			name:  "a sentence longer than the snippet is cut at words",
			text:  long,
			spans: spansOf(long, "algoritme"),
			want:  "… " + strings.Repeat("woord ", 9) + "[algoritme] " + strings.TrimSpace(strings.Repeat("tekst ", 29)) + " …",
		},
		{
			name:  "spans out of range or overlapping are ignored",
			text:  "Data als kans.",
			spans: []Span{{Start: -1, End: 3}, {Start: 0, End: 4, Term: "data"}, {Start: 2, End: 6}, {Start: 10, End: 99}},
			want:  "[Data] als kans.",
		},
		{
			name:  "a span inside a multi-byte rune is ignored",
			text:  "coöperatie",
			spans: []Span{{Start: 0, End: 3}},
			want:  "coöperatie",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := MakeSnippet(tt.text, tt.spans)
			if diff := cmp.Diff(tt.want, f.Text("[", "]")); diff != "" {
				t.Errorf("snippet (-want +got):\n%s", diff)
			}
			checkFragment(t, tt.text, tt.spans, f)
		})
	}
}

func TestMakeSnippetLength(t *testing.T) {
	// A long text of short sentences gives a snippet of about 160 to 240
	// characters, made of whole sentences.
	f := MakeSnippet(longPassage, spansOf(longPassage, "kwartaal"))
	text := f.Text("", "")
	body := strings.TrimSuffix(strings.TrimPrefix(text, "… "), " …")
	if n := utf8.RuneCountInString(body); n < snippetMin || n > snippetMax {
		t.Errorf("snippet is %d characters, want %d to %d: %q", n, snippetMin, snippetMax, body)
	}
	if !strings.HasPrefix(body, "Het college") || !strings.HasSuffix(body, ".") {
		t.Errorf("snippet does not consist of whole sentences: %q", body)
	}
	if !f.CutBefore || !f.CutAfter {
		t.Errorf("CutBefore %v CutAfter %v, want both", f.CutBefore, f.CutAfter)
	}
}

func TestFragmentHTML(t *testing.T) {
	text := `Een inwoner typte <script>alert("hallo")</script> & meer in het zoekveld.`
	f := MakeSnippet(text, spansOf(text, "script", "zoekveld"))
	want := `Een inwoner typte &lt;<mark>script</mark>&gt;alert(&#34;hallo&#34;)&lt;/<mark>script</mark>&gt; &amp; meer in het <mark>zoekveld</mark>.`
	if got := f.HTML(); got != want {
		t.Errorf("HTML() =\n%s\nwant\n%s", got, want)
	}
	cut := Fragment{Parts: []Part{{Text: "<b>"}, {Text: "x", Mark: true}}, CutBefore: true, CutAfter: true}
	if got, want := cut.HTML(), "… &lt;b&gt;<mark>x</mark> …"; got != want {
		t.Errorf("HTML() = %q, want %q", got, want)
	}
}

func TestHighlight(t *testing.T) {
	title := "Verantwoord datagebruik in Proefdorp"
	f := Highlight(title, spansOf(title, "datagebruik", "Proefdorp"))
	if got, want := f.HTML(), "Verantwoord <mark>datagebruik</mark> in <mark>Proefdorp</mark>"; got != want {
		t.Errorf("HTML() = %q, want %q", got, want)
	}
	if f.CutBefore || f.CutAfter {
		t.Errorf("a title is never cut")
	}
}

// checkFragment asserts the properties every snippet has: parts in order
// and in range, their text the text at their offset, every mark exactly
// one of the given spans, and HTML with no markup but <mark>.
func checkFragment(t *testing.T, text string, spans []Span, f Fragment) {
	t.Helper()
	checkParts(t, text, spans, f)
	if len(f.Parts) > 0 {
		first, last := f.Parts[0], f.Parts[len(f.Parts)-1]
		if n := utf8.RuneCountInString(text[first.Start : last.Start+len(last.Text)]); n > snippetMax {
			t.Fatalf("snippet spans %d characters, more than %d", n, snippetMax)
		}
	}
}

// checkParts asserts the properties of any fragment, snippet or title.
func checkParts(t *testing.T, text string, spans []Span, f Fragment) {
	t.Helper()
	valid := map[[2]int]bool{}
	for _, s := range cleanSpans(text, spans) {
		valid[[2]int{s.Start, s.End}] = true
	}
	pos := 0
	for _, p := range f.Parts {
		end := p.Start + len(p.Text)
		if p.Start < pos || end > len(text) {
			t.Fatalf("part %+v out of order or out of range (previous end %d, text length %d)", p, pos, len(text))
		}
		if text[p.Start:end] != p.Text {
			t.Fatalf("part %+v is not the text at its offset: %q", p, text[p.Start:end])
		}
		if p.Mark && !valid[[2]int{p.Start, end}] {
			t.Fatalf("marked part %+v is not one of the spans", p)
		}
		pos = end
	}
	h := strings.ReplaceAll(strings.ReplaceAll(f.HTML(), "<mark>", ""), "</mark>", "")
	if strings.ContainsAny(h, "<>") {
		t.Fatalf("HTML has markup other than <mark>: %q", f.HTML())
	}
	if n := strings.Count(f.HTML(), "<mark>"); n != strings.Count(f.HTML(), "</mark>") {
		t.Fatalf("unbalanced marks in %q", f.HTML())
	}
}

// FuzzMakeSnippet checks the snippet properties for any text and spans.
func FuzzMakeSnippet(f *testing.F) {
	f.Add(longPassage, 10, 20, 200, 215, "")
	f.Add(`<script>alert("x")</script> & <b>`, 1, 7, 20, 26, "script")
	f.Add("coöperatie ë ï", 0, 3, 2, 4, "x")
	f.Add(strings.Repeat("a ", 300), 100, 101, 590, 599, "a")
	f.Add("Eén. Twee! Drie? Vier… “Vijf.” Zes", 5, 9, 0, 3, "twee")
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int, term string) {
		spans := []Span{{Start: s1, End: e1, Term: term}, {Start: s2, End: e2, Term: term + "2"}}
		frag := MakeSnippet(text, spans)
		checkFragment(t, text, spans, frag)
		title := Highlight(text, spans)
		checkParts(t, text, spans, title)
		var whole strings.Builder
		for _, p := range title.Parts {
			whole.WriteString(p.Text)
		}
		if whole.String() != text {
			t.Fatalf("Highlight lost text: %q, want %q", whole.String(), text)
		}
	})
}
