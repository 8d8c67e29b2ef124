package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"vanelkaar/search"
)

// TestSearchPageSaysWhatItAlsoSearched checks the line "Ook gezocht op:
// burgers" and its link to the typed words only, which the form's
// checkbox also asks for; and the way back.
func TestSearchPageSaysWhatItAlsoSearched(t *testing.T) {
	ts := shippedServer(t)
	doc, _ := getPage(t, ts.URL+"/zoeken?q=inwoners", http.StatusOK)
	line := one(t, doc, "p.expansions")
	if !strings.Contains(line.Text(), "Ook gezocht op: burgers") {
		t.Errorf("expansions line %q, want it to say it also searched for burgers", line.Text())
	}
	href, _ := line.Find("a").Attr("href")
	if href != "/zoeken?exact=true&q=inwoners" {
		t.Errorf("typed-words-only link %q", href)
	}
	if !strings.Contains(doc.Find("ol.hit-list").Text(), "burgers") {
		t.Errorf("no hit shows burgers")
	}
	marked := false
	doc.Find("ol.hit-list mark").Each(func(_ int, s *goquery.Selection) {
		if strings.EqualFold(s.Text(), "burgers") {
			marked = true
		}
	})
	if !marked {
		t.Errorf("burgers is not marked in the hits")
	}
	if _, ok := one(t, doc, "input#exact[type=checkbox][name=exact][value=true]").Attr("checked"); ok {
		t.Errorf("the typed-words-only box is checked on a normal search")
	}

	exact, _ := getPage(t, ts.URL+href, http.StatusOK)
	if _, ok := one(t, exact, "input#exact").Attr("checked"); !ok {
		t.Errorf("the typed-words-only box is not checked after exact=true")
	}
	back := one(t, exact, "p.expansions")
	if !strings.Contains(back.Text(), "Alleen gezocht op de getypte woorden") {
		t.Errorf("exact search line %q", back.Text())
	}
	if h, _ := back.Find("a").Attr("href"); h != "/zoeken?q=inwoners" {
		t.Errorf("way back %q", h)
	}
	if exact.Find("ol.hit-list li").Length() != 0 {
		t.Errorf("inwoners as typed should find nothing on the shipped corpus")
	}
}

// TestSearchPageDeadEnd checks that a search that finds nothing offers
// the searches that do, as links with their counts, and that each link
// finds what it says.
func TestSearchPageDeadEnd(t *testing.T) {
	ts := shippedServer(t)
	tests := []struct {
		name, query, want string
	}{
		{"a municipality too narrow", "q=burgers&municipality=breda", "Geen resultaten voor “burgers” in Breda; wel "},
		{"a word too many", "q=burgers+blockchain", "Geen resultaten voor “burgers blockchain”; wel "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := getPage(t, ts.URL+"/zoeken?"+tt.query, http.StatusOK)
			line := one(t, doc, "p.relaxations")
			if !strings.HasPrefix(line.Text(), tt.want) {
				t.Errorf("dead-end line %q, want it to start with %q", line.Text(), tt.want)
			}
			links := line.Find("a")
			if links.Length() == 0 {
				t.Fatal("no relaxation links")
			}
			href, _ := links.First().Attr("href")
			u, err := url.Parse(href)
			if err != nil {
				t.Fatal(err)
			}
			total := apiTotal(t, ts.URL, u.Query())
			if total == 0 || !strings.HasPrefix(links.First().Text(), strconv.FormatUint(total, 10)+" ") {
				t.Errorf("link %q (%s) finds %d", links.First().Text(), href, total)
			}
		})
	}
	doc, _ := getPage(t, ts.URL+"/zoeken?q=burgers", http.StatusOK)
	if doc.Find("p.relaxations").Length() != 0 {
		t.Errorf("a search that finds something offers relaxations")
	}
}

// TestSimilarBlocks checks the block "Vergelijkbare aanpakken in andere
// gemeenten" under a passage on the article page and behind a hit on the
// results page: plain HTML (details/summary), no script needed, linking to
// a passage of another municipality.
func TestSimilarBlocks(t *testing.T) {
	ts := fixtureServer(t, "../search/testdata/similar")
	art, _ := getPage(t, ts.URL+"/artikelen/aanpak-voorbeeldstad", http.StatusOK)
	block := art.Find("#licht + details.similar")
	if block.Length() != 1 {
		t.Fatalf("no similar block right after passage #licht")
	}
	if s := block.Find("summary").Text(); !strings.HasPrefix(s, "Vergelijkbare aanpakken in andere gemeenten") {
		t.Errorf("summary %q", s)
	}
	if h, _ := block.Find("li a").First().Attr("href"); h != "/artikelen/aanpak-testerveen#straatverlichting" {
		t.Errorf("first similar approach %q, want Testerveen's street lighting", h)
	}
	if !strings.Contains(block.Text(), "Testerveen") {
		t.Errorf("the block does not name the municipality: %q", block.Text())
	}
	if art.Find("#markt + details.similar").Length() != 0 {
		t.Errorf("a passage without counterpart has a similar block")
	}

	res, _ := getPage(t, ts.URL+"/zoeken?q=warmtenet", http.StatusOK)
	hits := res.Find("ol.hit-list > li")
	if hits.Length() == 0 {
		t.Fatal("warmtenet finds nothing in the fixture")
	}
	found := false
	hits.Each(func(_ int, li *goquery.Selection) {
		li.Find("details.similar li a").Each(func(_ int, a *goquery.Selection) {
			if h, _ := a.Attr("href"); strings.HasPrefix(h, "/artikelen/aanpak-") {
				found = true
			}
		})
	})
	if !found {
		t.Errorf("no hit for warmtenet has similar approaches")
	}

	var api search.Result
	if resp := getJSON(t, ts.URL+"/api/v1/similar?id="+url.QueryEscape("passage/aanpak-proefdorp#warmte"), &api); resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if len(api.Hits) == 0 || api.Hits[0].ID != "passage/aanpak-testerveen#aardgasvrij" {
		t.Errorf("API similar of Proefdorp's heat network = %+v, want Testerveen's first", api.Hits)
	}
}
