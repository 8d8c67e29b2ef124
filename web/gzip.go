package web

import (
	"path"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// gzipMinLength is the smallest answer worth compressing.
const gzipMinLength = 1024

// compressed are static file types that are compressed already.
var compressed = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".woff": true, ".woff2": true, ".gz": true, ".br": true, ".zip": true}

// gzip is echo's gzip middleware for text answers: pages, JSON, scripts
// and style sheets. /metrics compresses itself.
func (srv *Server) gzip() echo.MiddlewareFunc {
	return middleware.GzipWithConfig(middleware.GzipConfig{
		MinLength: gzipMinLength,
		Skipper: func(c echo.Context) bool {
			return srv.kindOf(c) == kindMetrics || compressed[path.Ext(c.Request().URL.Path)]
		},
	})
}
