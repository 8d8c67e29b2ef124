package web

import "github.com/labstack/echo/v4"

// contentSecurityPolicy allows scripts, styles and requests from this
// server only: no inline script or style, no plug-ins, no framing. The
// widget is a script on the host page, not a frame, so no page of ours
// needs to be framed.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries, pages and API
// alike.
func (srv *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		return next(c)
	}
}
