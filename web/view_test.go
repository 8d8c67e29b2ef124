package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestResultsPageControls: sort and grouping are form controls (so they
// work without a script), grouped results come in sections, and the
// active filters each have a link that clears them.
func TestResultsPageControls(t *testing.T) {
	ts := pageServer(t, Config{})
	doc, _ := getPage(t, ts.URL+"/zoeken?q=gemeenten", http.StatusOK)
	sortSel := one(t, doc, `form#zoekformulier select#sorteer[name=sort]`)
	if v, _ := sortSel.Find("option[selected]").Attr("value"); v != "" {
		t.Errorf("with words the chosen order is the automatic one (value %q), want empty", v)
	}
	if sortSel.Find(`option[value=article]`).Length() != 1 {
		t.Error("no reading-order option")
	}
	group := one(t, doc, `form#zoekformulier select#groepeer[name=group]`)
	for _, v := range []string{"municipality", "article"} {
		if group.Find(`option[value=`+v+`]`).Length() != 1 {
			t.Errorf("no grouping option %s", v)
		}
	}
	for _, g := range []string{"municipality", "article"} {
		t.Run("group="+g, func(t *testing.T) {
			doc, _ := getPage(t, ts.URL+"/zoeken?q=gemeenten&group="+g, http.StatusOK)
			if v, _ := doc.Find("select#groepeer option[selected]").Attr("value"); v != g {
				t.Errorf("selected grouping %q, want %q", v, g)
			}
			sections := doc.Find("section.group")
			if sections.Length() < 2 {
				t.Fatalf("%d groups, want several", sections.Length())
			}
			sections.Each(func(_ int, s *goquery.Selection) {
				if s.Find("h3.group-head").Length() != 1 || s.Find(".hit-list > li").Length() == 0 {
					t.Errorf("group %q has no heading or no hits", s.Find("h3").Text())
				}
			})
		})
	}
	doc, _ = getPage(t, ts.URL+"/zoeken?q=gemeenten&sort=article", http.StatusOK)
	if v, _ := doc.Find("select#sorteer option[selected]").Attr("value"); v != "article" {
		t.Errorf("selected order %q, want article", v)
	}

	doc, _ = getPage(t, ts.URL+"/zoeken?q=gemeenten&municipality=voorbeeldstad&role=bestuur", http.StatusOK)
	chips := doc.Find(".active-filters a.chip")
	if chips.Length() != 2 {
		t.Fatalf("%d active filter links, want 2", chips.Length())
	}
	if badge := strings.TrimSpace(doc.Find("#filters .badge").Text()); !strings.HasPrefix(badge, "2") {
		t.Errorf("filter disclosure badge %q, want 2", badge)
	}
	chips.Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := url.Parse(href)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		if q.Get("q") != "gemeenten" || len(q["municipality"])+len(q["role"]) != 1 {
			t.Errorf("clearing %q leads to %s: want the other filter and the words kept", a.Text(), href)
		}
	})
	if all := doc.Find(`.active-filters a[href="/zoeken?q=gemeenten"]`); all.Length() != 1 {
		t.Error("no link that clears every filter")
	}
}

func TestPersonPageHTTP(t *testing.T) {
	ts, _ := quoteServer(t, Config{PublicURL: "https://zoeken.example.nl"})
	doc, _ := getPage(t, ts.URL+"/personen/karel-smeets", http.StatusOK)
	if h := one(t, doc, "h1").Text(); h != "Karel Smeets" {
		t.Errorf("h1 %q", h)
	}
	// Not municipal staff: the organisation as written, not "gemeente X".
	facts := doc.Find(".person-facts").Text()
	if !strings.Contains(facts, "Regionaal Samenwerkingsverband Den Waard") || !strings.Contains(facts, "Regiodirecteur") {
		t.Errorf("facts %q", facts)
	}
	// Karel Smeets is never quoted by name in the fixtures: Bram de Wit is.
	doc, _ = getPage(t, ts.URL+"/personen/bram-de-wit", http.StatusOK)
	if doc.Find(".hit-quote").Length() == 0 {
		t.Fatal("no quotes of Bram de Wit")
	}
	doc.Find(".hit-quote").Each(func(_ int, q *goquery.Selection) {
		sp := q.Find(".speaker").Text()
		if !strings.Contains(sp, "Bram de Wit, Chief Information Officer, Gemeente ‘s-Hertogenwaard") {
			t.Errorf("speaker line %q", sp)
		}
		cite, _ := q.Find("button.copy").Attr("data-citation")
		if !strings.Contains(cite, " https://zoeken.example.nl/artikelen/") {
			t.Errorf("citation %q does not link with the public address", cite)
		}
		if q.Find(".cite .citation").Text() != cite {
			t.Error("the no-script citation differs from the copied one")
		}
	})
	getPage(t, ts.URL+"/personen/niemand", http.StatusNotFound)
}
