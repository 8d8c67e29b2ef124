package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

func loadOpenAPI(t *testing.T, raw []byte) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(raw)
	if err != nil {
		t.Fatalf("load OpenAPI document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document is not valid OpenAPI 3: %v", err)
	}
	return doc
}

// docRoute finds the operation of the document that a request path is for.
func docRoute(t *testing.T, doc *openapi3.T, method, path string) *routers.Route {
	t.Helper()
	p, api := strings.CutPrefix(path, apiPrefix)
	item := doc.Paths.Value(p)
	if item == nil || api == (len(item.Servers) > 0) {
		t.Fatalf("%s %s is not in the OpenAPI document", method, path)
	}
	op := item.GetOperation(method)
	if op == nil {
		t.Fatalf("%s %s: the document has no %s operation", method, path, method)
	}
	return &routers.Route{Spec: doc, Path: p, PathItem: item, Method: method, Operation: op}
}

// opsServer serves the shipped corpus with every optional route turned on:
// the admin route and a reloader that reports a failed rebuild.
func opsServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	last := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	cfg.Reloader = &fakeReloader{status: search.ReloadStatus{Documents: 40, BuiltAt: "2026-11-28T09:59:00Z",
		Last: last, LastErr: errors.New("artikelen/02.md:3: missing title"), Failed: 1, Succeeded: 2, LastTook: time.Second}}
	cfg.AdminToken = "geheim"
	ts := httptest.NewServer(New(cfg, opsSearcher(t)))
	t.Cleanup(ts.Close)
	return ts
}

// TestOpenAPIMatchesRoutes checks that the document describes every API
// route the server has, and nothing it does not have.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	doc := loadOpenAPI(t, openAPI)
	if doc.Info.Version != APIVersion {
		t.Errorf("info.version %q, API-Version %q", doc.Info.Version, APIVersion)
	}
	srv := New(Config{AdminToken: "geheim", Reloader: &fakeReloader{}}, opsSearcher(t))
	routed := map[string]bool{}
	for _, r := range srv.e.Routes() {
		// HEAD answers every GET route, as the document's description
		// says; it is not listed per path.
		if r.Method == echo.RouteNotFound || r.Method == http.MethodHead || strings.Contains(r.Path, "*") || r.Path == widgetPath {
			continue
		}
		switch k := srv.kinds[r.Path]; {
		case strings.HasPrefix(r.Path, apiPrefix+"/"):
			routed[r.Method+" "+strings.TrimPrefix(r.Path, apiPrefix)] = true
		case !k.htmlErrors():
			routed[r.Method+" "+r.Path] = true
		}
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	for k := range routed {
		if !documented[k] {
			t.Errorf("route %s is not in the OpenAPI document", k)
		}
	}
	for k := range documented {
		if !routed[k] {
			t.Errorf("the OpenAPI document describes %s, which the server does not route", k)
		}
	}
}

