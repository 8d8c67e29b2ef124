package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"

	"vanelkaar/search"
)

// getPage fetches a page and parses it, checking its status.
func getPage(t *testing.T, u string, wantStatus int) (*goquery.Document, *http.Response) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != wantStatus {
		t.Errorf("GET %s: status %d, want %d", u, resp.StatusCode, wantStatus)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET %s: Content-Type %q, want HTML", u, ct)
	}
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return doc, resp
}

// one checks that a selector matches exactly one element and returns it.
func one(t *testing.T, doc *goquery.Document, sel string) *goquery.Selection {
	t.Helper()
	s := doc.Find(sel)
	if s.Length() != 1 {
		t.Errorf("%q matches %d elements, want 1", sel, s.Length())
	}
	return s
}

func TestPageLandmarksAndLabels(t *testing.T) {
	ts := pageServer(t, Config{})
	for _, path := range []string{"/", "/zoeken?q=gemeenten", "/artikelen/proef-leren", "/embed/demo", "/bestaat-niet"} {
		t.Run(path, func(t *testing.T) {
			want := http.StatusOK
			if path == "/bestaat-niet" {
				want = http.StatusNotFound
			}
			doc, _ := getPage(t, ts.URL+path, want)
			one(t, doc, `html[lang="nl"]`)
			if doc.Find("title").Text() == "" {
				t.Error("no title")
			}
			one(t, doc, `a.skip-link[href="#inhoud"]`)
			one(t, doc, `header.site-header`)
			one(t, doc, `main#inhoud`)
			one(t, doc, `footer.site-footer`)
			one(t, doc, `h1`)
			// Every input has a label.
			doc.Find("input").Each(func(_ int, in *goquery.Selection) {
				id, _ := in.Attr("id")
				if id == "" || doc.Find(`label[for="`+id+`"]`).Length() != 1 {
					t.Errorf("input %s has no label", goquery.NodeName(in)+"#"+id)
				}
			})
			// No inline script or style: the CSP forbids them.
			doc.Find("script").Each(func(_ int, s *goquery.Selection) {
				if _, ok := s.Attr("src"); !ok {
					t.Errorf("inline script: %s", s.Text())
				}
			})
			if n := doc.Find("style, [style]").Length(); n > 0 {
				t.Errorf("%d inline styles", n)
			}
		})
	}
}

func TestSearchPageResults(t *testing.T) {
	ts := pageServer(t, Config{})
	doc, _ := getPage(t, ts.URL+"/zoeken?q=gemeenten", http.StatusOK)
	total := apiTotal(t, ts.URL, url.Values{"q": {"gemeenten"}})

	form := one(t, doc, `form#zoekformulier[role="search"][method="get"][action="/zoeken"]`)
	if v, _ := form.Find(`input#q`).Attr("value"); v != "gemeenten" {
		t.Errorf("search box holds %q", v)
	}
	// The live region holds the count summary and nothing else.
	live := one(t, doc, `[aria-live="polite"]#aantal`)
	if want := strconv.FormatUint(total, 10) + " resultaten voor “gemeenten”"; !strings.HasPrefix(live.Text(), want) {
		t.Errorf("live region %q, want it to start with %q", live.Text(), want)
	}
	if live.Children().Length() != 0 {
		t.Errorf("the live region holds elements: %s", live.Text())
	}
	if n := doc.Find(`.hit-list > li`).Length(); n != min(int(total), search.DefaultSize) {
		t.Errorf("%d hits on the page, want %d", n, min(int(total), search.DefaultSize))
	}
	// The facets are checkboxes of the same GET form, with counts.
	boxes := form.Find(`.facets fieldset input[type="checkbox"]`)
	if boxes.Length() == 0 {
		t.Fatal("no facet checkboxes in the form")
	}
	for _, name := range search.FacetNames {
		if form.Find(`input[type="checkbox"][name="`+name+`"]`).Length() == 0 {
			t.Errorf("no checkbox for facet %s", name)
		}
	}
	label := one(t, doc, `label[for="f-municipality-voorbeeldstad"]`)
	if !strings.Contains(label.Text(), "Voorbeeldstad (") {
		t.Errorf("facet label %q has no count", label.Text())
	}
	one(t, doc, `.facets button[type="submit"]`)
	// Pagination links to page 2 with the same words.
	if total > search.DefaultSize {
		next := one(t, doc, `nav.pagination a[rel="next"]`)
		if href, _ := next.Attr("href"); href != "/zoeken?page=2&q=gemeenten" {
			t.Errorf("next page link %q", href)
		}
		one(t, doc, `nav.pagination a[aria-current="page"]`)
	}
	// Passage links carry the query to the article page and end in a
	// passage anchor.
	doc.Find(`.hit-passage h3 a`).Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		if !strings.HasPrefix(href, "/artikelen/") || !strings.Contains(href, "?q=gemeenten#") {
			t.Errorf("passage link %q", href)
		}
	})
	if doc.Find(`.hit mark`).Length() == 0 {
		t.Error("no marked words in the hits")
	}
}

