package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search"
)

// quoteFixture is the fictional corpus with quotes of the corpus package.
const quoteFixture = "../corpus/testdata/voorbeeld"

func quoteServer(t *testing.T, cfg Config) (*httptest.Server, *corpus.Corpus) {
	t.Helper()
	c := loadCorpus(t, os.DirFS(quoteFixture))
	return serveCorpus(t, cfg, c), c
}

// quotesOf lists the ids of the quotes whose speaker works for the municipality.
func quotesOf(c *corpus.Corpus, muni string) []string {
	var ids []string
	for _, a := range c.Articles {
		for _, q := range a.Quotes {
			if p := c.Person(q.Speaker); p != nil && p.Municipality == muni {
				ids = append(ids, index.QuoteID(a.Slug, q.N))
			}
		}
	}
	sort.Strings(ids)
	return ids
}

func TestSearchQuotesOfAMunicipality(t *testing.T) {
	ts, c := quoteServer(t, Config{})
	var res search.Result
	resp := getJSON(t, ts.URL+"/api/v1/search?kind=quote&municipality=voorbeeldstad&size=50", &res)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	want := quotesOf(c, "voorbeeldstad")
	if len(want) != 11 {
		t.Fatalf("the fixture has %d quotes by people of Voorbeeldstad, the test expects 11", len(want))
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quotes of voorbeeldstad (-want +got):\n%s", diff)
	}
	if res.Total != uint64(len(want)) {
		t.Errorf("total %d, want %d", res.Total, len(want))
	}
	for _, h := range res.Hits {
		if h.Kind != "quote" || h.Speaker == nil || h.Speaker.Municipality != "voorbeeldstad" {
			t.Errorf("%s: kind %q, speaker %+v", h.ID, h.Kind, h.Speaker)
			continue
		}
		// Without --public-url the link is the article's source address
		// with the passage's anchor: absolute, so it works where pasted.
		_, anchor, _ := strings.Cut(h.URL, "#")
		link := h.SourceURL + "#" + anchor
		for _, part := range []string{h.Text, h.Speaker.Name, h.Speaker.Role, h.Speaker.Organisation, h.Article.Title, "deel 1 van 2", "voorbeeldreeks.example", link} {
			if !strings.Contains(h.Citation, part) {
				t.Errorf("%s: citation %q lacks %q", h.ID, h.Citation, part)
			}
		}
		if !strings.HasSuffix(h.Citation, " "+link) || !strings.HasPrefix(h.URL, "/artikelen/het-digitale-loket#") || !strings.HasPrefix(link, "https://") {
			t.Errorf("%s: citation %q should end with the deep link %q", h.ID, h.Citation, link)
		}
	}
	// The municipality facet stays disjunctive: the other municipality's
	// quotes are counted too.
	counts := map[string]int{}
	for _, f := range res.Facets[search.FacetMunicipality] {
		counts[f.Value] = f.Count
	}
	if want := len(quotesOf(c, "s-hertogenwaard")); counts["s-hertogenwaard"] != want || want == 0 {
		t.Errorf("facet count of s-hertogenwaard %d, want %d", counts["s-hertogenwaard"], want)
	}
}

// An alias finds the municipality's quotes, people and passages.
func TestSearchAliasFindsTheMunicipality(t *testing.T) {
	ts, c := quoteServer(t, Config{})
	var res search.Result
	getJSON(t, ts.URL+"/api/v1/search?q=Den+Waard&kind=quote&size=50", &res)
	got := map[string]bool{}
	for _, h := range res.Hits {
		got[h.ID] = true
	}
	for _, id := range quotesOf(c, "s-hertogenwaard") {
		if !got[id] {
			t.Errorf("search for Den Waard misses %s", id)
		}
	}
	for id := range got {
		if !strings.HasPrefix(id, "quote/samen-met-de-regio/") {
			t.Errorf("search for Den Waard finds %s", id)
		}
	}

	// People and passages too, also where the text writes ‘s-Hertogenwaard.
	for _, kind := range []string{"person", "passage"} {
		res = search.Result{}
		getJSON(t, ts.URL+"/api/v1/search?q=Den+Waard&size=50&kind="+kind, &res)
		found := map[string]bool{}
		for _, h := range res.Hits {
			found[h.ID] = true
			if !contains(h.Municipalities, "s-hertogenwaard") {
				t.Errorf("%s is not about s-hertogenwaard: %v", h.ID, h.Municipalities)
			}
		}
		var want []string
		if kind == "person" {
			for _, p := range c.People {
				if p.Municipality == "s-hertogenwaard" {
					want = append(want, index.PersonID(p.ID))
				}
			}
		} else {
			want = []string{"passage/samen-met-de-regio#inleiding", "passage/het-digitale-loket#data-7"}
		}
		for _, id := range want {
			if !found[id] {
				t.Errorf("search for Den Waard misses %s", id)
			}
		}
	}
}

func TestCitationLinkUsesThePublicURL(t *testing.T) {
	for _, tt := range []struct{ publicURL, prefix string }{
		{"", " https://voorbeeldreeks.example/"},
		{"https://zoeken.example.nl/", " https://zoeken.example.nl/artikelen/"},
	} {
		t.Run(fmt.Sprintf("%q", tt.publicURL), func(t *testing.T) {
			ts, _ := quoteServer(t, Config{PublicURL: tt.publicURL})
			var res search.Result
			getJSON(t, ts.URL+"/api/v1/search?q=ontwerpeis&kind=quote", &res)
			if len(res.Hits) == 0 {
				t.Fatal("no quote found for ontwerpeis")
			}
			h := res.Hits[0]
			if want := tt.prefix + strings.TrimPrefix(h.URL, "/artikelen/"); !strings.HasSuffix(h.Citation, want) {
				t.Errorf("citation %q should end with %q", h.Citation, want)
			}
			if strings.Contains(h.Citation, ts.URL) {
				t.Errorf("citation %q takes the address from the request", h.Citation)
			}
		})
	}
}

// The editors' marks are not part of the text: neither the article page
// nor a search hit shows them.
func TestEditorMarksDoNotShow(t *testing.T) {
	ts, _ := quoteServer(t, Config{})
	resp, err := http.Get(ts.URL + "/artikelen/het-digitale-loket")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, resp.Body); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "Dit is precies wat we wilden zien.") || !strings.Contains(page, "samen digitaal") {
		t.Fatalf("status %d; the page lacks the marked passages:\n%s", resp.StatusCode, page)
	}
	for _, mark := range []string{"{spreker", "geen-citaat", "pieter-van-den-akker}"} {
		if strings.Contains(page, mark) {
			t.Errorf("the article page shows %q", mark)
		}
	}
	var res search.Result
	getJSON(t, ts.URL+"/api/v1/search?q=precies+wilden&size=50", &res)
	if len(res.Hits) == 0 {
		t.Fatal("no hits for precies wilden")
	}
	for _, h := range res.Hits {
		if strings.Contains(h.Snippet+h.Text+h.Citation, "spreker") {
			t.Errorf("hit %s shows the mark: %+v", h.ID, h)
		}
	}
}
