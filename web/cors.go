package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// corsMaxAge is how long, in seconds, a browser may cache a preflight.
const corsMaxAge = "600"

// cors answers cross-origin requests to the API for the origins in
// Config.CORSOrigins and for no others: a page from another origin gets
// no Access-Control-Allow-Origin, so its browser keeps the answer from it.
// Origins are compared exactly (scheme, host and port).
func (srv *Server) cors(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			return next(c)
		}
		h := c.Response().Header()
		h.Add(echo.HeaderVary, echo.HeaderOrigin)
		origin := r.Header.Get(echo.HeaderOrigin)
		if origin == "" || !srv.corsOrigins[origin] {
			return next(c)
		}
		h.Set(echo.HeaderAccessControlAllowOrigin, origin)
		if r.Method == http.MethodOptions && r.Header.Get(echo.HeaderAccessControlRequestMethod) != "" {
			h.Add(echo.HeaderVary, echo.HeaderAccessControlRequestMethod)
			h.Add(echo.HeaderVary, echo.HeaderAccessControlRequestHeaders)
			h.Set(echo.HeaderAccessControlAllowMethods, "GET, HEAD, OPTIONS")
			if rh := r.Header.Get(echo.HeaderAccessControlRequestHeaders); rh != "" {
				h.Set(echo.HeaderAccessControlAllowHeaders, rh)
			}
			h.Set(echo.HeaderAccessControlMaxAge, corsMaxAge)
			return c.NoContent(http.StatusNoContent)
		}
		return next(c)
	}
}

// corsOriginSet normalises the configured origins: trimmed, without a
// trailing slash, empty entries dropped.
func corsOriginSet(origins []string) map[string]bool {
	m := map[string]bool{}
	for _, o := range origins {
		o = strings.TrimRight(strings.TrimSpace(o), "/")
		if o != "" {
			m[o] = true
		}
	}
	return m
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
