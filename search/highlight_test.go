package search

import (
	"strings"
	"testing"
)

// hitByID returns the hit with the id, failing the test when it is missing.
func hitByID(t *testing.T, res *Result, id string) Hit {
	t.Helper()
	for _, h := range res.Hits {
		if h.ID == id {
			return h
		}
	}
	t.Fatalf("no hit %s among %v", id, hitIDs(res.Hits))
	return Hit{}
}

func TestSnippetMarksMatchedForms(t *testing.T) {
	s := fixtureSearcher(t)
	tests := []struct {
		name, query, id string
		snippet         string // a part the snippet must contain
		title           string // the title_html, when given
	}{
		{
			name: "stemmed match marks the inflected form", query: "inwoner",
			id:      "passage/digitale-inclusie#iedereen-doet-mee",
			snippet: "Laaggeletterde <mark>inwoners</mark> krijgen",
		},
		{
			name: "the form as typed", query: "inwoner",
			id:      "passage/digitale-inclusie#veilig-online",
			snippet: "Een <mark>inwoner</mark> typte",
		},
		{
			name: "accent-folded match", query: "financiele",
			id:      "passage/digitale-inclusie#financiele-drempels",
			snippet: "zien dat <mark>financiële</mark> zorgen",
			title:   "<mark>Financiële</mark> drempels",
		},
		{
			name: "title and snippet", query: "slimme lantaarnpalen",
			id:      "passage/verantwoord-datagebruik#slimme-lantaarnpalen",
			snippet: "hangen <mark>slimme</mark> <mark>lantaarnpalen</mark> die",
			title:   "<mark>Slimme</mark> <mark>lantaarnpalen</mark>",
		},
		{
			name: "person name", query: "sanne",
			id:    "person/sanne-voorbeeld",
			title: "<mark>Sanne</mark> Voorbeeld",
		},
		{
			name: "every word of an OR", query: "zonnepanelen OR warmtenetten",
			id:      "passage/energie-en-mobiliteit#energie-van-onderop",
			snippet: "<mark>zonnepanelen</mark> op scholen, <mark>warmtenetten</mark> in",
		},
		{
			name: "markup in the text is escaped", query: "script",
			id:      "passage/digitale-inclusie#veilig-online",
			snippet: "typte &lt;<mark>script</mark>&gt;alert(&#34;hallo&#34;)&lt;/<mark>script</mark>&gt; in",
		},
		{
			name: "ampersand escaped", query: "site",
			id:      "passage/digitale-inclusie#veilig-online",
			snippet: "werken &amp; toonde",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustSearch(t, s, Request{Query: tt.query, Size: MaxSize})
			h := hitByID(t, res, tt.id)
			if !strings.Contains(h.Snippet, tt.snippet) {
				t.Errorf("snippet %q does not contain %q", h.Snippet, tt.snippet)
			}
			if tt.title != "" && h.TitleHTML != tt.title {
				t.Errorf("title_html = %q, want %q", h.TitleHTML, tt.title)
			}
		})
	}
}

func TestExcludedWordsNotMarked(t *testing.T) {
	s := fixtureSearcher(t)
	res := mustSearch(t, s, Request{Query: "slimme -binnenstad", Size: MaxSize})
	for _, h := range res.Hits {
		if strings.Contains(h.Snippet, "<mark>binnenstad") {
			t.Errorf("%s marks an excluded word: %s", h.ID, h.Snippet)
		}
	}
}

// TestSnippetsAreSafe runs queries over every document and checks that no
// snippet or title carries markup other than <mark>.
func TestSnippetsAreSafe(t *testing.T) {
	s := fixtureSearcher(t)
	for _, q := range []string{"", "script", "inwoners", "gemeente", "alert hallo", "zo'n"} {
		for page := 1; ; page++ {
			res := mustSearch(t, s, Request{Query: q, Size: MaxSize, Page: page})
			for _, h := range res.Hits {
				for what, html := range map[string]string{"snippet": h.Snippet, "title_html": h.TitleHTML} {
					bare := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(html)
					if strings.ContainsAny(bare, "<>") {
						t.Errorf("%q %s %s has markup: %s", q, h.ID, what, html)
					}
					if strings.Count(html, "<mark>") != strings.Count(html, "</mark>") {
						t.Errorf("%q %s %s has unbalanced marks: %s", q, h.ID, what, html)
					}
				}
				if h.Snippet == "" && h.Kind != "person" {
					t.Errorf("%q %s has no snippet", q, h.ID)
				}
			}
			if uint64(page*MaxSize) >= res.Total {
				break
			}
		}
	}
}
