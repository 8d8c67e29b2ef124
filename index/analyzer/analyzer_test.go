package analyzer

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/google/go-cmp/cmp"

	"vanelkaar/index/dutch"
)

// tok is a token as the tests compare it: its position, the text of the
// input it covers (which checks the offsets) and its term.
type tok struct {
	Pos  int
	Text string
	Term string
}

func analyzers(t testing.TB) (index, query analysis.Analyzer) {
	t.Helper()
	index, err := New()
	if err != nil {
		t.Fatal(err)
	}
	query, err = NewQuery()
	if err != nil {
		t.Fatal(err)
	}
	return index, query
}

func toks(a analysis.Analyzer, input string) []tok {
	out := []tok{}
	for _, t := range a.Analyze([]byte(input)) {
		out = append(out, tok{t.Position, input[t.Start:t.End], string(t.Term)})
	}
	return out
}

// TestAnalyzer lists what the index analyzer makes of each case the chain
// handles.
func TestAnalyzer(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []tok
	}{
		// Stemming (package dutch) and stop words.
		{"plural -en", "gemeenten", []tok{{1, "gemeenten", "meen"}}},
		{"plural -s", "gemeentes", []tok{{1, "gemeentes", "meen"}}},
		{"derivation", "innovaties", []tok{{1, "innovaties", "innoveer"}}},
		{"stop words leave gaps", "van de gemeente", []tok{{3, "gemeente", "meen"}}},
		{"only stop words", "de en het", []tok{}},
		{"lower case", "GEMEENTEN Innovatie", []tok{{1, "GEMEENTEN", "meen"}, {2, "Innovatie", "innoveer"}}},

		// NFC: a decomposed ë is the composed one.
		{"NFC", "financie\u0308le", []tok{{1, "financie\u0308le", "financieel"}, {1, "financie\u0308le", "financiel"}}},

		// Apostrophes.
		{"straight apostrophe s", "'s-Hertogenbosch", []tok{
			{1, "'s-Hertogenbosch", "s-hertonbosch"}, {1, "Hertogenbosch", "hertonbosch"}}},
		{"opening curly quote as apostrophe", "‘s-Hertogenbosch", []tok{
			{1, "‘s-Hertogenbosch", "s-hertonbosch"}, {1, "Hertogenbosch", "hertonbosch"}}},
		{"closing curly quote as apostrophe", "’s-Hertogenbosch", []tok{
			{1, "’s-Hertogenbosch", "s-hertonbosch"}, {1, "Hertogenbosch", "hertonbosch"}}},
		{"apostrophe left out", "s-Hertogenbosch", []tok{
			{1, "s-Hertogenbosch", "s-hertonbosch"}, {1, "Hertogenbosch", "hertonbosch"}}},
		{"plural 's", "auto's", []tok{{1, "auto's", "auto"}}},
		{"plural ’s", "auto’s", []tok{{1, "auto’s", "auto"}}},
		{"plural with backtick", "auto`s", []tok{{1, "auto`s", "auto"}}},
		{"zo'n is one word", "zo'n", []tok{{1, "zo'n", "zo'n"}}},
		{"zo’n is one word", "zo’n", []tok{{1, "zo’n", "zo'n"}}},
		{"modifier letter apostrophe", "autoʼs ʼs-Hertogenbosch ʼ", []tok{
			{1, "autoʼs", "auto"}, {2, "ʼs-Hertogenbosch", "s-hertonbosch"}, {2, "Hertogenbosch", "hertonbosch"}}},
		{"clitics are function words", "'s avonds en ’t werk", []tok{{2, "avonds", "avond"}, {5, "werk", "werk"}}},
		{"rock 'n' roll", "rock 'n' roll", []tok{{1, "rock", "rock"}, {3, "roll", "roll"}}},
		{"year", "de jaren '80", []tok{{2, "jaren", "jaar"}, {3, "'80", "80"}}},
		{"quoted word keeps no quote", "‘innovatie’ en 'data'", []tok{{1, "innovatie", "innoveer"}, {3, "data", "data"}}},
		{"possessive apostrophe after s", "Kees' fiets", []tok{{1, "Kees", "kees"}, {2, "fiets", "fiet"}}},

		// Hyphens: the whole word and its parts at one position.
		{"e-privacy", "e-privacy", []tok{{1, "e-privacy", "e-privacy"}, {1, "e-privacy", "eprivacy"}, {1, "privacy", "privacy"}}},
		{"Noord-Holland", "Noord-Holland", []tok{
			{1, "Noord-Holland", "noord-holland"}, {1, "Noord-Holland", "noordholland"}, {1, "Noord", "noord"}, {1, "Holland", "holland"}}},
		{"only the last part is stemmed", "e-mails", []tok{{1, "e-mails", "e-mail"}, {1, "e-mails", "email"}, {1, "mails", "mail"}}},
		{"stop word parts go", "doe-het-zelf", []tok{{1, "doe-het-zelf", "doe-het-zelf"}, {1, "doe-het-zelf", "doehetzelf"}, {1, "doe", "doe"}}},
		{"Unicode hyphen", "e\u2010privacy", []tok{{1, "e\u2010privacy", "e-privacy"}, {1, "e\u2010privacy", "eprivacy"}, {1, "privacy", "privacy"}}},
		{"hyphen at the end", "privacy- en informatiebeveiliging", []tok{
			{1, "privacy", "privacy"}, {3, "informatiebeveiliging", "informatiebeveil"},
			{3, "informatiebeveiliging", "-informeer"}, {3, "informatiebeveiliging", "-beveil"}}},

		// Compounds: the whole word, then its parts marked with PartPrefix,
		// stemmed, at the same position and offsets.
		{"compound", "energietransitie", []tok{
			{1, "energietransitie", "energietransitie"}, {1, "energietransitie", "-energ"}, {1, "energietransitie", "-transitie"}}},
		{"linking -s-", "Stadsdelen", []tok{
			{1, "Stadsdelen", "stadsdeel"}, {1, "Stadsdelen", "-stad"}, {1, "Stadsdelen", "-deel"}}},
		{"nested", "gemeenteraadsvergadering", []tok{
			{1, "gemeenteraadsvergadering", "meenteraadsvergader"}, {1, "gemeenteraadsvergadering", "-meen"},
			{1, "gemeenteraadsvergadering", "-raadsvergader"}, {1, "gemeenteraadsvergadering", "-raad"},
			{1, "gemeenteraadsvergadering", "-vergader"}}},
		{"no compound", "verlening informatie", []tok{{1, "verlening", "verleen"}, {2, "informatie", "informeer"}}},
		{"compound part of a hyphenated word", "e-mailadres", []tok{
			{1, "e-mailadres", "e-mailadr"}, {1, "e-mailadres", "emailadr"}, {1, "mailadres", "mailadr"}, {1, "mailadres", "-mail"}, {1, "mailadres", "-adr"}}},
		{"dash between words", "innovatie - data", []tok{{1, "innovatie", "innoveer"}, {2, "data", "data"}}},
		{"after the compound", "Noord-Holland gemeenten", []tok{
			{1, "Noord-Holland", "noord-holland"}, {1, "Noord-Holland", "noordholland"}, {1, "Noord", "noord"}, {1, "Holland", "holland"}, {2, "gemeenten", "meen"}}},

		// Accents, folded after stemming.
		{"accented", "financiële", []tok{{1, "financiële", "financieel"}, {1, "financiële", "financiel"}}},
		{"unaccented", "financiele", []tok{{1, "financiele", "financiel"}}},
		{"variant stems alike", "geïnterviewde", []tok{{1, "geïnterviewde", "interview"}}},
		{"unaccented participle", "geinterviewde", []tok{{1, "geinterviewde", "interview"}}},
		{"ligature ij", "ĳs", []tok{{1, "ĳs", "ijs"}}},

		// Numbers and invisible characters.
		{"decimal comma", "3,5 miljoen", []tok{{1, "3,5", "3,5"}, {2, "miljoen", "miljoen"}}},
		{"range", "2019-2020", []tok{{1, "2019-2020", "2019-2020"}, {1, "2019", "2019"}, {1, "2020", "2020"}}},
		{"soft hyphen", "gemeen\u00adten", []tok{{1, "gemeen\u00adten", "meen"}}},
		{"sentence end is no joiner", "data.Gemeente", []tok{{1, "data", "data"}, {2, "Gemeente", "meen"}}},
		{"invalid UTF-8", "data\xffgemeente", []tok{{1, "data", "data"}, {2, "gemeente", "meen"}}},
	}
	index, _ := analyzers(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, toks(index, tt.input)); diff != "" {
				t.Errorf("Analyze(%q) mismatch (-want +got):\n%s", tt.input, diff)
			}
		})
	}
}

