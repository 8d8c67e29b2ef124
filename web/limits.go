package web

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
)

// timeout gives each request a deadline, so a search that takes too long
// is abandoned (bleve checks the context) and answered 503 instead of
// holding a connection until the server's write timeout.
func (srv *Server) timeout(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), srv.cfg.RequestTimeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

// limitBody refuses bodies larger than MaxBodyBytes: at once when the
// request says its length, and while reading when it does not. Header size
// is bounded by the http.Server (MaxHeaderBytes).
func (srv *Server) limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.ContentLength > srv.cfg.MaxBodyBytes {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
		}
		r.Body = http.MaxBytesReader(c.Response(), r.Body, srv.cfg.MaxBodyBytes)
		return next(c)
	}
}
