package corpus

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files of the import tests")

const importDir = "testdata/import"

// importPage imports one fixture page of testdata/import/pages.
func importPage(t *testing.T, name string) Imported {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(importDir, "pages", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	ims, err := Import(src, FormatAuto, "", ImportMeta{})
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	if len(ims) != 1 {
		t.Fatalf("import %s: %d articles, want 1", name, len(ims))
	}
	if ims[0].Problems.HasErrors() {
		t.Fatalf("import %s: %v", name, ims[0].Problems)
	}
	return ims[0]
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./corpus -run %s -update)", err, t.Name())
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

// The three kinds of page the fixtures stand for, with what their front
// matter must say and what of the page must not survive.
var pageFixtures = []struct {
	name      string
	title     string
	part      int
	url       string
	published string
	authors   []string
	// phrases of the article that must come through word for word,
	// quotation marks and apostrophes included
	kept []string
	// the page's article text (header and body), and the marks of the
	// boilerplate inside it (a sponsored quote, a repeated pull quote)
	article string
	dropped string
}{
	{"classic", "Gemeenten vernieuwen (2/7): Iedereen doet mee", 2,
		"https://lokaal-digitaal.example/digitaal/gemeenten-vernieuwen-2-7-iedereen-doet-mee/", "2019-02-05", []string{"Pieter Schrijver"},
		[]string{"“Niet iedereen heeft een laptop of de tijd om een formulier van twaalf pagina’s in te vullen,” zegt De Wit. “Daarom houden we de balie open.”",
			"‘digitaal, tenzij’-aanpak", "ouderen ’s avonds", "> „Als een inwoner drie keer belt over hetzelfde formulier, is het formulier het probleem en niet de inwoner.”",
			`Hij noemt dat "gewoon fatsoen".`, "zo’n tweehonderd", "‘Het was Kees’ idee om de auto’s van de gemeente als rijdend loket in te zetten,’",
			"### Wat de gemeente leerde", "- Houd de balie open voor wie niet digitaal kan of wil.", "*Gemeenten vernieuwen*", "**Het resultaat:**"},
		".entry-content", ""},
	{"gutenberg", "Gemeenten vernieuwen (3/7): Samen sterker", 3,
		"https://lokaal-digitaal.example/digitaal/gemeenten-vernieuwen-3-7-samen-sterker/", "2019-02-12", []string{"Sanne Pen", "Jeroen Inkt"},
		[]string{"Bouzid: “Alleen waren we een kleine klant.", "een „living lab“.", "> ‘Studenten stellen de vragen die wij vergeten te stellen. Dat houdt ons scherp.’\n> — Lotte Kamphuis",
			"Ze waarschuwt wel: „Een proef is pas geslaagd als je weet wat je ermee gaat doen.”", `"Dat was het begin," zegt Achterberg.`,
			"### Wat levert het op?", "- Eén aanspreekpunt bij de leverancier"},
		".wp-block-post-content", ""},
	{"news", "Data met zorg: zo doen Zandhaven en Voorbeeldstad het", 4,
		"https://nieuwsdienst-noord.example/binnenland/gemeenten-vernieuwen-4-7-data-met-zorg", "2019-02-19", []string{"Redactie Noord"},
		[]string{"**Gemeenten willen data gebruiken, maar wel verantwoord.", "Wethouder Fenna de Wit: ‘We verzamelen niets zonder dat we weten waarvoor. Dat is de regel.’",
			"camera’s fietsers telden", `"Niemand hoeft het wiel opnieuw uit te vinden," zegt hij.`, "## Eerst de vraag, dan de data"},
		".article-intro, .article-body", "“”“”"},
}

// boilerplate is text of the fixture pages around the article: none of it
// may reach the corpus.
var boilerplate = []string{
	"Lokaal Digitaal", "Nieuwsdienst Noord", "Naar de inhoud", "Digitaal\n", "Vacatures", "Kruimelpad", "Home",
	"Auteur", "Door ", "februari 2019", "19 feb", "Deel dit artikel", "Delen", "Twitter", "Facebook", "LinkedIn", "WhatsApp", "Deel op",
	"Vind ik leuk", "Laden", "Gerelateerd", "Lees ook", "Meer over dit onderwerp", "Samen sterker: gemeenten kopen samen in", "(1/7)", "(5/7)",
	"Categorie", "Tags", "inclusie,", "samenwerking, inkoop", "privacy, gemeenten",
	"reactie", "Reactie", "Marja", "Henk", "buurvrouw", "toverwoord", "Eindelijk", "J. de Boer",
	"Recente berichten", "Nieuwsbrief", "nieuwsbrief", "Schrijf je in", "Blijf op de hoogte", "Aanmelden", "Abonneren", "abonnement",
	"Meest gelezen", "Populair", "Derby", "Advertentie", "advertentie", "Gesponsord", "Datadag", "€", "cookies", "Akkoord",
	"Alle rechten", "©", "Colofon", "Privacy\n", "Vorige", "Volgende", "Zoeken", "Serie:", "Pieter Schrijver schrijft",
	"dataLayer", "googletag", "console", "wp-embed", "{", "<", ">&", "&#", "&amp;", "geen citaat", "geen tekst",
	"Samen zitten we aan tafel met de leverancier en praten we mee over wat er gebouwd wordt.\n\n>",
	"## “We verzamelen", "### “We verzamelen", "Als een inwoner drie keer belt over hetzelfde formulier, is het formulier het probleem\n",
}

func TestImportPages(t *testing.T) {
	for _, tt := range pageFixtures {
		t.Run(tt.name, func(t *testing.T) {
			im := importPage(t, tt.name)
			golden(t, filepath.Join(importDir, "golden", tt.name+".md"), im.Markdown)
			a := im.Article
			if a.Title != tt.title || a.Part != tt.part || a.Parts != 7 || a.SourceURL != tt.url || a.Published != tt.published {
				t.Errorf("front matter: title %q, part %d of %d, url %q, published %q; want %q, %d of 7, %q, %q",
					a.Title, a.Part, a.Parts, a.SourceURL, a.Published, tt.title, tt.part, tt.url, tt.published)
			}
			if diff := cmp.Diff(tt.authors, a.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
			if a.ImportHash == "" || a.ImportHash != contentHash(im.Markdown) {
				t.Errorf("import hash %q does not match the content", a.ImportHash)
			}
			body := a.Body
			for _, k := range tt.kept {
				if !strings.Contains(body, k) {
					t.Errorf("body lost %q", k)
				}
			}
			// Every quotation mark and apostrophe of the article survives.
			src, _ := os.ReadFile(filepath.Join(importDir, "pages", tt.name+".html"))
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			for _, mark := range "“”„‘’'\"" {
				want := strings.Count(doc.Find(tt.article).Text(), string(mark)) - strings.Count(tt.dropped, string(mark))
				if got := strings.Count(body, string(mark)); got != want {
					t.Errorf("%c: %d in the article, %d in the import", mark, want, got)
				}
			}
			for _, b := range boilerplate {
				if strings.Contains(body, b) {
					t.Errorf("boilerplate %q survived", b)
				}
			}
		})
	}
}

// TestImportedQuoteSpeakers loads the imported fixture pages into a corpus
// of fictional people and checks every quote's speaker: none invented
// (precision 100%), the ambiguous ones unattributed.
func TestImportedQuoteSpeakers(t *testing.T) {
	c := importedCorpus(t)
	type q struct{ Article, Text, Speaker string }
	want := []q{
		{"gemeenten-vernieuwen-2-7-iedereen-doet-mee", "Niet iedereen heeft een laptop of de tijd om een formulier van twaalf pagina’s in te vullen", "fenna-de-wit"},
		{"gemeenten-vernieuwen-2-7-iedereen-doet-mee", "Daarom houden we de balie open.", "fenna-de-wit"},
		// In a block quote of its own; "Dat zegt Jansen." opens the next paragraph.
		{"gemeenten-vernieuwen-2-7-iedereen-doet-mee", "Als een inwoner drie keer belt over hetzelfde formulier, is het formulier het probleem en niet de inwoner.", ""},
		{"gemeenten-vernieuwen-2-7-iedereen-doet-mee", "We lieten de brieven lezen door een panel van inwoners. Wat zij niet snapten, schreven we opnieuw", "ruben-achterberg"},
		{"gemeenten-vernieuwen-2-7-iedereen-doet-mee", "Het was Kees’ idee om de auto’s van de gemeente als rijdend loket in te zetten", "ruben-achterberg"},
		{"gemeenten-vernieuwen-3-7-samen-sterker", "Alleen waren we een kleine klant. Samen zitten we aan tafel met de leverancier en praten we mee over wat er gebouwd wordt.", "samir-bouzid"},
		{"gemeenten-vernieuwen-3-7-samen-sterker", "Je moet durven zeggen dat iets niet werkt. Dat lukt alleen als je elkaar kent", "samir-bouzid"},
		{"gemeenten-vernieuwen-3-7-samen-sterker", "Studenten stellen de vragen die wij vergeten te stellen. Dat houdt ons scherp.", "lotte-kamphuis"},
		// "Ze" refers to the paragraph before: not resolved.
		{"gemeenten-vernieuwen-3-7-samen-sterker", "Een proef is pas geslaagd als je weet wat je ermee gaat doen.", ""},
		{"gemeenten-vernieuwen-3-7-samen-sterker", "Dat was het begin", "ruben-achterberg"},
		{"data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het", "Inwoners hebben recht om te weten hoe een besluit tot stand komt", "lotte-kamphuis"},
		{"data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het", "We verzamelen niets zonder dat we weten waarvoor. Dat is de regel.", "fenna-de-wit"},
		// Albert Jansen (not in people.yaml) and Anna Jansen: "Jansen" is ambiguous.
		{"data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het", "Wij delen onze meetgegevens alleen als iedereen weet wat ermee gebeurt", ""},
		{"data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het", "We konden niet uitleggen waarom we die beelden nodig hadden", "lotte-kamphuis"},
		{"data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het", "Dan moet je stoppen.", "lotte-kamphuis"},
		{"data-met-zorg-zo-doen-zandhaven-en-voorbeeldstad-het", "Niemand hoeft het wiel opnieuw uit te vinden", "samir-bouzid"},
	}
	var got []q
	for _, a := range c.Articles {
		for _, qu := range a.Quotes {
			got = append(got, q{a.Slug, qu.Text, qu.Speaker})
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quotes (-want +got):\n%s", diff)
	}
}

// importedCorpus is the registries of testdata/import/corpus with the
// three fixture pages imported.
func importedCorpus(t *testing.T) *Corpus {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{PeopleFile, ThemesFile, MunicipalitiesFile} {
		src, err := os.ReadFile(filepath.Join(importDir, "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: src}
	}
	for _, tt := range pageFixtures {
		im := importPage(t, tt.name)
		fsys[im.Article.Path] = &fstest.MapFile{Data: []byte(im.Markdown)}
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
