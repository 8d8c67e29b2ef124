package corpus

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fixtureDir is a complete fictional corpus that exercises every way a
// quote is written and attributed.
const fixtureDir = "testdata/voorbeeld"

func loadFixture(t *testing.T) *Corpus {
	t.Helper()
	c, err := Load(os.DirFS(fixtureDir))
	if err != nil {
		t.Fatalf("load %s: %v", fixtureDir, err)
	}
	return c
}

func TestScanQuotes(t *testing.T) {
	tests := []struct {
		name     string
		paras    []string
		want     []string
		unclosed int
	}{
		{"curly double", []string{"Hij zei “ja, natuurlijk.” en ging."}, []string{"ja, natuurlijk."}, 0},
		{"comma inside the closing mark", []string{"“Dat doen we,” zegt ze."}, []string{"Dat doen we"}, 0},
		{"low opening, curly closing", []string{"„Laag en hoog,” zegt ze."}, []string{"Laag en hoog"}, 0},
		{"low opening, German closing", []string{"„Zo kan het ook“, zegt hij."}, []string{"Zo kan het ook"}, 0},
		{"single marks", []string{"‘Enkel en alleen,’ zegt hij."}, []string{"Enkel en alleen"}, 0},
		{"straight marks", []string{`Een "recht" citaat en "nog een".`}, []string{"recht", "nog een"}, 0},
		{"two quotes", []string{"“Een.” En “twee.”"}, []string{"Een.", "twee."}, 0},
		{"single inside double", []string{"“Hij noemde het ‘een kans’ voor ons.”"}, []string{"Hij noemde het ‘een kans’ voor ons."}, 0},
		{"double inside single", []string{"‘Ze zei “nee” tegen mij,’ vertelt hij."}, []string{"Ze zei “nee” tegen mij"}, 0},
		{"apostrophe in a quote", []string{"“Zo’n auto’s rijden ’s avonds niet,” zegt ze."}, []string{"Zo’n auto’s rijden ’s avonds niet"}, 0},
		{"‘s-Hertogenbosch", []string{"Gerard Velders, Senior Medewerker Burgerzaken, Gemeente ‘s-Hertogenbosch"}, nil, 0},
		{"’s-Gravenhage and ’s avonds", []string{"In ’s-Gravenhage en ’s avonds in ‘s-Hertogenbosch."}, nil, 0},
		{"elisions", []string{"‘t Is mooi, ‘k weet het, ‘n keer, ‘m zien, ‘ns kijken, ‘s morgens."}, nil, 0},
		{"apostrophe inside words", []string{"auto's, auto’s, auto‘s, zo’n, thema’s en Kees’ fiets"}, nil, 0},
		{"year", []string{"De jaren ‘20 en ‘90 waren anders."}, nil, 0},
		{"inch mark", []string{`Een scherm van 12" breed.`}, nil, 0},
		{"opening mark before a space", []string{"Een “ los teken."}, nil, 0},
		{"empty quote", []string{"Leeg: “”."}, nil, 0},
		{"over paragraphs", []string{"Zij: “Een.", "“Twee.", "“Drie.”"}, []string{"Een. Twee. Drie."}, 0},
		{"over paragraphs, low reopening", []string{"„Een.", "„Twee.”"}, []string{"Een. Twee."}, 0},
		{"reopened with another family", []string{"“Een.", "‘Twee.’"}, []string{"Twee."}, 1},
		{"never closed", []string{"“Een.", "Twee."}, nil, 1},
		{"open at the end", []string{"Tekst “open"}, nil, 1},
		{"straight over paragraphs", []string{`"Een.`, `"Twee."`}, []string{"Een. Twee."}, 0},
		{"possessive inside a single quote", []string{"‘Dat is Kees’ fiets, niet de mijne,’ zegt hij."}, []string{"Dat is Kees’ fiets, niet de mijne"}, 0},
		{"possessives after x and z", []string{"‘Max’ idee en Inez’ plan werken samen.’"}, []string{"Max’ idee en Inez’ plan werken samen."}, 0},
		{"a final s closes before a verb of saying", []string{"‘Vraag het Kees’ zegt ze, ‘die weet het.’"}, []string{"Vraag het Kees", "die weet het."}, 0},
		{"a final s closes when nothing closes later", []string{"‘Dat zijn de kosten van Kees’ en dat is dat."}, []string{"Dat zijn de kosten van Kees"}, 0},
		{"a final s closes before a comma", []string{"‘Het is van Kees’, zegt ze. ‘Echt.’"}, []string{"Het is van Kees", "Echt."}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans, unclosed := scanQuotes(tt.paras)
			var got []string
			for _, s := range spans {
				got = append(got, s.text(tt.paras))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("quotes (-want +got):\n%s", diff)
			}
			if len(unclosed) != tt.unclosed {
				t.Errorf("unclosed marks: got %d, want %d", len(unclosed), tt.unclosed)
			}
		})
	}
}

