package web

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPI is the OpenAPI 3 document of the API: every endpoint, parameter
// and response, kept in this one file. Tests validate real responses
// against it and lint it with the Logius ruleset of the REST API Design
// Rules.
//
//go:embed openapi.json
var openAPI []byte

// serveOpenAPI answers GET /api/v1/openapi.json. The document is public
// even when --cors-origins restricts the rest of the API: any origin may
// read it.
func (srv *Server) serveOpenAPI(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, "*")
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openAPI)
}
