package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"vanelkaar/search"
)

// cardSearcher answers every search with one quote, one person and one
// passage, with hostile text in them: a fake for the cards' markup, which
// the fixture corpus cannot produce on its own (it has no quotes until the
// corpus extracts them).
type cardSearcher struct{}

func (cardSearcher) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	speaker := &search.Person{ID: "fenna-jansma", Name: "Fenna Jansma", Role: "Wethouder digitalisering",
		RoleCategory: "bestuur", Municipality: "voorbeeldstad", MunicipalityName: "Voorbeeldstad"}
	art := &search.Article{Slug: "proef-leren", Title: "Proefreeks: gemeenten leren van elkaar", Part: 1, Parts: 3, URL: "/artikelen/proef-leren"}
	return &search.Result{
		Query: r.Query, Match: search.MatchAll, Total: 3, Page: 1, Size: 10, Suggestion: "gemeenten",
		Hits: []search.Hit{
			search.Hit{ID: "quote/proef-leren/1", Kind: "quote", Title: "Fenna Jansma",
				URL: "/artikelen/proef-leren#inclusiviteit-2", Article: art, Speaker: speaker,
				Citation:       `“Een digitale dienst” — Fenna Jansma, Wethouder digitalisering, gemeente Voorbeeldstad. <b>`,
				Municipalities: []string{"voorbeeldstad"}, Roles: []string{"bestuur"}}.WithMarks(
				fragment(part("Een digitale "), mark("dienst"), part(" <script> <img src=x>")), fragment(part("Fenna Jansma"))),
			search.Hit{ID: "person/fenna-jansma", Kind: "person", Title: "Fenna Jansma", URL: "/artikelen/proef-leren#inclusiviteit",
				Article: art, Speaker: speaker, Municipalities: []string{"voorbeeldstad"}}.WithMarks(
				fragment(part("Wethouder digitalisering, Gemeente Voorbeeldstad")), fragment(mark("Fenna"), part(" Jansma"))),
			search.Hit{ID: "passage/proef-leren#samenwerken", Kind: "passage", Title: "Samenwerken",
				Headings: []string{"Deel", "Samenwerken"},
				URL:      "/artikelen/proef-leren#samenwerken", Article: art, Municipalities: []string{"proefdorp"}}.WithMarks(
				fragment(part("Proefdorp werkt "), mark("samen")), fragment(part("Samenwerken"))),
		},
		Facets: search.Facets{
			search.FacetMunicipality: []search.FacetValue{{Value: "voorbeeldstad", Label: "Voorbeeldstad", Count: 2}, {Value: "proefdorp", Label: "Proefdorp", Count: 1}},
			search.FacetKind:         []search.FacetValue{{Value: "quote", Label: "Citaat", Count: 1}, {Value: "person", Label: "Persoon", Count: 1}, {Value: "passage", Label: "Passage", Count: 1}},
		},
	}, nil
}

// fragment, part and mark build the fake hits' snippets and titles.
func fragment(parts ...search.Part) search.Fragment { return search.Fragment{Parts: parts} }
func part(s string) search.Part                     { return search.Part{Text: s} }
func mark(s string) search.Part                     { return search.Part{Text: s, Mark: true} }

func (cardSearcher) Validate(search.Request) error { return nil }
func (cardSearcher) Ready() error                  { return nil }
func (cardSearcher) Suggest(context.Context, string, int) (*search.Suggestions, error) {
	return &search.Suggestions{Suggestions: []search.Suggestion{}}, nil
}
func (cardSearcher) Analyze(string) (*search.Analysis, error) {
	return &search.Analysis{}, nil
}
func (cardSearcher) ArticlePage(context.Context, string, string, int) (*search.ArticleText, error) {
	return nil, search.ErrNotFound
}

func TestResultCards(t *testing.T) {
	ts := httptest.NewServer(New(Config{}, cardSearcher{}))
	t.Cleanup(ts.Close)
	doc, _ := getPage(t, ts.URL+"/zoeken?q=gemeenen", http.StatusOK)

	quote := one(t, doc, ".hit-quote")
	if got := quote.Find(".kind").Text(); got != "Citaat" {
		t.Errorf("quote kind %q", got)
	}
	bq := quote.Find("blockquote")
	if got := bq.Find("mark").Text(); got != "dienst" {
		t.Errorf("quote marks %q", got)
	}
	if bq.Find("script, img").Length() != 0 || !strings.Contains(bq.Text(), "<script> <img src=x>") {
		t.Errorf("quote text not escaped: %q", bq.Text())
	}
	if got := quote.Find(".speaker").Text(); got != "Fenna Jansma, Wethouder digitalisering, gemeente Voorbeeldstad" {
		t.Errorf("speaker line %q", got)
	}
	btn := quote.Find(`button.copy[type="button"][hidden]`)
	if btn.Length() != 1 || btn.Text() != "Kopieer citaat" {
		t.Fatalf("no hidden “Kopieer citaat” button")
	}
	if c, _ := btn.Attr("data-citation"); !strings.HasPrefix(c, "“Een digitale dienst” — Fenna Jansma") || !strings.HasSuffix(c, "<b>") {
		t.Errorf("data-citation %q", c)
	}
	if href, _ := quote.Find(".meta a").Attr("href"); href != "/artikelen/proef-leren?q=gemeenen#inclusiviteit-2" {
		t.Errorf("quote link %q", href)
	}

	person := one(t, doc, ".hit-person")
	if got := person.Find("h3 mark").Text(); got != "Fenna" {
		t.Errorf("person title marks %q", got)
	}
	if !strings.Contains(person.Find(".meta").Text(), "deel 1 van 3") {
		t.Errorf("person meta %q", person.Find(".meta").Text())
	}

	passage := one(t, doc, ".hit-passage")
	if got := passage.Find(".context").Text(); got != "Deel" {
		t.Errorf("passage context %q, want the headings above its own", got)
	}
	if got := passage.Find(".tag").Text(); got != "Proefdorp" {
		t.Errorf("passage places %q", got)
	}

	sugg := one(t, doc, ".suggestion")
	if got := strings.Join(strings.Fields(sugg.Text()), " "); got != "Bedoelde u gemeenten?" {
		t.Errorf("suggestion %q", got)
	}
	if href, _ := sugg.Find("a").Attr("href"); href != "/zoeken?q=gemeenten" {
		t.Errorf("suggestion link %q", href)
	}
}

func (cardSearcher) Person(context.Context, string) (*search.PersonText, error) {
	return nil, search.ErrNotFound
}
