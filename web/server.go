package web

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

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
}

// Config configures the server.
type Config struct {
	// Logger receives the request log; nil discards it.
	Logger *slog.Logger
}

// Server is the HTTP server: an echo instance with every route.
type Server struct {
	cfg    Config
	s      Searcher
	e      *echo.Echo
	logger *slog.Logger
}

// New builds the server.
func New(cfg Config, s Searcher) *Server {
	srv := &Server{cfg: cfg, s: s, logger: cfg.Logger}
	if srv.logger == nil {
		srv.logger = slog.New(slog.DiscardHandler)
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = srv.handleError
	srv.e = e
	srv.routes()
	return srv
}

// routes lists every route.
func (srv *Server) routes() {
	e := srv.e
	api := e.Group("/api/v1", srv.apiHeaders)
	api.GET("/search", srv.serveSearch)

	e.GET("/healthz", srv.serveHealth)
	e.GET("/readyz", srv.serveReady)
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

func (srv *Server) serveReady(c echo.Context) error {
	if err := srv.s.Ready(); err != nil {
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "not ready", "detail": err.Error()})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}
