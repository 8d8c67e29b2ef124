package index

import (
	"context"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
)

func TestVocabulary(t *testing.T) {
	c := shipped(t)
	idx, err := NewMemOnly(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	v, err := ReadVocabulary(idx)
	if err != nil {
		t.Fatal(err)
	}
	if !sort.SliceIsSorted(v.Words, func(i, j int) bool { return v.Words[i].Text < v.Words[j].Text }) {
		t.Error("words are not sorted")
	}
	an := idx.Mapping().AnalyzerNamed(AnalyzerDutch)
	byText := map[string]Word{}
	for _, w := range v.Words {
		if _, dup := byText[w.Text]; dup {
			t.Errorf("word %q listed twice", w.Text)
		}
		byText[w.Text] = w
	}
	for _, tt := range []struct {
		word     string
		minCount int
	}{
		{"gemeenten", 5},      // surface forms, not stems
		{"gemeente", 2},       // each form on its own, in lower case though names write Gemeente
		{"inclusiviteit", 2},  // in a heading and in the text
		{"AVG", 1},            // capitals kept where the corpus writes them
		{"Amsterdam", 1},      // a name
		{"Baron", 1},          // from the people's names
		{"geïnterviewde", 1},  // accents as written
		{"datagebruik", 1},    // from a heading
		{"Bosch", 1},          // from a municipality's alias
		{"thema’s", 1},        // apostrophes as written
		{"digitalisering", 2}, // text and a person's organisation
	} {
		w, ok := byText[tt.word]
		if !ok {
			t.Errorf("%q is not in the vocabulary", tt.word)
			continue
		}
		if w.Count < tt.minCount {
			t.Errorf("%q: count %d, want at least %d", tt.word, w.Count, tt.minCount)
		}
		toks := an.Analyze([]byte(tt.word))
		if len(toks) == 0 || w.Term != string(toks[0].Term) {
			t.Errorf("%q: term %q, the analyzer says %v", tt.word, w.Term, toks)
		}
	}
	for _, absent := range []string{"de", "het", "van", "gemeent", "amsterdam", "avg", "a", "2019", "Gemeente"} {
		if _, ok := byText[absent]; ok {
			t.Errorf("%q should not be in the vocabulary", absent)
		}
	}

	names := map[string]Name{}
	for _, n := range v.Names {
		names[n.Kind+"/"+n.Value] = n
	}
	want := map[string]Name{
		"person/ger-baron": {Kind: NamePerson, Value: "ger-baron", Text: "Ger Baron",
			Detail: "Chief Technology Officer, Amsterdam", URL: "/personen/ger-baron", Count: 2},
		"municipality/s-hertogenbosch": {Kind: NameMunicipality, Value: "s-hertogenbosch", Text: "'s-Hertogenbosch",
			Aliases: []string{"Den Bosch"}, Detail: "Noord-Brabant", Count: 2},
		"theme/samenwerken": {Kind: NameTheme, Value: "samenwerken", Text: "Belang van samenwerken met externe partijen", Count: 1},
		"role/uitvoering":   {Kind: NameRole, Value: "uitvoering", Text: "Uitvoering", Aliases: []string{"Senior Medewerker Burgerzaken"}, Detail: "Rol", Count: names["role/uitvoering"].Count},
	}
	if names["role/uitvoering"].Count == 0 {
		t.Error("the role Uitvoering counts nothing")
	}
	for key, w := range want {
		if diff := cmp.Diff(w, names[key]); diff != "" {
			t.Errorf("name %s (-want +got):\n%s", key, diff)
		}
	}
	if got := len(v.Names); got != len(c.People)+len(c.Municipalities)+len(c.Themes)+len(corpus.RoleCategories) {
		t.Errorf("%d names, want one per person, municipality, theme and role category", got)
	}
}
