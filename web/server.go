package web

import (
	"context"
	"log/slog"
	"net/http"
	"net/netip"
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
	// ArticlePage returns one page of an article's passages in reading
	// order, with the words of query marked; an unknown slug or page is
	// search.ErrNotFound.
	ArticlePage(ctx context.Context, slug, query string, page int) (*search.ArticleText, error)
	// Person returns a person with their quotes and passages in reading
	// order; an unknown id is search.ErrNotFound.
	Person(ctx context.Context, id string) (*search.PersonText, error)
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
	// RateLimit is the number of requests per second one client (an IPv4
	// address or an IPv6 /64) may make on average, RateBurst how many at
	// once; 0 means no limit. Probes have a generous limit of their own;
	// /metrics is not limited.
	RateLimit float64
	RateBurst int
	// TrustProxy believes X-Forwarded-For and X-Forwarded-Proto, but only
	// from a peer in ProxyNetworks (DefaultProxyNetworks when empty): the
	// client is the right-most forwarded address that is not a proxy.
	// Without it the connection's peer is the client.
	TrustProxy    bool
	ProxyNetworks []netip.Prefix
	// RequestTimeout bounds the work for one request; 0 means
	// DefaultRequestTimeout.
	RequestTimeout time.Duration
	// MaxBodyBytes bounds a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// CORSOrigins restricts the origins (scheme://host[:port]) whose pages
	// may call the API. Empty: the read-only API is public data, and any
	// origin may read it (without credentials, GET and HEAD only).
	CORSOrigins []string
	// PublicURL is the site's address as readers reach it, such as
	// https://zoeken.example.nl; absolute links (quote citations, the
	// embed snippet) start with it, never with the request's Host.
	PublicURL string
	// AdminListener says /metrics is served by AdminHandler on a listener
	// of its own; the public one then answers it 404. Without it /metrics
	// answers only loopback clients.
	AdminListener bool
	// QueryStats counts the searches that find nothing, for editors, and
	// reports those asked at least QueryStatsThreshold times at
	// /query-stats (on the admin listener, or to loopback clients like
	// /metrics). See querystats.go for what is kept and for how long.
	QueryStats bool
}

// Defaults for Config.
const (
	DefaultRequestTimeout       = 10 * time.Second
	DefaultMaxBodyBytes   int64 = 64 << 10
)

// Server is the HTTP server: an echo instance with every route.
type Server struct {
	cfg            Config
	s              Searcher
	e              *echo.Echo
	logger         *slog.Logger
	metrics        *metrics
	metricsHandler http.Handler
	queryStats     *queryStats // nil unless Config.QueryStats
	proxies        proxies
	kinds          map[string]routeKind // route template -> kind, from the route table

	static *staticFiles
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
	srv.proxies = proxies{trust: cfg.TrustProxy, nets: cfg.ProxyNetworks}
	if len(srv.proxies.nets) == 0 {
		srv.proxies.nets = DefaultProxyNetworks
	}
	srv.metrics = newMetrics(cfg.Reloader)
	srv.metricsHandler = srv.metrics.handler()
	if cfg.QueryStats {
		srv.queryStats = newQueryStats(nil)
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	// echo's own logger would print to standard output; send it through
	// ours, which never sees a client address.
	e.Logger.SetOutput(logWriter{srv.logger})
	e.IPExtractor = srv.proxies.clientIP
	e.HTTPErrorHandler = srv.handleError
	var err error
	if srv.static, err = newStaticFiles(staticFS()); err != nil {
		panic(err) // the files are embedded: an error is a bug caught by any test
	}
	r, err := newRenderer(assets, srv.static)
	if err != nil {
		panic(err) // the templates are embedded: a parse error is a bug caught by any test
	}
	e.Renderer = r
	srv.e = e
	srv.register(srv.routeTable())

	// Order matters. The request id and the request log come first, so
	// the log and the metrics see every answer, including refusals by the
	// limits after them and recovered panics. Security headers, the
	// API-Version header and CORS come before the limits, so that a
	// refusal carries them too and a browser lets the widget read it.
	e.Pre(dropBadRequestID)
	e.Use(requestID(), srv.observe)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{LogErrorFunc: srv.logPanic}))
	e.Use(securityHeaders(), srv.apiVersion, srv.cors(), srv.gzip())
	if cfg.RateLimit > 0 {
		e.Use(srv.rateLimit(newRateLimiter(cfg.RateLimit, cfg.RateBurst, maxRateClients), routeKind.rateLimited))
	}
	e.Use(srv.rateLimit(newRateLimiter(probeRate, probeBurst, maxRateClients), func(k routeKind) bool { return k == kindProbe }))
	e.Use(checkQuery, srv.limitBody(), srv.timeout())
	return srv
}

// ServeHTTP makes the server an http.Handler.
func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	srv.e.ServeHTTP(w, r)
}

func (srv *Server) serveHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}
