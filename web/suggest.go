package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

// serveSuggest answers GET /api/v1/suggest?q=...&size=...: completions of
// what the user is typing, most useful first.
func (srv *Server) serveSuggest(c echo.Context) error {
	q := c.QueryParam("q")
	size, p := positiveParam(c.QueryParams(), "size")
	if p != nil {
		bad := []search.InvalidParam{*p}
		// Check q too, so the answer lists every problem at once.
		if _, err := srv.s.Suggest(c.Request().Context(), q, 1); err != nil {
			if re, ok := err.(*search.RequestError); ok {
				bad = append(bad, re.Params...)
			}
		}
		return &search.RequestError{Params: bad}
	}
	res, err := srv.s.Suggest(c.Request().Context(), q, size)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}
