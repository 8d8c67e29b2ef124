package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// widgetPath is where host pages load the widget from.
const widgetPath = "/embed/widget.js"

// serveWidget answers GET /embed/widget.js. Host pages load it with a
// plain script tag, which needs no CORS; the short cache lets a new
// version reach them soon.
func (srv *Server) serveWidget(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderCacheControl, "public, max-age=300")
	return c.Blob(http.StatusOK, "text/javascript; charset=utf-8", srv.widget)
}

// serveDemo answers GET /embed/demo: an example host page with the widget
// and the snippet to paste.
func (srv *Server) serveDemo(c echo.Context) error {
	origin := c.Scheme() + "://" + c.Request().Host
	p := demoPage{
		basePage: basePage{Title: "Zoekvak voor uw eigen website"},
		Snippet:  `<script src="` + origin + widgetPath + `" defer></script>` + "\n" + `<vanelkaar-zoek></vanelkaar-zoek>`,
	}
	return c.Render(http.StatusOK, "demo", p)
}
