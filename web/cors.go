package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// corsMaxAge is how long, in seconds, a browser may cache a preflight.
const corsMaxAge = 600

// The read-only API is public data, so by default any page may read it:
// any origin, no credentials (so no cookie or login ever travels with a
// cross-origin request), GET and HEAD only, and a preflight allows only
// these request headers. Config.CORSOrigins restricts it to a list of
// origins.
var (
	corsMethods      = []string{http.MethodGet, http.MethodHead}
	corsAllowHeaders = []string{echo.HeaderAccept, "Accept-Language"}
	corsExposed      = []string{"API-Version", "Retry-After", echo.HeaderXRequestID}
)

// cors is echo's CORS middleware for the API routes. Pages, probes and
// the widget script are skipped: pages are not for other origins, and a
// script tag needs no CORS. The OpenAPI document is readable from any
// origin even when the API is restricted (serveOpenAPI).
func (srv *Server) cors() echo.MiddlewareFunc {
	origins := corsOriginList(srv.cfg.CORSOrigins)
	restricted := len(origins) > 0
	if !restricted {
		origins = []string{"*"}
	}
	allowed := map[string]bool{}
	for _, o := range origins {
		allowed[o] = true
	}
	cfg := middleware.CORSConfig{
		Skipper:          func(c echo.Context) bool { return srv.kindOf(c) != kindAPI },
		AllowOrigins:     origins,
		AllowMethods:     corsMethods,
		AllowHeaders:     corsAllowHeaders,
		ExposeHeaders:    corsExposed,
		AllowCredentials: false,
		MaxAge:           corsMaxAge,
	}
	if restricted {
		// Origins are compared exactly (scheme, host and port): no
		// wildcards, no subdomains.
		cfg.AllowOriginFunc = func(origin string) (bool, error) { return allowed[origin], nil }
	}
	echoCORS := middleware.CORSWithConfig(cfg)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		h := echoCORS(next)
		return func(c echo.Context) error {
			// echo answers a preflight from an origin it does not allow
			// with an empty 204; refuse it plainly instead, so the refusal
			// shows in the browser's network panel and in our metrics.
			r := c.Request()
			if restricted && r.Method == http.MethodOptions && srv.kindOf(c) == kindAPI {
				if o := r.Header.Get(echo.HeaderOrigin); o != "" && !allowed[o] {
					c.Response().Header().Add(echo.HeaderVary, echo.HeaderOrigin)
					return echo.NewHTTPError(http.StatusForbidden, "Deze website mag de API niet gebruiken.")
				}
			}
			return h(c)
		}
	}
}

// corsOriginList normalises the configured origins: trimmed, without a
// trailing slash, empty entries dropped.
func corsOriginList(origins []string) []string {
	var out []string
	for _, o := range origins {
		o = strings.TrimRight(strings.TrimSpace(o), "/")
		if o != "" {
			out = append(out, o)
		}
	}
	return out
}

// ParseOrigins splits a comma-separated list of origins, as given to
// --cors-origins or VANELKAAR_CORS_ORIGINS.
func ParseOrigins(s string) []string {
	var out []string
	for _, o := range strings.Split(s, ",") {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}
