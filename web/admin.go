package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// requireAdmin lets a request through only when it carries the admin token
// as "Authorization: Bearer TOKEN". The comparison takes the same time
// whatever the token sent: both sides are hashed first, so neither a
// matching prefix nor the length shows in the timing.
func (srv *Server) requireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	want := sha256.Sum256([]byte(srv.cfg.AdminToken))
	return func(c echo.Context) error {
		token, ok := strings.CutPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
		got := sha256.Sum256([]byte(strings.TrimSpace(token)))
		if !ok || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="vanelkaar"`)
			return echo.NewHTTPError(http.StatusUnauthorized, "Geef een geldig beheertoken mee: Authorization: Bearer TOKEN.")
		}
		return next(c)
	}
}

// reindexAnswer is the body of a 202 from the admin route.
type reindexAnswer struct {
	Status string `json:"status"`
	Detail string `json:"detail"`
}

// serveReindex answers POST /api/v1/admin/reindex: it starts a rebuild of
// the index in the background and returns 202 at once. The old index keeps
// serving until the new one is swapped in; /readyz tells how the rebuild
// went.
func (srv *Server) serveReindex(c echo.Context) error {
	srv.cfg.Reloader.Reload()
	return c.JSON(http.StatusAccepted, reindexAnswer{
		Status: "accepted",
		Detail: "The index is being rebuilt in the background; GET /readyz shows the outcome.",
	})
}