// TestQueryAnalyzer checks that the query analyzer keeps hyphenated words
// and compounds whole and is otherwise the index analyzer.
func TestQueryAnalyzer(t *testing.T) {
	tests := []struct {
		input string
		want  []tok
	}{
		{"e-privacy", []tok{{1, "e-privacy", "e-privacy"}, {1, "e-privacy", "eprivacy"}}},
		{"'s-Hertogenbosch", []tok{{1, "'s-Hertogenbosch", "s-hertonbosch"}}},
		{"Noord-Holland gemeenten", []tok{{1, "Noord-Holland", "noord-holland"}, {1, "Noord-Holland", "noordholland"}, {2, "gemeenten", "meen"}}},
		{"de financiële auto’s", []tok{{2, "financiële", "financieel"}, {2, "financiële", "financiel"}, {3, "auto’s", "auto"}}},
		{"energietransitie", []tok{{1, "energietransitie", "energietransitie"}}}, // no parts
	}
	_, query := analyzers(t)
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, toks(query, tt.input)); diff != "" {
				t.Errorf("Analyze(%q) mismatch (-want +got):\n%s", tt.input, diff)
			}
		})
	}
}

// finds reports whether a one-word query finds a text: at every position of
// the query, one of its terms is among the text's terms, as a whole word
// or as a compound's part (which a search matches with less weight).
func finds(index, query analysis.Analyzer, q, text string) bool {
	terms := map[string]bool{}
	for _, t := range index.Analyze([]byte(text)) {
		terms[string(t.Term)] = true
	}
	byPos := map[int]bool{}
	for _, t := range query.Analyze([]byte(q)) {
		byPos[t.Position] = byPos[t.Position] || terms[string(t.Term)] || terms[PartTerm(string(t.Term))]
	}
	if len(byPos) == 0 {
		return false
	}
	for _, ok := range byPos {
		if !ok {
			return false
		}
	}
	return true
}

