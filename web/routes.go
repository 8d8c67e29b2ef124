package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// routeKind is what a route is for; it decides everything the middleware
// treats differently: the API-Version header, CORS, the rate limit, and
// whether errors are pages or problem documents.
type routeKind int

const (
	// kindPage is a page for people: errors are Dutch HTML pages.
	kindPage routeKind = iota
	// kindAPI is the public read-only API under apiPrefix (and the admin
	// route): API-Version, problem documents, CORS.
	kindAPI
	// kindProbe is a health probe, asked for by the platform: API-Version,
	// problem documents, a generous limit of its own.
	kindProbe
	// kindMetrics is /metrics: not public, not rate limited.
	kindMetrics
	// kindScript is the widget script that host pages load: problem
	// documents, no API-Version.
	kindScript
)

// apiPrefix is the path of the API; its major version is in it.
const apiPrefix = "/api/v1"

// versioned tells whether answers carry the API-Version header.
func (k routeKind) versioned() bool { return k == kindAPI || k == kindProbe || k == kindMetrics }

// htmlErrors tells whether errors are answered with a page.
func (k routeKind) htmlErrors() bool { return k == kindPage }

// rateLimited tells whether the per-client rate limit applies; probes
// have their own, /metrics is not public.
func (k routeKind) rateLimited() bool { return k == kindPage || k == kindAPI || k == kindScript }

// route is one entry of the route table.
type route struct {
	method  string // GET routes answer HEAD too
	path    string // echo's template, such as /artikelen/:slug
	kind    routeKind
	handler echo.HandlerFunc
	mw      []echo.MiddlewareFunc
}

// routeTable lists every route of the server: the one place that knows
// them. The middleware asks kindOf; the metrics label with the templates.
func (srv *Server) routeTable() []route {
	get := http.MethodGet
	rs := []route{
		{get, apiPrefix + "/search", kindAPI, srv.serveSearch, nil},
		{get, apiPrefix + "/analyze", kindAPI, srv.serveAnalyze, nil},
		{get, apiPrefix + "/suggest", kindAPI, srv.serveSuggest, nil},
		{get, apiPrefix + "/similar", kindAPI, srv.serveSimilar, nil},
		{get, apiPrefix + "/openapi.json", kindAPI, srv.serveOpenAPI, nil},

		{get, "/healthz", kindProbe, srv.serveHealth, nil},
		{get, "/readyz", kindProbe, srv.serveReady, nil},
		{get, "/metrics", kindMetrics, srv.serveMetrics, nil},
		{get, "/query-stats", kindMetrics, srv.serveQueryStats, nil},

		{get, "/", kindPage, srv.serveHome, nil},
		{get, "/zoeken", kindPage, srv.serveSearchPage, nil},
		{get, "/artikelen/:slug", kindPage, srv.serveArticle, nil},
		{get, "/personen/:id", kindPage, srv.servePerson, nil},
		{get, "/embed/demo", kindPage, srv.serveDemo, nil},
		{get, staticPrefix + "/*", kindPage, srv.serveStatic, nil},
		{get, widgetPath, kindScript, srv.serveWidget, nil},
	}
	if srv.cfg.AdminToken != "" && srv.cfg.Reloader != nil {
		rs = append(rs, route{http.MethodPost, apiPrefix + "/admin/reindex", kindAPI, srv.serveReindex,
			[]echo.MiddlewareFunc{srv.requireAdmin}})
	}
	return rs
}

// register adds the routes to echo and remembers each template's kind.
// Wrong methods on a known path get echo's 405 with an Allow header.
func (srv *Server) register(rs []route) {
	srv.kinds = map[string]routeKind{}
	for _, r := range rs {
		methods := []string{r.method}
		if r.method == http.MethodGet {
			methods = append(methods, http.MethodHead)
		}
		srv.e.Match(methods, r.path, r.handler, r.mw...)
		srv.kinds[r.path] = r.kind
	}
}

// kindOf is the kind of the route a request is for. A path no route has
// belongs to the API when it starts with /api/, so its 404 is a problem
// document; otherwise to the pages.
func (srv *Server) kindOf(c echo.Context) routeKind {
	if k, ok := srv.kinds[c.Path()]; ok {
		return k
	}
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		return kindAPI
	}
	return kindPage
}

// routeLabel is the route template that matched, or "unmatched": metric
// labels and log lines must not grow with the URLs clients make up.
func (srv *Server) routeLabel(c echo.Context) string {
	if _, ok := srv.kinds[c.Path()]; ok {
		return c.Path()
	}
	return "unmatched"
}
