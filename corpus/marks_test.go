package corpus

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// fixtureWith returns the fixture registries with one article of the body.
func fixtureWith(t testing.TB, body string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{PeopleFile, ThemesFile, MunicipalitiesFile} {
		src, err := os.ReadFile(fixtureDir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: src}
	}
	front := "---\nslug: proef\ntitle: Proef\npart: 1\n---\n" // the body starts at line 6
	fsys[ArticlesDir+"/proef.md"] = &fstest.MapFile{Data: []byte(front + body)}
	return fsys
}

func TestMarks(t *testing.T) {
	body := "Jansen en Mulder spraken elkaar.\n" +
		"“Dat moet anders.” {spreker=joris-mulder} Daarna gingen ze verder.\n" +
		"\n" +
		"Het heette “De stad van morgen: voor iedereen”{geen-citaat} en verder niets.\n" +
		"\n" +
		"Een \\{spreker=joris-mulder} blijft tekst.\n"
	c, err := Load(fixtureWith(t, "Marieke Jansen en Joris Mulder.\n\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	a := c.Article("proef")
	var texts []string
	for _, p := range a.Passages {
		texts = append(texts, p.Text)
	}
	wantTexts := []string{
		"Marieke Jansen en Joris Mulder.",
		"Jansen en Mulder spraken elkaar. “Dat moet anders.” Daarna gingen ze verder.",
		"Het heette “De stad van morgen: voor iedereen” en verder niets.",
		"Een {spreker=joris-mulder} blijft tekst.",
	}
	if diff := cmp.Diff(wantTexts, texts); diff != "" {
		t.Errorf("passage texts (-want +got):\n%s", diff)
	}
	if len(a.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(a.Quotes))
	}
	q := a.Quotes[0]
	if q.Text != "Dat moet anders." || q.Speaker != "joris-mulder" || q.Attribution != AttrExplicit || q.Line != 9 {
		t.Errorf("got quote %q by %q (%s) at line %d", q.Text, q.Speaker, q.Attribution, q.Line)
	}
	if len(c.Warnings) > 0 {
		t.Errorf("unexpected warnings:\n%v", c.Warnings)
	}
}

func TestMarkProblems(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"unknown person", "“Ja.”{spreker=nina-nergens}\n",
			[]string{`artikelen/proef.md:6: {spreker=nina-nergens}: unknown person "nina-nergens" (not in people.yaml)`}},
		{"not an id", "“Ja.”{spreker=Joris Mulder}\n",
			[]string{`artikelen/proef.md:6: {spreker=Joris Mulder}: give the person's id from people.yaml, such as {spreker=theo-veltman}`}},
		{"unknown mark", "“Ja.”{sprekr=joris-mulder}\n",
			[]string{`artikelen/proef.md:6: unknown mark {sprekr=joris-mulder}: after a closing quotation mark write {spreker=ID} or {geen-citaat}`}},
		{"mark after no quote", "Eerste regel.\nGeen citaat {spreker=joris-mulder} hier.\n",
			[]string{`artikelen/proef.md:7: {spreker=joris-mulder} must directly follow a closing quotation mark`}},
		{"never closed", "Eerste regel.\nZij zei “dat gaat zo maar door.\n",
			[]string{`artikelen/proef.md:7: warning: quotation mark “ is never closed, so the text after it is not taken as a quote`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Check(fixtureWith(t, tt.body)) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckWarnsAboutUnattributedQuotes(t *testing.T) {
	var got []string
	for _, p := range Check(os.DirFS(fixtureDir)) {
		if p.Severity != Warning {
			t.Errorf("unexpected error: %s", p)
		}
		got = append(got, p.String())
	}
	const path = "artikelen/02-samen-met-de-regio.md"
	want := []string{
		path + ":36: warning: quote “Het platform is in het voorjaar klaar” has no speaker: “Marieke” could be Marieke Jansen (marieke-jansen) or Marieke de Bruin (marieke-de-bruin); write {spreker=ID} after its closing quotation mark",
		path + ":38: warning: quote “We beginnen in januari met twee wijken.” has no speaker: the sentence before it names Sanne Kok (sanne-kok) and Bram de Wit (bram-de-wit); write {spreker=ID} after its closing quotation mark",
		path + ":41: warning: quote “Wij doen graag mee” has no speaker: “zegt Hanna” names no one in people.yaml; write {spreker=ID} after its closing quotation mark",
		path + ":43: warning: quote “De regio moet één loket hebben” has no speaker: “Karel” names no one introduced earlier in the article (introduce the full name first; people.yaml has Karel Smeets (karel-smeets)); write {spreker=ID} after its closing quotation mark",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("check of %s (-want +got):\n%s", fixtureDir, diff)
	}
	for _, w := range got {
		if !strings.HasPrefix(w, path+":") {
			t.Errorf("not path:line: %s", w)
		}
	}
}
