package web

import (
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// fetch gets a URL as a browser does, with gzip accepted, and returns the
// response, the bytes sent over the wire and the decoded body.
func fetch(t *testing.T, u string, header http.Header) (*http.Response, int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "gzip")
	for k, v := range header {
		req.Header[k] = v
	}
	// The transport would decode gzip itself and hide the wire size.
	resp, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	wire, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	body := wire
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(strings.NewReader(string(wire)))
		if err != nil {
			t.Fatal(err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	return resp, len(wire), body
}

var assetRE = regexp.MustCompile(`(?:href|src)="(/static/[^"]+|/embed/widget\.js)"`)

func TestStaticFilesCaching(t *testing.T) {
	ts := shippedServer(t)
	_, _, page := fetch(t, ts.URL+"/", nil)
	assets := assetRE.FindAllStringSubmatch(string(page), -1)
	if len(assets) < 3 {
		t.Fatalf("the start page links %d static files: %q", len(assets), assets)
	}
	for _, m := range assets {
		u := m[1]
		t.Run(u, func(t *testing.T) {
			if !regexp.MustCompile(`^/static/[a-z]+\.[0-9a-f]{12}\.[a-z]+$`).MatchString(u) {
				t.Fatalf("the page links %s, not a content-hashed name", u)
			}
			resp, wire, body := fetch(t, ts.URL+u, nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") {
				t.Errorf("Cache-Control %q, want a year, immutable", cc)
			}
			etag := resp.Header.Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			text := strings.HasSuffix(u, ".css") || strings.HasSuffix(u, ".js") || strings.HasSuffix(u, ".svg")
			if text && len(body) >= gzipMinLength && (resp.Header.Get("Content-Encoding") != "gzip" || wire >= len(body)) {
				t.Errorf("a text asset of %d bytes sent as %d bytes, Content-Encoding %q: want gzip", len(body), wire, resp.Header.Get("Content-Encoding"))
			}
			again, _, _ := fetch(t, ts.URL+u, http.Header{"If-None-Match": {etag}})
			if again.StatusCode != http.StatusNotModified {
				t.Errorf("If-None-Match with its ETag: status %d, want 304", again.StatusCode)
			}
			// The plain name is served too, revalidated each time.
			plain := regexp.MustCompile(`\.[0-9a-f]{12}\.`).ReplaceAllString(u, ".")
			presp, _, pbody := fetch(t, ts.URL+plain, nil)
			if presp.StatusCode != http.StatusOK || string(pbody) != string(body) || !strings.Contains(presp.Header.Get("Cache-Control"), "no-cache") {
				t.Errorf("%s: status %d, Cache-Control %q", plain, presp.StatusCode, presp.Header.Get("Cache-Control"))
			}
		})
	}
	// The widget's address is pasted into host pages: short cache, ETag.
	resp, _, _ := fetch(t, ts.URL+widgetPath, nil)
	if resp.Header.Get("ETag") == "" || !strings.Contains(resp.Header.Get("Cache-Control"), "max-age=300") {
		t.Errorf("widget: ETag %q, Cache-Control %q", resp.Header.Get("ETag"), resp.Header.Get("Cache-Control"))
	}
	if again, _, _ := fetch(t, ts.URL+widgetPath, http.Header{"If-None-Match": {resp.Header.Get("ETag")}}); again.StatusCode != http.StatusNotModified {
		t.Errorf("widget revalidation: status %d, want 304", again.StatusCode)
	}
}

// pageWeightBudget is the most a page may send over the wire, with gzip:
// the HTML and every style sheet and script it loads. The pages weigh 6 to
// 11 KiB now; a page that grows past the budget has to say why.
const pageWeightBudget = 32 << 10

func TestPageWeightBudget(t *testing.T) {
	shipped := shippedServer(t)
	quotes, _ := quoteServer(t, Config{})
	for _, p := range []struct{ base, path string }{
		{shipped.URL, "/"},
		{shipped.URL, "/zoeken?q=gemeenten"},
		{shipped.URL, "/artikelen/van-elkaar-leren"},
		{shipped.URL, "/personen/ger-baron"},
		{shipped.URL, "/embed/demo"},
		{quotes.URL, "/zoeken?q=gemeente"},
		{quotes.URL, "/personen/bram-de-wit"},
	} {
		t.Run(p.path, func(t *testing.T) {
			resp, total, page := fetch(t, p.base+p.path, nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			parts := []string{p.path}
			for _, m := range assetRE.FindAllStringSubmatch(string(page), -1) {
				if strings.HasSuffix(m[1], ".svg") {
					continue // the icon is not needed to use the page
				}
				_, n, _ := fetch(t, p.base+m[1], nil)
				total += n
				parts = append(parts, m[1])
			}
			t.Logf("%s: %d bytes over the wire (%s)", p.path, total, strings.Join(parts, ", "))
			if total > pageWeightBudget {
				t.Errorf("%s weighs %d bytes with its assets, over the budget of %d", p.path, total, pageWeightBudget)
			}
		})
	}
}