// fixtureQuote is what the fixture test expects of one quote.
type fixtureQuote struct {
	Article     string
	N           int
	Line        int
	Text        string
	Speaker     string
	Attribution Attribution
}

// fixtureQuotes lists every quote of the fixture corpus, in order.
var fixtureQuotes = []fixtureQuote{
	{"het-digitale-loket", 1, 17, "Aan de balie zien we elke dag mensen die met een formulier worstelen.", "pieter-van-den-akker", AttrColon},
	{"het-digitale-loket", 2, 20, "We hebben de formulieren daarom herschreven in gewone taal", "pieter-van-den-akker", AttrVerb},
	// The second piece of a quote split by its attribution is a quote of its own, by the same speaker.
	{"het-digitale-loket", 3, 21, "Een zin van twintig woorden is lang genoeg.", "pieter-van-den-akker", AttrVerb},
	// "vertelt Marieke": first name only, three paragraphs after Marieke Jansen was introduced.
	{"het-digitale-loket", 4, 26, "Het aantal klachten is gehalveerd. Dat had ik niet durven hopen", "marieke-jansen", AttrVerb},
	{"het-digitale-loket", 5, 29, "Dit is precies wat we wilden zien.", "pieter-van-den-akker", AttrExplicit},
	{"het-digitale-loket", 6, 37, "Privacy is geen rem", "joris-mulder", AttrVerb},
	{"het-digitale-loket", 7, 37, "maar een ontwerpeis.", "joris-mulder", AttrVerb},
	{"het-digitale-loket", 8, 39, "Wij publiceren elk algoritme dat de gemeente gebruikt in een openbaar register.", "joris-mulder", AttrColon},
	{"het-digitale-loket", 9, 42, "Inwoners moeten kunnen zien waarom een besluit valt.", "joris-mulder", AttrPrevious},
	{"het-digitale-loket", 10, 48, "Wie meet, moet ook uitleggen wat hij meet", "joris-mulder", AttrVerb},
	{"het-digitale-loket", 11, 55, "De komende jaren draait het om mobiliteit en de energietransitie. Daar hebben we elkaar voor nodig. " +
		"Geen gemeente kan dat alleen. Daarom zoeken we partners in de regio. En we beginnen klein, met één wijk.", "marieke-jansen", AttrColon},
	{"samen-met-de-regio", 1, 17, "We delen onze software met de buurgemeenten.", "bram-de-wit", AttrColon},
	{"samen-met-de-regio", 2, 20, "Samenwerken begint bij elkaar kennen", "sanne-kok", AttrVerb},
	{"samen-met-de-regio", 3, 22, "Dat doen we al jaren", "bram-de-wit", AttrVerb},
	{"samen-met-de-regio", 4, 24, "Het kan altijd sneller", "bram-de-wit", AttrVerb},
	// "zegt ze": the sentence before names the speaker.
	{"samen-met-de-regio", 5, 26, "Niet elke gemeente wil haar data zomaar delen", "sanne-kok", AttrPrevious},
	{"samen-met-de-regio", 6, 29, "Een gedeeld platform scheelt ons geld en tijd", "sanne-kok", AttrVerb},
	// Both Mariekes were introduced: "aldus Marieke" is ambiguous.
	{"samen-met-de-regio", 7, 36, "Het platform is in het voorjaar klaar", "", AttrNone},
	// The sentence before names two people.
	{"samen-met-de-regio", 8, 38, "We beginnen in januari met twee wijken.", "", AttrNone},
	// Hanna is nobody in people.yaml.
	{"samen-met-de-regio", 9, 41, "Wij doen graag mee", "", AttrNone},
	// Karel Smeets is introduced only after the quote.
	{"samen-met-de-regio", 10, 43, "De regio moet één loket hebben", "", AttrNone},
	// A sentence of its own that only says who spoke.
	{"samen-met-de-regio", 11, 51, "Wij leren veel van de buren.", "bram-de-wit", AttrVerb},
	// In a list item.
	{"samen-met-de-regio", 12, 53, "Begin klein en deel wat werkt.", "sanne-kok", AttrColon},
}