func TestSearchPageFilters(t *testing.T) {
	ts := pageServer(t, Config{})
	doc, _ := getPage(t, ts.URL+"/zoeken?q=gemeenten&municipality=voorbeeldstad", http.StatusOK)
	want := apiTotal(t, ts.URL, url.Values{"q": {"gemeenten"}, "municipality": {"voorbeeldstad"}})
	if got := countIn(t, one(t, doc, "#aantal").Text()); got != want {
		t.Errorf("count %d, want %d", got, want)
	}
	one(t, doc, `#f-municipality-voorbeeldstad[checked]`)
	if n := doc.Find(`.facets input[checked]`).Length(); n != 1 {
		t.Errorf("%d boxes checked, want 1", n)
	}
	clear := one(t, doc, `.facets a[href="/zoeken?q=gemeenten"]`)
	if clear.Text() != "Alle filters wissen" {
		t.Errorf("clear link %q", clear.Text())
	}
}

func TestSearchPageEmptyState(t *testing.T) {
	ts := pageServer(t, Config{})
	doc, _ := getPage(t, ts.URL+"/zoeken?q=kwartelkoning&theme=inclusiviteit", http.StatusOK)
	if got := one(t, doc, "#aantal").Text(); got != "Geen resultaten voor “kwartelkoning”" {
		t.Errorf("summary %q", got)
	}
	empty := one(t, doc, ".empty")
	if !strings.Contains(empty.Find("h3").Text(), "Niets gevonden voor “kwartelkoning”") {
		t.Errorf("empty state heading %q", empty.Find("h3").Text())
	}
	one(t, doc, `.empty a[href="/zoeken?q=kwartelkoning"]`)
}

func TestSearchPageBadRequestIsExplainedOnThePage(t *testing.T) {
	ts := pageServer(t, Config{})
	for _, tt := range []struct{ name, query, want string }{
		{"open quote", `q=%22samen`, "Sluit aanhalingstekens af"},
		{"unknown filter value", `q=samen&theme=bestaat-niet`, "filters bestaat niet"},
		{"bad page", `q=samen&page=nul`, "paginanummer"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := getPage(t, ts.URL+"/zoeken?"+tt.query, http.StatusBadRequest)
			if p := one(t, doc, ".problem").Text(); !strings.Contains(p, tt.want) {
				t.Errorf("problem %q does not say %q", p, tt.want)
			}
			one(t, doc, "form#zoekformulier")
		})
	}
}

