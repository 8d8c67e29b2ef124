package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// fuzzPaths are the GET routes the HTTP fuzz target drives, with example
// values for their parameters: every route that reads the query string.
func fuzzPaths(srv *Server) []string {
	examples := map[string]string{"/artikelen/:slug": "/artikelen/proef-data", "/personen/:id": "/personen/marieke-jansen"}
	var out []string
	for _, r := range srv.routeTable() {
		switch {
		case r.method != http.MethodGet, r.kind == kindProbe, r.kind == kindMetrics, strings.HasPrefix(r.path, staticPrefix):
			continue
		}
		p := r.path
		if ex, ok := examples[p]; ok {
			p = ex
		}
		if !strings.Contains(p, ":") {
			out = append(out, p)
		}
	}
	return out
}

// tagLike finds the start of an HTML tag, comment or declaration.
var tagLike = regexp.MustCompile(`<[A-Za-z/!?][^<>]{0,12}`)

// FuzzHTTPQuery sends arbitrary query strings to every GET route that
// reads one and checks that no answer is a server error (5xx) and that no
// markup from the query comes back unescaped: a tag-like piece of a
// parameter value may appear in an answer only when the same route
// without it shows that piece anyway (as <mark> in snippets).
func FuzzHTTPQuery(f *testing.F) {
	srv := New(Config{}, fixtureSearcher(f))
	paths := fuzzPaths(srv)
	baseline := make([]string, len(paths))
	for i, p := range paths {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p+"?q=data&text=data", nil))
		baseline[i] = rec.Body.String()
	}
	for i, s := range []string{
		"q=data", "q=%3Cscript%3Ealert(1)%3C/script%3E", "q=\"<b>vet</b>\"&theme=<i>", "%zz%",
		"q=data&page=0&size=1000", "q=<img src=x onerror=alert(1)>&prefix=true", "text=<svg/onload=1>",
		"q=" + strings.Repeat("a ", 200), "theme=x&theme=y&municipality=<a href=x>", "q=%22open&sort=<p>",
		"q=samenw&prefix=true&group=article", "q=data&exact=true", "q=-<x>+OR+\"y",
	} {
		f.Add(uint8(i), s) // the target picks the route: which % len(paths)
	}
	f.Fuzz(func(t *testing.T, which uint8, raw string) {
		if len(raw) > 4096 {
			return
		}
		i := int(which) % len(paths)
		req := httptest.NewRequest(http.MethodGet, paths[i], nil)
		req.URL.RawQuery = raw
		req.RequestURI = paths[i] + "?" + raw
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %s?%s: status %d: %.500s", paths[i], raw, rec.Code, rec.Body.String())
		}
		vals, err := url.ParseQuery(raw)
		if err != nil {
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("GET %s?%q: an unreadable query string answered %d, want 400", paths[i], raw, rec.Code)
			}
			return
		}
		body := rec.Body.String()
		for _, vs := range vals {
			for _, v := range vs {
				for _, tag := range tagLike.FindAllString(v, -1) {
					if strings.Contains(body, tag) && !strings.Contains(baseline[i], tag) {
						t.Fatalf("GET %s?%q: the answer holds %q unescaped:\n%.1000s", paths[i], raw, tag, body)
					}
				}
			}
		}
	})
}
