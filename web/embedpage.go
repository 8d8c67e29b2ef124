package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/labstack/echo/v4"
)

// widgetPath is where host pages load the widget from.
const widgetPath = "/embed/widget.js"

// serveWidget answers GET /embed/widget.js. Host pages load it with a
// plain script tag, which needs no CORS; the short cache lets a new
// version reach them soon.
func (srv *Server) serveWidget(c echo.Context) error {
	return serveFile(c, srv.static.byName["widget.js"], cacheWidget)
}

// serveDemo answers GET /embed/demo: an example host page with the widget
// and the snippet to paste.
func (srv *Server) serveDemo(c echo.Context) error {
	origin := srv.siteOrigin(c)
	p := demoPage{
		basePage: basePage{Title: "Zoekvak voor uw eigen website"},
		Snippet:  `<script src="` + origin + widgetPath + `" defer></script>` + "\n" + `<vanelkaar-zoek></vanelkaar-zoek>`,
	}
	return c.Render(http.StatusOK, "demo", p)
}

// placeholderOrigin stands in the embed snippet for the server's address
// when it cannot be known: no --public-url, and a Host that is not local.
const placeholderOrigin = "https://ADRES-VAN-DE-ZOEKSERVER"

// siteOrigin is the server's own address for absolute links: --public-url
// when given. Without it the request's Host is used only when it is a
// loopback address or localhost (someone trying the server on their own
// machine): any other Host header is the client's to write, and a shared
// cache would hand a forged snippet to everyone.
func (srv *Server) siteOrigin(c echo.Context) string {
	if u := strings.TrimRight(srv.cfg.PublicURL, "/"); u != "" {
		return u
	}
	host := c.Request().Host
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	if a, err := netip.ParseAddr(strings.Trim(h, "[]")); (err == nil && a.IsLoopback()) || h == "localhost" {
		return srv.proxies.scheme(c.Request()) + "://" + host
	}
	return placeholderOrigin
}
