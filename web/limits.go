package web

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"vanelkaar/search"
)

// MaxQueryParams bounds the parameters of one request: the search page
// with every filter ticked has a few dozen.
const MaxQueryParams = 100

// timeout is echo's context timeout: each request gets a deadline, so a
// search that takes too long is abandoned (bleve checks the context) and
// answered 503 instead of holding a connection until the server's write
// timeout. The error goes on to handleError as it is, which says why.
func (srv *Server) timeout() echo.MiddlewareFunc {
	return middleware.ContextTimeoutWithConfig(middleware.ContextTimeoutConfig{
		Timeout:      srv.cfg.RequestTimeout,
		ErrorHandler: func(err error, c echo.Context) error { return err },
	})
}

// limitBody is echo's body limit: a body larger than MaxBodyBytes is
// refused with 413, at once when the request says its length and while
// reading when it does not. Header size is bounded by the http.Server
// (MaxHeaderBytes).
func (srv *Server) limitBody() echo.MiddlewareFunc {
	return middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
		Limit: strconv.FormatInt(srv.cfg.MaxBodyBytes, 10) + "B",
	})
}

// checkQuery refuses a query string that cannot be read (invalid
// percent-encoding such as %zz) and one with too many parameters, with
// 400: reading it leniently would answer a different question than the
// one asked.
func checkQuery(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := c.Request().URL.RawQuery
		if raw == "" {
			return next(c)
		}
		if n := strings.Count(raw, "&") + strings.Count(raw, ";") + 1; n > MaxQueryParams {
			return &search.RequestError{Params: []search.InvalidParam{{Name: "query",
				Reason: fmt.Sprintf("has more than %d parameters", MaxQueryParams)}}}
		}
		if _, err := url.ParseQuery(raw); err != nil {
			reason := "is not valid percent-encoding"
			var ee url.EscapeError
			if !errors.As(err, &ee) {
				reason = "cannot be read"
			}
			return &search.RequestError{Params: []search.InvalidParam{{Name: "query", Reason: reason}}}
		}
		return next(c)
	}
}
