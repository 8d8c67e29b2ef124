package web

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// contentSecurityPolicy allows scripts, styles and requests from this
// server only: no inline script or style, no plug-ins, no framing. The
// widget is a script on the host page, not a frame, so no page of ours
// needs to be framed.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders is echo's Secure middleware with the headers every
// response carries, pages and API alike. X-XSS-Protection is left out:
// browsers dropped it, and the CSP does its work.
func securityHeaders() echo.MiddlewareFunc {
	return middleware.SecureWithConfig(middleware.SecureConfig{
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		ContentSecurityPolicy: contentSecurityPolicy,
		ReferrerPolicy:        "strict-origin-when-cross-origin",
	})
}

// apiVersion puts the API-Version header on every answer of the API and
// of the probes, including 404s, 405s and refusals by the limits after it.
// It is the one place that sets the header.
func (srv *Server) apiVersion(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if srv.kindOf(c).versioned() {
			c.Response().Header().Set("API-Version", APIVersion)
		}
		return next(c)
	}
}