// TestFinds checks which spellings meet, the way a search uses the two
// analyzers: the query's words against the indexed text.
func TestFinds(t *testing.T) {
	tests := []struct {
		query, text string
		want        bool
	}{
		{"innovaties", "innovatie", true},
		{"gemeentes", "gemeenten", true},
		{"geinterviewde", "geïnterviewde", true},
		{"geïnterviewde", "geinterviewde", true},
		{"financiele", "financiële", true},
		{"financiële", "financiele", true},
		{"financiële", "financieel", true},
		{"financieel", "financiële", true},
		{"'s-Hertogenbosch", "Gemeente ‘s-Hertogenbosch", true},
		{"‘s-Hertogenbosch", "Gemeente 's-Hertogenbosch", true},
		{"s-hertogenbosch", "Gemeente ‘s-Hertogenbosch", true},
		{"Hertogenbosch", "Gemeente ‘s-Hertogenbosch", true},
		{"auto", "auto's", true},
		{"auto's", "auto", true},
		{"privacy", "de e-privacy verordening", true},
		{"e-privacy", "de e-privacy verordening", true},
		{"holland", "Noord-Holland", true},
		{"Noord-Holland", "Noord-Holland", true},
		{"zo'n", "zo’n", true},
		{"energie", "de energietransitie", true},
		{"Noord-Holland", "Noord-Hollandse gemeenten", true},
		{"Noord-Hollandse", "in Noord-Holland", true},
		{"schreef", "geschreven", true},
		{"opgeschreven", "opschrijven", true},
		{"gekozen", "koos", true},
		{"grotere", "groot", true},
		{"data", "het datagebruik", true},
		{"verlening", "dienstverlening", true},
		{"raad", "gemeenteraadsvergaderingen", true},
		{"stad", "stadsdelen", true},

		{"e-privacy", "privacy", false},
		{"zo", "zo'n", false},
		{"Noord-Holland", "Zuid-Holland", false},
		{"privacy", "e-mail", false},
		{"de", "de gemeente", false},
		{"lening", "dienstverlening", false},
		{"energietransitie", "energie", false},
		{"energietransitie", "energiebesparing", false},
	}
	index, query := analyzers(t)
	for _, tt := range tests {
		t.Run(tt.query+" in "+tt.text, func(t *testing.T) {
			if got := finds(index, query, tt.query, tt.text); got != tt.want {
				t.Errorf("query %q finds %q = %v, want %v", tt.query, tt.text, got, tt.want)
			}
		})
	}
}

// TestStemmerTerms checks that a plain word's term is the stemmer's stem.
func TestStemmerTerms(t *testing.T) {
	index, _ := analyzers(t)
	for _, w := range []string{"gemeenten", "innovaties", "lichamelijke", "uitdagingen", "verlening", "samenwerking"} {
		got := toks(index, w)
		want := []tok{{1, w, dutch.Stem(w, false)}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Analyze(%q) mismatch (-want +got):\n%s", w, diff)
		}
	}
}

func TestIsStopWord(t *testing.T) {
	for w, want := range map[string]bool{
		"de": true, "De": true, "'t": true, "’s": true, "'n": true,
		"gemeente": false, "zo'n": false, "s": false, "e-privacy": false,
	} {
		if got := IsStopWord(w); got != want {
			t.Errorf("IsStopWord(%q) = %v, want %v", w, got, want)
		}
	}
}