// TestOpenAPIResponses sends real requests to a running server and
// validates each request and its response against the document.
func TestOpenAPIResponses(t *testing.T) {
	ts := opsServer(t, Config{})
	notReady := httptest.NewServer(New(Config{}, &search.Searcher{}))
	t.Cleanup(notReady.Close)
	limited := httptest.NewServer(New(Config{RateLimit: 0.001, RateBurst: 1}, opsSearcher(t)))
	t.Cleanup(limited.Close)

	raw := getBody(t, ts.URL+apiPrefix+"/openapi.json")
	if !bytes.Equal(raw, openAPI) {
		t.Fatal("the served document differs from the embedded one")
	}
	doc := loadOpenAPI(t, raw)

	tests := []struct {
		name, base, method, target string
		header                     http.Header
		status                     int
		badRequest                 bool // the request itself breaks the document's rules
	}{
		{"search", ts.URL, "GET", "/api/v1/search?q=gemeenten", nil, 200, false},
		{"search with filters and groups", ts.URL, "GET", "/api/v1/search?q=innovatie&municipality=amsterdam&municipality=hilversum&role=directie&group=municipality&size=3&page=1", nil, 200, false},
		{"search with phrase, exclusion and OR", ts.URL, "GET", "/api/v1/search?q=%22verantwoord+datagebruik%22+OR+inclusiviteit+-AVG&sort=relevance", nil, 200, false},
		{"search by filters alone", ts.URL, "GET", "/api/v1/search?kind=person&theme=inclusiviteit&kind=quote&sort=article", nil, 200, false},
		{"search with any word", ts.URL, "GET", "/api/v1/search?q=inclusiviteit+zonnepanelen", nil, 200, false},
		{"search with a suggestion", ts.URL, "GET", "/api/v1/search?q=inclusivitijt", nil, 200, false},
		{"search: every problem at once", ts.URL, "GET", "/api/v1/search?q=%22open&size=100&page=0&sort=random&municipality=atlantis", nil, 400, true},
		{"search with a synonym", ts.URL, "GET", "/api/v1/search?q=inwoners", nil, 200, false},
		{"search typed words only", ts.URL, "GET", "/api/v1/search?q=inwoners&exact=true", nil, 200, false},
		{"search with relaxations", ts.URL, "GET", "/api/v1/search?q=burgers+blockchain&municipality=breda", nil, 200, false},
		{"search: bad exact", ts.URL, "GET", "/api/v1/search?q=data&exact=ja", nil, 400, true},
		{"similar", ts.URL, "GET", "/api/v1/similar?id=passage%2Fvan-elkaar-leren%23inleiding&size=3", nil, 200, false},
		{"similar: unknown id", ts.URL, "GET", "/api/v1/similar?id=passage%2Fbestaat-niet", nil, 404, false},
		{"similar: no id", ts.URL, "GET", "/api/v1/similar", nil, 400, true},
		{"search: no index yet", notReady.URL, "GET", "/api/v1/search?q=data", nil, 503, false},
		{"suggest", ts.URL, "GET", "/api/v1/suggest?q=gem", nil, 200, false},
		{"suggest names", ts.URL, "GET", "/api/v1/suggest?q=den+bo&size=20", nil, 200, false},
		{"suggest nothing", ts.URL, "GET", "/api/v1/suggest", nil, 200, false},
		{"suggest: bad size", ts.URL, "GET", "/api/v1/suggest?q=gem&size=50", nil, 400, true},
		{"analyze", ts.URL, "GET", "/api/v1/analyze?text=De+financi%C3%ABle+e-privacy+van+%27s-Hertogenbosch", nil, 200, false},
		{"analyze: no text", ts.URL, "GET", "/api/v1/analyze", nil, 400, true},
		{"openapi", ts.URL, "GET", "/api/v1/openapi.json", nil, 200, false},
		{"reindex", ts.URL, "POST", "/api/v1/admin/reindex", http.Header{"Authorization": {"Bearer geheim"}}, 202, false},
		{"reindex: no token", ts.URL, "POST", "/api/v1/admin/reindex", nil, 401, true},
		{"health", ts.URL, "GET", "/healthz", nil, 200, false},
		{"ready", ts.URL, "GET", "/readyz", nil, 200, false},
		{"not ready", notReady.URL, "GET", "/readyz", nil, 503, false},
		{"metrics", ts.URL, "GET", "/metrics", nil, 200, false},
		{"rate limited", limited.URL, "GET", "/api/v1/search?q=data", nil, 429, false},
	}
	// The limited server lets one request through, then refuses.
	getBody(t, limited.URL+"/api/v1/search?q=data")

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.base+tt.target, nil)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.header {
				req.Header[k] = v
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if got := resp.Header.Get("API-Version"); got != APIVersion {
				t.Errorf("API-Version %q, want %q", got, APIVersion)
			}
			ctx := context.Background()
			opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true, AuthenticationFunc: bearerPresent}
			in := &openapi3filter.RequestValidationInput{Request: req, Route: docRoute(t, doc, tt.method, req.URL.Path), Options: opts}
			err = openapi3filter.ValidateRequest(ctx, in)
			if tt.badRequest && err == nil {
				t.Errorf("the document accepts the request %s that the server refuses", tt.target)
			}
			if !tt.badRequest && err != nil {
				t.Errorf("the document refuses the request %s: %v", tt.target, err)
			}
			out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode,
				Header: resp.Header, Body: io.NopCloser(bytes.NewReader(body)), Options: opts}
			if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
				t.Errorf("response does not match the document: %v\n%s", err, body)
			}
			if resp.Header.Get("Content-Type") == problemJSON {
				var p Problem
				if err := json.Unmarshal(body, &p); err != nil || p.Status != resp.StatusCode || p.Title == "" || p.Detail == "" {
					t.Errorf("problem document %s (%v)", body, err)
				}
			}
		})
	}
}

