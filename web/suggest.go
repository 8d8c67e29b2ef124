package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

// serveSuggest answers GET /api/v1/suggest?q=...&size=...: completions of
// what the user is typing, most useful first.
func (srv *Server) serveSuggest(c echo.Context) error {
	q := c.QueryParam("q")
	size := 0
	if s := c.QueryParam("size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			bad := []search.InvalidParam{{Name: "size", Reason: "must be a whole number of 1 or more"}}
			// Check q too, so the answer lists every problem at once.
			if _, err := srv.s.Suggest(c.Request().Context(), q, 1); err != nil {
				if re, ok := err.(*search.RequestError); ok {
					bad = append(bad, re.Params...)
				}
			}
			return &search.RequestError{Params: bad}
		}
		size = n
	}
	res, err := srv.s.Suggest(c.Request().Context(), q, size)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}