func TestQuotesOfFixtures(t *testing.T) {
	c := loadFixture(t)
	var got []fixtureQuote
	for _, a := range c.Articles {
		for _, q := range a.Quotes {
			got = append(got, fixtureQuote{a.Slug, q.N, q.Line, q.Text, q.Speaker, q.Attribution})
		}
	}
	if diff := cmp.Diff(fixtureQuotes, got); diff != "" {
		t.Errorf("quotes of %s (-want +got):\n%s", fixtureDir, diff)
	}

	// Precision: every speaker the rules name is the right one.
	want := map[[2]any]string{}
	for _, w := range fixtureQuotes {
		want[[2]any{w.Article, w.N}] = w.Speaker
	}
	attributed, right := 0, 0
	for _, g := range got {
		if g.Speaker == "" {
			continue
		}
		attributed++
		if want[[2]any{g.Article, g.N}] == g.Speaker {
			right++
		}
	}
	if attributed == 0 || right != attributed {
		t.Errorf("attribution precision %d/%d, want 100%%", right, attributed)
	}
}

func TestQuotePiecesAreThePassageText(t *testing.T) {
	c := loadFixture(t)
	for _, a := range c.Articles {
		for _, q := range a.Quotes {
			var parts []string
			for _, p := range q.Pieces {
				parts = append(parts, p.Passage.Text[p.Start:p.End])
			}
			if got := strings.Join(parts, " "); got != q.Text {
				t.Errorf("%s quote %d: pieces give %q, text is %q", a.Slug, q.N, got, q.Text)
			}
			if q.Pieces[0].Passage != q.Passage {
				t.Errorf("%s quote %d: first piece is not in the quote's passage", a.Slug, q.N)
			}
		}
	}
	// The quote over three paragraphs has a piece in each.
	q := c.Article("het-digitale-loket").Quotes[10]
	var anchors []string
	for _, p := range q.Pieces {
		anchors = append(anchors, p.Passage.Anchor)
	}
	if diff := cmp.Diff([]string{"vooruit", "vooruit-2", "vooruit-3"}, anchors); diff != "" {
		t.Errorf("pieces of the quote over paragraphs (-want +got):\n%s", diff)
	}
}

func TestQuoteThemesAreTheSectionThemes(t *testing.T) {
	c := loadFixture(t)
	for _, q := range c.Article("het-digitale-loket").Quotes {
		if diff := cmp.Diff(q.Passage.Themes, q.Themes); diff != "" {
			t.Errorf("quote %d themes (-passage +quote):\n%s", q.N, diff)
		}
	}
	if got := c.Article("het-digitale-loket").Quotes[7].Themes; !cmp.Equal(got, []string{"verantwoord-datagebruik"}) {
		t.Errorf("quote 8 themes = %v, want [verantwoord-datagebruik]", got)
	}
}

func TestShippedCorpusHasNoQuotes(t *testing.T) {
	c, err := Load(Shipped())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) > 0 {
		t.Errorf("the shipped corpus has warnings:\n%v", c.Warnings)
	}
	a := c.Article("van-elkaar-leren")
	if a == nil || a.Part != 1 {
		t.Fatal("part 1 is missing")
	}
	if !strings.Contains(a.Body, "‘s-Hertogenbosch") {
		t.Fatal("part 1 no longer writes ‘s-Hertogenbosch: the test lost its point")
	}
	for _, q := range a.Quotes {
		t.Errorf("part 1 has no quotes, but %d was found at line %d: %q", q.N, q.Line, q.Text)
	}
}
