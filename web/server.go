package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"vanelkaar/search"
)

// APIVersion is the version of the HTTP API; its major part is in the path.
const APIVersion = "1.0.0"

// Searcher answers search requests; *search.Searcher is one.
type Searcher interface {
	Search(ctx context.Context, r search.Request) (*search.Result, error)
	// Validate checks a request without running it, listing every problem.
	Validate(r search.Request) error
	// Ready reports whether an index is loaded; nil means ready.
	Ready() error
	// Suggest completes what a user is typing; limit 0 means the default.
	Suggest(ctx context.Context, q string, limit int) (*search.Suggestions, error)
	// Analyze shows what the index's analyzer makes of a text.
	Analyze(text string) (*search.Analysis, error)
	// Article returns an article's passages in reading order, with the
	// words of query marked; an unknown slug is search.ErrNotFound.
	Article(ctx context.Context, slug, query string) (*search.ArticleText, error)
}

// Reloader rebuilds the index on request and reports on the index being
// served; *search.Reloader is one.
type Reloader interface {
	Reload()
	Status() search.ReloadStatus
}

// Config configures the server. The zero value serves without limits
// beyond the defaults below, without reindexing and discards the log.
type Config struct {
	// Logger receives the request log; nil discards it.
	Logger *slog.Logger
	// Reloader, when set, is reported on in /readyz and /metrics, and
	// rebuilds the index for the admin route.
	Reloader Reloader
	// AdminToken turns on POST /api/v1/admin/reindex for requests that
	// carry it as a bearer token. Empty (or no Reloader) leaves the route
	// out: it answers 404 like any unknown path.
	AdminToken string
	// RateLimit is the number of requests per second one client may make
	// on average, RateBurst how many at once; 0 means no limit. Probes and
	// /metrics are not limited.
	RateLimit float64
	RateBurst int
	// TrustProxy takes the client address for the rate limit from the
	// X-Forwarded-For header when the request comes from a proxy on a
	// loopback or private address; otherwise the connection's address is used.
	TrustProxy bool
	// RequestTimeout bounds the work for one request; 0 means
	// DefaultRequestTimeout.
	RequestTimeout time.Duration
	// MaxBodyBytes bounds a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// CORSOrigins are the origins (scheme://host[:port]) whose pages may
	// call the API, such as sites that embed the widget; no others may.
	CORSOrigins []string
	// PublicURL is the site's address as readers reach it, such as
	// https://zoeken.example.nl; the links in quote citations start with
	// it. Empty leaves them relative to the site.
	PublicURL string
}

// Defaults for Config.
const (
	DefaultRequestTimeout       = 10 * time.Second
	DefaultMaxBodyBytes   int64 = 64 << 10
)

// Server is the HTTP server: an echo instance with every route.
type Server struct {
	cfg     Config
	s       Searcher
	e       *echo.Echo
	logger  *slog.Logger
	metrics *metrics
	limiter *rateLimiter    // nil: no rate limit
	known   map[string]bool // route templates, for metric labels

	corsOrigins map[string]bool
	widget      []byte // the widget script
}

// New builds the server.
func New(cfg Config, s Searcher) *Server {
	srv := &Server{cfg: cfg, s: s, logger: cfg.Logger}
	if srv.logger == nil {
		srv.logger = slog.New(slog.DiscardHandler)
	}
	if srv.cfg.RequestTimeout <= 0 {
		srv.cfg.RequestTimeout = DefaultRequestTimeout
	}
	if srv.cfg.MaxBodyBytes <= 0 {
		srv.cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	srv.metrics = newMetrics(cfg.Reloader)
	if cfg.RateLimit > 0 {
		srv.limiter = newRateLimiter(cfg.RateLimit, cfg.RateBurst, maxRateClients)
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	// echo's own logger would print to standard output; send it through
	// ours, which never sees a client address.
	e.Logger.SetOutput(logWriter{srv.logger})
	e.IPExtractor = echo.ExtractIPDirect()
	if cfg.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	}
	e.HTTPErrorHandler = srv.handleError
	r, err := newRenderer(assets)
	if err != nil {
		panic(err) // the templates are embedded: a parse error is a bug caught by any test
	}
	e.Renderer = r
	srv.widget, err = assets.ReadFile("static/widget.js")
	if err != nil {
		panic(err)
	}
	srv.corsOrigins = corsOriginSet(cfg.CORSOrigins)
	// Order matters: the request log and metrics see every answer,
	// including refusals by the limits after them and recovered panics.
	e.Pre(srv.versionHeader)
	e.Use(srv.observe)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{LogErrorFunc: srv.logPanic}))
	// Security headers and CORS come before the limits, so that a refusal
	// carries them too and a browser lets the widget read it.
	e.Use(srv.securityHeaders, srv.cors)
	e.Use(srv.rateLimit)
	e.Use(srv.limitBody)
	e.Use(srv.timeout)
	srv.e = e
	srv.routes()
	srv.known = map[string]bool{}
	for _, r := range e.Routes() {
		srv.known[r.Path] = true
	}
	return srv
}

// routes lists every route.
func (srv *Server) routes() {
	e := srv.e
	api := e.Group("/api/v1", srv.apiHeaders)
	api.GET("/search", srv.serveSearch)
	api.GET("/analyze", srv.serveAnalyze)
	api.GET("/suggest", srv.serveSuggest)
	api.GET("/openapi.json", srv.serveOpenAPI)
	if srv.cfg.AdminToken != "" && srv.cfg.Reloader != nil {
		api.POST("/admin/reindex", srv.serveReindex, srv.requireAdmin)
	}

	e.GET("/healthz", srv.serveHealth)
	e.GET("/readyz", srv.serveReady)
	e.GET("/metrics", echo.WrapHandler(srv.metrics.handler()))

	e.GET("/", srv.serveHome)
	e.GET("/zoeken", srv.serveSearchPage)
	e.GET("/artikelen/:slug", srv.serveArticle)
	e.GET(widgetPath, srv.serveWidget)
	e.GET("/embed/demo", srv.serveDemo)
	e.StaticFS("/static", staticFS())
}

// ServeHTTP makes the server an http.Handler.
func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	srv.e.ServeHTTP(w, r)
}

// apiHeaders sets the headers every API response carries.
func (srv *Server) apiHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("API-Version", APIVersion)
		return next(c)
	}
}

func (srv *Server) serveHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}
