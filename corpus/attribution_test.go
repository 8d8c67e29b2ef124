package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAttributionRules runs small articles against the fixture people. The
// first paragraph of each introduces Marieke Jansen and Joris Mulder.
func TestAttributionRules(t *testing.T) {
	const intro = "Marieke Jansen en Joris Mulder werken bij de gemeente.\n\n"
	type quote struct {
		Text    string
		Speaker string
		How     Attribution
	}
	tests := []struct {
		name   string
		body   string
		want   []quote
		reason string // part of the warning for the unattributed quote
	}{
		{"two speakers in one paragraph",
			"“Eerst dit,” zegt Jansen. “Dan dat,” zegt Mulder.",
			[]quote{{"Eerst dit", "marieke-jansen", AttrVerb}, {"Dan dat", "joris-mulder", AttrVerb}}, ""},
		{"split quote continues with a pronoun",
			"“Eerst dit,” zegt Jansen. “Dan dat,” zegt ze.",
			[]quote{{"Eerst dit", "marieke-jansen", AttrVerb}, {"Dan dat", "marieke-jansen", AttrVerb}}, ""},
		{"a capital starts a new sentence, not an attribution",
			"“Dat is het.” Volgens Jansen klopt dat niet.",
			[]quote{{"Dat is het.", "", AttrNone}}, "no name in the words around it"},
		{"zo before the verb",
			"“Het werkt,” zo vertelt Mulder.",
			[]quote{{"Het werkt", "joris-mulder", AttrVerb}}, ""},
		{"role words before the name",
			"“Het werkt,” zegt wethouder Jansen.",
			[]quote{{"Het werkt", "marieke-jansen", AttrVerb}}, ""},
		{"a role but no name",
			"“Het werkt,” zegt de wethouder.",
			[]quote{{"Het werkt", "", AttrNone}}, "“zegt” is not followed by a name"},
		{"a pronoun and no one before",
			"“Het werkt,” zegt ze.",
			[]quote{{"Het werkt", "", AttrNone}}, "“zegt ze” refers to someone the sentence before does not name"},
		{"colon after a clause naming one person",
			"Daarover is Mulder stellig: “Zo doen we dat niet.”",
			[]quote{{"Zo doen we dat niet.", "joris-mulder", AttrColon}}, ""},
		{"colon after a clause naming no one falls back to the sentence before",
			"Mulder kijkt terug. Het doel was duidelijk: “Iedereen moet mee.”",
			[]quote{{"Iedereen moet mee.", "joris-mulder", AttrPrevious}}, ""},
		{"inside a sentence that names the speaker",
			"Volgens Jansen is het “een kwestie van vertrouwen en geduld”.",
			[]quote{{"een kwestie van vertrouwen en geduld", "marieke-jansen", AttrPrevious}}, ""},
		{"only the sentence just before counts",
			"Mulder begon in 2017. Het project groeide snel. “Dat had niemand verwacht.”",
			[]quote{{"Dat had niemand verwacht.", "", AttrNone}}, "no name in the words around it"},
		{"a term is not a quote",
			"Jansen noemt het “een kans”. Mulder spreekt van “living lab”.",
			nil, ""},
		{"a short quote with a verb of saying is a quote",
			"“Nooit,” zegt Mulder.",
			[]quote{{"Nooit", "joris-mulder", AttrVerb}}, ""},
		{"the explicit mark wins over the rules",
			"“Het werkt,”{spreker=joris-mulder} zegt Jansen.",
			[]quote{{"Het werkt", "joris-mulder", AttrExplicit}}, ""},
		{"a name in the quote does not attribute it",
			"“Mulder heeft gelijk.”",
			[]quote{{"Mulder heeft gelijk.", "", AttrNone}}, "no name in the words around it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Check(fixtureWith(t, intro+tt.body+"\n"))
			c, err := Load(fixtureWith(t, intro+tt.body+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []quote
			for _, q := range c.Article("proef").Quotes {
				got = append(got, quote{q.Text, q.Speaker, q.Attribution})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("quotes (-want +got):\n%s", diff)
			}
			var warnings []string
			for _, p := range ps {
				warnings = append(warnings, p.Message)
			}
			if tt.reason == "" {
				if len(warnings) > 0 {
					t.Errorf("unexpected warnings: %q", warnings)
				}
			} else if len(warnings) != 1 || !strings.Contains(warnings[0], tt.reason) {
				t.Errorf("warnings %q, want one with %q", warnings, tt.reason)
			}
		})
	}
}

// TestSharedSurname: a surname shared by someone in people.yaml (Marieke
// Jansen) and someone the article introduces who is not (Albert Jansen)
// names no one from then on; the quote stays unattributed and the check
// says why.
func TestSharedSurname(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		speakers []string
		warnings []string // parts of the warnings, in order
	}{
		{"surname after both are introduced",
			"Marieke Jansen werkt hier. Albert Jansen is haar collega bij het waterschap.\n\n“Het werkt,” zegt Jansen.\n",
			[]string{""},
			[]string{"“Albert Jansen” is not in people.yaml but shares a name with Marieke Jansen (marieke-jansen)",
				"could be Marieke Jansen (marieke-jansen) or Albert Jansen (not in people.yaml)"}},
		{"the stranger by full name",
			"Marieke Jansen werkt hier.\n\n“Het werkt,” zegt Albert Jansen.\n",
			[]string{""},
			[]string{"shares a name with Marieke Jansen", "“Albert Jansen” is not in people.yaml"}},
		{"a registered person by surname before the stranger appears",
			"Marieke Jansen werkt hier.\n\n“Het werkt,” zegt Jansen. Later kwam Albert Jansen erbij.\n",
			[]string{"marieke-jansen"},
			[]string{"shares a name with Marieke Jansen"}},
		{"words before a surname that are no first name",
			"Marieke Jansen werkt hier.\n\nVolgens Jansen is het “een zaak van lange adem en geduld”. Wethouder Jansen knikt.\n",
			[]string{"marieke-jansen"},
			nil},
		{"a first name shared with a stranger",
			"Joris Mulder werkt hier. Joris Pietersen ook.\n\n“Het werkt,” zegt Joris.\n",
			[]string{""},
			[]string{"“Joris Pietersen” is not in people.yaml but shares a name with Joris Mulder", "could be Joris Mulder (joris-mulder) or Joris Pietersen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(fixtureWith(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			var speakers []string
			for _, q := range c.Article("proef").Quotes {
				speakers = append(speakers, q.Speaker)
			}
			if diff := cmp.Diff(tt.speakers, speakers); diff != "" {
				t.Errorf("speakers (-want +got):\n%s", diff)
			}
			if len(c.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %v, want %d", c.Warnings, len(tt.warnings))
			}
			for i, w := range tt.warnings {
				if !strings.Contains(c.Warnings[i].Message, w) {
					t.Errorf("warning %d: %q, want it to contain %q", i, c.Warnings[i].Message, w)
				}
			}
		})
	}
}

// TestPullQuoteAdvice: an unattributed quote that repeats a sentence of
// another paragraph is a pull quote; the check advises {geen-citaat}.
func TestPullQuoteAdvice(t *testing.T) {
	body := "Marieke Jansen werkt hier.\n\n“Wij publiceren elk algoritme in een register,” zegt Jansen.\n\n" +
		"> “Wij publiceren elk algoritme in een register”\n\n“Dat is nieuw voor ons allemaal.”\n"
	ps := Check(fixtureWith(t, body))
	var msgs []string
	for _, p := range ps {
		msgs = append(msgs, p.Message)
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0], "repeats words the article says elsewhere") || !strings.Contains(msgs[0], "{geen-citaat}") ||
		strings.Contains(msgs[0], "{spreker=") || !strings.Contains(msgs[1], "{spreker=ID}") {
		t.Errorf("warnings %q: want {geen-citaat} advice for the pull quote, {spreker=ID} for the other", msgs)
	}
}
