package index

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// docsByID returns the documents of the fixture corpus by id, with their
// records decoded as a search decodes them: their article and speaker
// filled in from the corpus's Refs.
func docsByID(t *testing.T) (map[string]Document, map[string]Record) {
	t.Helper()
	c := fixture(t)
	docs, err := Documents(c)
	if err != nil {
		t.Fatal(err)
	}
	refs, err := RefsOf(c)
	if err != nil {
		t.Fatal(err)
	}
	byID, recs := map[string]Document{}, map[string]Record{}
	for _, d := range docs {
		byID[d.ID] = d
		r, err := refs.Record([]byte(d.Fields[FieldRecord].(string)))
		if err != nil {
			t.Fatalf("record of %s: %v", d.ID, err)
		}
		recs[d.ID] = *r
	}
	return byID, recs
}

func TestRecordNamesWhatRefsHave(t *testing.T) {
	refs, err := RefsOf(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{`{"kind":"passage","article":"no-such-article"}`, `{"kind":"quote","speaker":"nobody"}`, `{`} {
		if _, err := refs.Record([]byte(raw)); err == nil {
			t.Errorf("Record(%s) decoded", raw)
		}
	}
}

func TestQuoteDocuments(t *testing.T) {
	docs, recs := docsByID(t)
	type fields struct {
		Kind, Speaker, Article string
		Theme, Municipality    []string
		Role                   []string
		Quote                  string
	}
	tests := []struct {
		id     string
		want   fields
		record Record
	}{
		{
			id: "quote/het-digitale-loket/8",
			want: fields{KindQuote, "joris-mulder", "het-digitale-loket", []string{"verantwoord-datagebruik"}, []string{"voorbeeldstad"},
				[]string{"advies-en-beleid"}, "Wij publiceren elk algoritme dat de gemeente gebruikt in een openbaar register."},
			record: Record{
				Kind: KindQuote, Title: "Joris Mulder",
				Text:     "Wij publiceren elk algoritme dat de gemeente gebruikt in een openbaar register.",
				Headings: []string{"Data"}, URL: "/artikelen/het-digitale-loket#data-3",
				SourceURL:   "https://voorbeeldreeks.example/het-digitale-loket",
				ArticleSlug: "het-digitale-loket", SpeakerID: "joris-mulder",
				Speaker: &PersonRef{ID: "joris-mulder", Name: "Joris Mulder", Role: "Beleidsmedewerker Data", RoleCategory: "advies-en-beleid",
					Municipality: "voorbeeldstad", MunicipalityName: "Voorbeeldstad", Organisation: "Gemeente Voorbeeldstad"},
				Attribution: "colon",
				Themes:      []string{"verantwoord-datagebruik"}, Municipalities: []string{"voorbeeldstad"}, Roles: []string{"advies-en-beleid"},
				Citation: "“Wij publiceren elk algoritme dat de gemeente gebruikt in een openbaar register.” — Joris Mulder, Beleidsmedewerker Data, " +
					"Gemeente Voorbeeldstad. Uit: “Het digitale loket van Voorbeeldstad” (Voorbeeldreeks: leren van elkaar, deel 1 van 2), " +
					"voorbeeldreeks.example. https://voorbeeldreeks.example/het-digitale-loket#data-3",
			},
		},
		{
			// Over three paragraphs; its words signal a second theme.
			id: "quote/het-digitale-loket/11",
			want: fields{KindQuote, "marieke-jansen", "het-digitale-loket", []string{"themas-2019", "samenwerken"}, []string{"voorbeeldstad"},
				[]string{"bestuur"}, fixtureQuoteText11},
		},
		{
			// Unattributed: no speaker, so no municipality or role either.
			id:   "quote/samen-met-de-regio/7",
			want: fields{KindQuote, "", "samen-met-de-regio", []string{"samenwerken"}, []string{}, []string{}, "Het platform is in het voorjaar klaar"},
			record: Record{
				Kind: KindQuote, Title: "Citaat", Text: "Het platform is in het voorjaar klaar",
				Headings: []string{"Het platform"}, URL: "/artikelen/samen-met-de-regio#platform-2",
				SourceURL:   "https://voorbeeldreeks.example/samen-met-de-regio",
				ArticleSlug: "samen-met-de-regio",
				// Nobody to cite: no citation.
				Themes: []string{"samenwerken"}, Municipalities: []string{}, Roles: []string{},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			d, ok := docs[tt.id]
			if !ok {
				t.Fatalf("no document %s", tt.id)
			}
			got := fields{
				single(t, d.Fields[FieldKind]), single(t, d.Fields[FieldSpeaker]), d.Fields[FieldArticle].(string),
				d.Fields[FieldTheme].([]string), d.Fields[FieldMunicipality].([]string), d.Fields[FieldRole].([]string),
				d.Fields[FieldQuote].(string),
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
			if tt.record.Kind == "" {
				return
			}
			rec := recs[tt.id]
			rec.Article = nil // checked by TestCitation's inputs
			if diff := cmp.Diff(tt.record, rec); diff != "" {
				t.Errorf("record (-want +got):\n%s", diff)
			}
		})
	}
}

const fixtureQuoteText11 = "De komende jaren draait het om mobiliteit en de energietransitie. Daar hebben we elkaar voor nodig. " +
	"Geen gemeente kan dat alleen. Daarom zoeken we partners in de regio. En we beginnen klein, met één wijk."

func TestPassageDocumentThemes(t *testing.T) {
	_, recs := docsByID(t)
	tests := []struct {
		id   string
		want []string
	}{
		{"passage/samen-met-de-regio#inleiding", []string{}},
		// No section theme; the role "wethouder Digitalisering" signals one.
		{"passage/het-digitale-loket#inleiding", []string{"themas-2019"}},
		{"passage/het-digitale-loket#loket-3", []string{"inclusiviteit"}},
		{"passage/het-digitale-loket#vooruit-2", []string{"themas-2019", "samenwerken"}},
		{"passage/samen-met-de-regio#delen-5", []string{"samenwerken", "verantwoord-datagebruik"}},
		{"passage/samen-met-de-regio#platform-7", []string{"samenwerken", "inclusiviteit", "behoefte-en-technologie"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, ok := recs[tt.id]
			if !ok {
				t.Fatalf("no document %s", tt.id)
			}
			if diff := cmp.Diff(tt.want, r.Themes); diff != "" {
				t.Errorf("themes of %q (-want +got):\n%s", r.Text, diff)
			}
		})
	}
}

func TestCitation(t *testing.T) {
	sp := &PersonRef{Name: "Joris Mulder", Role: "Beleidsmedewerker Data", MunicipalityName: "Voorbeeldstad"}
	series := &ArticleRef{Title: "Het loket", Series: "Voorbeeldreeks", Part: 1, Parts: 2}
	tests := []struct {
		name string
		sp   *PersonRef
		a    *ArticleRef
		url  string
		want string
	}{
		{"municipality when there is no organisation", sp, series, "/artikelen/loket#data",
			"“Ja.” — Joris Mulder, Beleidsmedewerker Data, gemeente Voorbeeldstad. Uit: “Het loket” (Voorbeeldreeks, deel 1 van 2). /artikelen/loket#data"},
		{"organisation as written", &PersonRef{Name: "Karel Smeets", Role: "Regiodirecteur", MunicipalityName: "'s-Hertogenwaard", Organisation: "Samenwerkingsverband Den Waard"},
			&ArticleRef{Title: "Reeks", Series: "Reeks", Part: 3, Parts: 7}, "/artikelen/r#a",
			"“Ja.” — Karel Smeets, Regiodirecteur, Samenwerkingsverband Den Waard. Uit: “Reeks” (deel 3 van 7). /artikelen/r#a"},
		{"publisher and date", sp,
			&ArticleRef{Title: "Het loket", Series: "Voorbeeldreeks", Part: 1, Parts: 2, Publisher: "Voorbeeldpers", Published: "2019-03-04"},
			"https://voorbeeldreeks.example/loket#data",
			"“Ja.” — Joris Mulder, Beleidsmedewerker Data, gemeente Voorbeeldstad. Uit: “Het loket” (Voorbeeldreeks, deel 1 van 2), " +
				"Voorbeeldpers, 4 maart 2019. https://voorbeeldreeks.example/loket#data"},
		{"publisher from the source address", sp,
			&ArticleRef{Title: "Het loket", Part: 1, SourceURL: "https://www.voorbeeldreeks.example/loket/"},
			"https://www.voorbeeldreeks.example/loket/#data",
			"“Ja.” — Joris Mulder, Beleidsmedewerker Data, gemeente Voorbeeldstad. Uit: “Het loket” (deel 1), voorbeeldreeks.example. " +
				"https://www.voorbeeldreeks.example/loket/#data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Citation("“Ja.”", tt.sp, tt.a, tt.url); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// single is the one value of a keyword field that holds at most one, or ""
// when it holds none.
func single(t *testing.T, v any) string {
	t.Helper()
	vals, _ := v.([]string)
	if len(vals) > 1 {
		t.Fatalf("%q: more than one value", vals)
	}
	if len(vals) == 0 {
		return ""
	}
	return vals[0]
}

func TestCitationLink(t *testing.T) {
	for _, tt := range []struct{ source, url, want string }{
		{"https://voorbeeldreeks.example/loket/", "/artikelen/loket#data-2", "https://voorbeeldreeks.example/loket/#data-2"},
		{"https://voorbeeldreeks.example/loket#top", "/artikelen/loket#data-2", "https://voorbeeldreeks.example/loket#data-2"},
		{"", "/artikelen/loket#data-2", "/artikelen/loket#data-2"},
	} {
		if got := CitationLink(tt.source, tt.url); got != tt.want {
			t.Errorf("CitationLink(%q, %q) = %q, want %q", tt.source, tt.url, got, tt.want)
		}
	}
}

// TestSplitQuoteCitation: both pieces of a quote split by its attribution
// cite the whole quote as published.
func TestSplitQuoteCitation(t *testing.T) {
	_, recs := docsByID(t)
	for _, id := range []string{"quote/het-digitale-loket/2", "quote/het-digitale-loket/3"} {
		rec := recs[id]
		want := "“We hebben de formulieren daarom herschreven in gewone taal,” zegt Van den Akker. “Een zin van twintig woorden is lang genoeg.” — Pieter van den Akker"
		if !strings.HasPrefix(strings.Join(strings.Fields(rec.Citation), " "), want) {
			t.Errorf("%s: citation %q, want it to start with %q", id, rec.Citation, want)
		}
	}
}