func TestBadRequestListsEveryParameter(t *testing.T) {
	ts := opsServer(t, Config{})
	resp, err := http.Get(ts.URL + "/api/v1/search?q=%22open&size=100&page=0&sort=random&municipality=atlantis&group=provincie")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var p Problem
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, ip := range p.InvalidParams {
		names = append(names, ip.Name)
	}
	slices.Sort(names)
	if want := []string{"group", "municipality", "page", "q", "size", "sort"}; !slices.Equal(names, want) {
		t.Errorf("invalidParams %v, want %v", names, want)
	}
	if resp.StatusCode != 400 || resp.Header.Get("Content-Type") != problemJSON {
		t.Errorf("status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, name := range names {
		if !strings.Contains(p.Detail, name+": ") {
			t.Errorf("detail %q does not name %s", p.Detail, name)
		}
	}
}

// TestAPIRules checks the REST API Design Rules the document cannot show:
// the version header on refusals, no redirects for trailing slashes, and
// who may read what from another origin.
func TestAPIRules(t *testing.T) {
	ts := opsServer(t, Config{CORSOrigins: []string{"https://gemeente.example"}})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	do := func(method, path, origin string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(method, ts.URL+path, nil)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	for _, tt := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/v1/search/", 404},
		{"GET", "/api/v1/search/?q=data", 404},
		{"GET", "/api/v1/suggest/", 404},
		{"GET", "/api/v1/openapi.json/", 404},
		{"GET", "/api/v1/", 404},
		{"GET", "/api/v1/onbekend", 404},
		{"GET", "/api/v2/search", 404},
		// A method the path does not have is 405, with the methods it has.
		{"POST", "/api/v1/search", 405},
		{"DELETE", "/api/v1/suggest", 405},
	} {
		resp, body := do(tt.method, tt.path, "")
		if resp.StatusCode != tt.status || resp.Header.Get("Location") != "" {
			t.Errorf("%s %s: status %d, Location %q; want %d and no redirect", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Location"), tt.status)
		}
		if allow := resp.Header.Get("Allow"); tt.status == 405 && (!strings.Contains(allow, "GET") || !strings.Contains(allow, "HEAD")) {
			t.Errorf("%s %s: Allow %q, want GET and HEAD", tt.method, tt.path, allow)
		}
		if ct := resp.Header.Get("Content-Type"); ct != problemJSON {
			t.Errorf("%s %s: Content-Type %q, want %s: %s", tt.method, tt.path, ct, problemJSON, body)
		}
		if resp.Header.Get("API-Version") != APIVersion {
			t.Errorf("%s %s: no API-Version header", tt.method, tt.path)
		}
	}

	// The document is readable from any origin; the rest only from the
	// configured ones.
	for _, origin := range []string{"https://elders.example", "https://gemeente.example", ""} {
		resp, _ := do("GET", "/api/v1/openapi.json", origin)
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
			t.Errorf("openapi.json from %q: Access-Control-Allow-Origin %q, want *", origin, got)
		}
	}
	resp, _ := do("GET", "/api/v1/search?q=data", "https://elders.example")
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("search from another origin: Access-Control-Allow-Origin %q, want none", got)
	}
	resp, _ = do("GET", "/api/v1/suggest?q=da", "https://elders.example")
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("suggest from another origin: Access-Control-Allow-Origin %q, want none", got)
	}
	resp, _ = do("GET", "/api/v1/search?q=data", "https://gemeente.example")
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "https://gemeente.example" {
		t.Errorf("search from the configured origin: Access-Control-Allow-Origin %q", got)
	}
	// Pages are not part of the API.
	resp, _ = do("GET", "/", "")
	if got := resp.Header.Get("API-Version"); got != "" {
		t.Errorf("the home page carries API-Version %q", got)
	}
}

// TestOpenAPISpectral lints the served document with the Logius ruleset of
// the REST API Design Rules (Spectral, from npm). In CI it must run: a
// missing spectral or ruleset fails the test there.
func TestOpenAPISpectral(t *testing.T) {
	ruleset, err := filepath.Abs(filepath.Join("..", "..", "shared", "data", "logius", "adr-ruleset.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	spectral, lookErr := exec.LookPath("spectral")
	_, statErr := os.Stat(ruleset)
	if lookErr != nil || statErr != nil {
		msg := "spectral (npm install -g @stoplight/spectral-cli) and the ruleset " + ruleset + " are needed"
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s: %v %v", msg, lookErr, statErr)
		}
		t.Skip(msg)
	}
	ts := opsServer(t, Config{})
	file := filepath.Join(t.TempDir(), "openapi.json")
	if err := os.WriteFile(file, getBody(t, ts.URL+apiPrefix+"/openapi.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, spectral, "lint", "--ruleset", ruleset, "--fail-severity", "warn", "--format", "text", file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("spectral reports problems (%v):\n%s", err, out)
	}
	t.Logf("spectral: %s", bytes.TrimSpace(out))
}

// bearerPresent is the document's security check for the request
// validation: a bearer token must be sent (the server decides whether it
// is the right one).
func bearerPresent(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	if !strings.HasPrefix(in.RequestValidationInput.Request.Header.Get("Authorization"), "Bearer ") {
		return errors.New("no bearer token")
	}
	return nil
}

func getBody(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", url, resp.StatusCode)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