func TestPagesEscapeHostileText(t *testing.T) {
	ts := pageServer(t, Config{})
	for _, path := range []string{
		"/zoeken?q=" + url.QueryEscape("tekst onerror nepmarkering"),
		"/zoeken?q=" + url.QueryEscape(`<script>alert("q")</script>`),
		"/artikelen/proef-randgevallen?q=" + url.QueryEscape(`scripts <img src=x>`),
	} {
		t.Run(path, func(t *testing.T) {
			resp, err := http.Get(ts.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			doc, err := goquery.NewDocumentFromReader(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			// The corpus's and the query's tags are text: the only elements
			// are the page's own.
			if n := doc.Find(`main script, img, b`).Length(); n > 0 {
				t.Errorf("%d script, img or b elements from text", n)
			}
			if strings.Contains(path, "onerror") && !strings.Contains(doc.Find(".snippet").Text(), "<img src=x onerror=") {
				t.Errorf("the hostile passage is not among the hits as text: %q", doc.Find(".snippet").Text())
			}
			if strings.Contains(path, "alert") {
				if v, _ := doc.Find("input#q").Attr("value"); v != `<script>alert("q")</script>` {
					t.Errorf("search box holds %q", v)
				}
				if !strings.Contains(doc.Find("title").Text(), `<script>alert("q")</script>`) {
					t.Errorf("title %q", doc.Find("title").Text())
				}
			}
			if strings.Contains(path, "randgevallen") {
				text := doc.Find("#inleiding").Text()
				for _, lit := range []string{"<script>alert('tekst')</script>", "<img src=x onerror=alert('img')>", "<mark>nepmarkering</mark>"} {
					if !strings.Contains(text, lit) {
						t.Errorf("passage text lost %q: %s", lit, text)
					}
				}
				if got := doc.Find("h1").Text(); got != "Proefreeks: <script>alert('titel')</script> & randgevallen" {
					t.Errorf("title %q", got)
				}
			}
		})
	}
}

func TestArticlePage(t *testing.T) {
	s := fixtureSearcher(t)
	ts := httptest.NewServer(New(Config{}, s))
	t.Cleanup(ts.Close)
	art, err := s.Article(context.Background(), "proef-leren", "")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := getPage(t, ts.URL+"/artikelen/proef-leren?q=gemeenten", http.StatusOK)
	if got := one(t, doc, "h1").Text(); got != art.Article.Title {
		t.Errorf("h1 %q, want %q", got, art.Article.Title)
	}
	// Every passage is there, in order, with its anchor as id.
	var want, got []string
	for _, p := range art.Passages {
		want = append(want, p.Anchor)
	}
	doc.Find("p.passage").Each(func(_ int, p *goquery.Selection) {
		id, _ := p.Attr("id")
		got = append(got, id)
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("passage ids (-want +got):\n%s", diff)
	}
	// Headings open where the heading path changes, below the h1.
	var heads []string
	doc.Find("article h2, article h3, article h4").Each(func(_ int, h *goquery.Selection) {
		heads = append(heads, goquery.NodeName(h)+":"+h.Text())
	})
	if diff := cmp.Diff([]string{"h2:Inclusiviteit", "h2:Samenwerken", "h2:Volgende keer"}, heads); diff != "" {
		t.Errorf("headings (-want +got):\n%s", diff)
	}
	marks := doc.Find("#samenwerken mark")
	if marks.Length() == 0 || !strings.HasPrefix(strings.ToLower(marks.First().Text()), "gemeente") {
		t.Errorf("passage #samenwerken marks %q", marks.Text())
	}
	one(t, doc, `.marked-note a[href="/zoeken?q=gemeenten"]`)

	// Without a query nothing is marked.
	plain, _ := getPage(t, ts.URL+"/artikelen/proef-leren", http.StatusOK)
	if n := plain.Find("mark").Length(); n != 0 {
		t.Errorf("%d marks without a query", n)
	}
}

// TestHitLinksLandOnTheirPassage follows every passage link of a results
// page and checks that the anchor exists on the article page.
func TestHitLinksLandOnTheirPassage(t *testing.T) {
	ts := pageServer(t, Config{})
	doc, _ := getPage(t, ts.URL+"/zoeken?q=gemeenten&size=50", http.StatusOK)
	links := doc.Find(`.hit a[href^="/artikelen/"]`)
	if links.Length() == 0 {
		t.Fatal("no links to articles")
	}
	links.Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		page, frag, _ := strings.Cut(href, "#")
		art, _ := getPage(t, ts.URL+page, http.StatusOK)
		if frag != "" && art.Find(`[id="`+frag+`"]`).Length() != 1 {
			t.Errorf("%s: no element with id %q", href, frag)
		}
	})
}

func TestErrorsArePagesForPeopleAndProblemsForTheAPI(t *testing.T) {
	ts := pageServer(t, Config{})
	doc, _ := getPage(t, ts.URL+"/artikelen/bestaat-niet", http.StatusNotFound)
	if got := one(t, doc, "h1").Text(); got != "Pagina niet gevonden" {
		t.Errorf("404 page heading %q", got)
	}
	one(t, doc, `form[action="/zoeken"] input#q`)
	for _, path := range []string{"/api/v1/bestaat-niet", "/api/v1/search?q=%22open"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); ct != problemJSON {
			t.Errorf("%s: Content-Type %q, want %s", path, ct, problemJSON)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := pageServer(t, Config{})
	for _, path := range []string{"/", "/zoeken?q=data", "/artikelen/proef-data", "/bestaat-niet", "/embed/demo", widgetPath, "/static/style.css", "/api/v1/search?q=data"} {
		t.Run(path, func(t *testing.T) {
			resp, err := http.Get(ts.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			csp := resp.Header.Get("Content-Security-Policy")
			directives := map[string]string{}
			for _, d := range strings.Split(csp, ";") {
				name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
				directives[name] = value
			}
			if s := directives["script-src"]; s != "'self'" {
				t.Errorf("script-src %q, want 'self' alone (no unsafe-inline)", s)
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("CSP allows unsafe code: %s", csp)
			}
			if directives["frame-ancestors"] != "'none'" {
				t.Errorf("frame-ancestors %q, want 'none'", directives["frame-ancestors"])
			}
			for h, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"Referrer-Policy":        "strict-origin-when-cross-origin",
			} {
				if got := resp.Header.Get(h); got != want {
					t.Errorf("%s = %q, want %q", h, got, want)
				}
			}
		})
	}
}

func TestCORS(t *testing.T) {
	const allowed = "https://www.voorbeeldstad.nl"
	ts := pageServer(t, Config{CORSOrigins: ParseOrigins(" https://www.voorbeeldstad.nl/ ,http://127.0.0.1:9999")})
	tests := []struct {
		name, method, path, origin string
		header                     map[string]string
		wantStatus                 int // 0: any refusal
		wantOrigin                 string
		wantMethods                bool
	}{
		{"configured origin", http.MethodGet, "/api/v1/search?q=data", allowed, nil, http.StatusOK, allowed, false},
		{"second configured origin", http.MethodGet, "/api/v1/search?q=data", "http://127.0.0.1:9999", nil, http.StatusOK, "http://127.0.0.1:9999", false},
		{"origin not configured", http.MethodGet, "/api/v1/search?q=data", "https://www.elders.nl", nil, http.StatusOK, "", false},
		{"same host, other port", http.MethodGet, "/api/v1/search?q=data", "http://127.0.0.1:9998", nil, http.StatusOK, "", false},
		{"prefix of a configured origin", http.MethodGet, "/api/v1/search?q=data", "https://www.voorbeeldstad.nl.elders.nl", nil, http.StatusOK, "", false},
		{"no origin", http.MethodGet, "/api/v1/search?q=data", "", nil, http.StatusOK, "", false},
		{"bad request keeps CORS", http.MethodGet, "/api/v1/search?q=%22open", allowed, nil, http.StatusBadRequest, allowed, false},
		{"preflight", http.MethodOptions, "/api/v1/search?q=data", allowed, map[string]string{"Access-Control-Request-Method": "GET"}, http.StatusNoContent, allowed, true},
		{"preflight not configured", http.MethodOptions, "/api/v1/search?q=data", "https://www.elders.nl", map[string]string{"Access-Control-Request-Method": "GET"}, 0, "", false},
		{"pages are not for other origins", http.MethodGet, "/zoeken?q=data", allowed, nil, http.StatusOK, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, ts.URL+tt.path, nil)
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if tt.wantStatus == 0 && resp.StatusCode < 400 {
				t.Errorf("status %d, want a refusal", resp.StatusCode)
			} else if tt.wantStatus != 0 && resp.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if got := resp.Header.Get("Access-Control-Allow-Origin"); got != tt.wantOrigin {
				t.Errorf("Access-Control-Allow-Origin = %q, want %q", got, tt.wantOrigin)
			}
			if got := resp.Header.Get("Access-Control-Allow-Methods") != ""; got != tt.wantMethods {
				t.Errorf("Access-Control-Allow-Methods present = %v, want %v", got, tt.wantMethods)
			}
			if strings.HasPrefix(tt.path, "/api/") && !strings.Contains(strings.Join(resp.Header.Values("Vary"), ","), "Origin") {
				t.Errorf("Vary %q does not name Origin", resp.Header.Values("Vary"))
			}
		})
	}
}

func TestParseOrigins(t *testing.T) {
	got := ParseOrigins(" https://a.nl, ,http://b.nl:8080 ,")
	if diff := cmp.Diff([]string{"https://a.nl", "http://b.nl:8080"}, got); diff != "" {
		t.Errorf("ParseOrigins (-want +got):\n%s", diff)
	}
}

func TestDemoPage(t *testing.T) {
	ts := pageServer(t, Config{})
	doc, _ := getPage(t, ts.URL+"/embed/demo", http.StatusOK)
	one(t, doc, "main vanelkaar-zoek")
	one(t, doc, `script[src="/embed/widget.js"]`)
	want := `<script src="` + ts.URL + `/embed/widget.js" defer></script>`
	if !strings.Contains(doc.Find("pre.snippet code").First().Text(), want) {
		t.Errorf("the snippet does not hold %s", want)
	}
}
