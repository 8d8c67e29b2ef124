package web

import (
	_ "embed"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// openAPI is the OpenAPI 3 document of the API: every endpoint, parameter
// and response, kept in this one file. Tests validate real responses
// against it and lint it with the Logius ruleset of the REST API Design
// Rules.
//
//go:embed openapi.json
var openAPI []byte

// serveOpenAPI answers GET /api/v1/openapi.json. Unlike the rest of the
// API, which answers cross-origin requests only for the configured
// origins, the document is public: any origin may read it.
func (srv *Server) serveOpenAPI(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, "*")
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openAPI)
}

// versionHeader puts the API-Version header on every response of the API
// and of the probes, before routing, so that refusals by the limits, 404s
// and 405s carry it as well as answers.
func (srv *Server) versionHeader(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		switch p := c.Request().URL.Path; {
		case strings.HasPrefix(p, "/api/"), p == "/healthz", p == "/readyz", p == "/metrics":
			c.Response().Header().Set("API-Version", APIVersion)
		}
		return next(c)
	}
}
