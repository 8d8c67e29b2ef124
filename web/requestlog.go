package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"log"
	"log/slog"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Keys of values the middleware keeps on the echo context.
const (
	ctxRequestID = "vanelkaar.request-id"
	ctxErr       = "vanelkaar.err"
)

// maxLogField bounds a text field of a log line (an error's message):
// longer ones are cut, so a client cannot make a log line of kilobytes.
const maxLogField = 200

// statusClientGone is logged and counted when the client went away before
// its answer was ready (nginx's 499): nothing was wrong with the server.
const statusClientGone = 499

// requestIDPattern is what an incoming X-Request-ID must look like to be
// kept (a proxy's id, for following a request through both logs);
// anything else is replaced by one we make up.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID is echo's request id middleware: the id is sent back in
// X-Request-ID, so a user can quote it in a question, and is in the log
// line of the request.
func requestID() echo.MiddlewareFunc {
	return middleware.RequestIDWithConfig(middleware.RequestIDConfig{
		Generator:        func() string { return rand.Text()[:16] },
		RequestIDHandler: func(c echo.Context, id string) { c.Set(ctxRequestID, id) },
	})
}

// dropBadRequestID removes an incoming X-Request-ID that is not a plain
// short token, before the request id middleware sees it.
func dropBadRequestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header
		if id := h.Get(echo.HeaderXRequestID); id != "" && !requestIDPattern.MatchString(id) {
			h.Del(echo.HeaderXRequestID)
		}
		return next(c)
	}
}

// observe logs and measures every request. It logs only what the server
// decides: the request id, the method, the route template (never the
// URL, which holds the user's query and filters), the status and the
// latency. Client addresses, user agents, cookies and other headers are
// never logged, at any level: the AVG (GDPR) makes them personal data, and
// the log does not need them.
func (srv *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		if err := next(c); err != nil {
			c.Error(err) // answers through handleError, which records err
		}
		took := time.Since(start)
		route := srv.routeLabel(c)
		status := c.Response().Status
		method := c.Request().Method
		err, _ := c.Get(ctxErr).(error)
		gone := err != nil && clientGone(c.Request().Context(), err)
		if gone {
			status = statusClientGone
		}
		srv.metrics.observe(route, method, status, took)
		attrs := []slog.Attr{
			slog.Any("id", c.Get(ctxRequestID)),
			slog.String("method", method),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Float64("latency_ms", float64(took.Microseconds())/1000),
		}
		level, msg := slog.LevelInfo, "request"
		switch {
		case gone:
			msg = "client went away"
		case err != nil && status >= 500:
			// The error of a 4xx answer tells what the client got wrong
			// and may repeat its input (a filter value), so only server
			// errors are logged with theirs, with the request's own
			// values blanked out.
			attrs = append(attrs, slog.String("err", redact(err.Error(), c)))
			level = slog.LevelError
		}
		srv.logger.LogAttrs(c.Request().Context(), level, msg, attrs...)
		return nil
	}
}

// clientGone tells whether err comes from the client having gone away:
// the request's context was canceled (not timed out by us).
func clientGone(ctx context.Context, err error) bool {
	return errors.Is(err, context.Canceled) && errors.Is(ctx.Err(), context.Canceled)
}

// redact removes the request's query values from a message and cuts it to
// maxLogField: an error from deep down may quote the words searched for.
func redact(msg string, c echo.Context) string {
	for _, vs := range c.QueryParams() {
		for _, v := range vs {
			if len(v) >= 3 {
				msg = strings.ReplaceAll(msg, v, "[…]")
			}
		}
	}
	return truncate(msg, maxLogField)
}

// truncate cuts s to at most n bytes, on a character boundary, and says so.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// logPanic logs a recovered panic with its stack; the request then fails
// with 500 through the error handler.
func (srv *Server) logPanic(c echo.Context, err error, stack []byte) error {
	srv.logger.ErrorContext(c.Request().Context(), "panic", "id", c.Get(ctxRequestID), "route", srv.routeLabel(c),
		"err", redact(err.Error(), c), "stack", string(stack))
	return err
}

// logWriter turns lines written by other loggers (echo's, net/http's) into
// warnings in our log, with anything that looks like an IP address blanked
// out (net/http names the client's address in some of its messages) and
// cut to a sane length.
type logWriter struct{ logger *slog.Logger }

var ipLike = regexp.MustCompile(`\[[0-9A-Fa-f:.%a-z]*\](:\d+)?|\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b|\b[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}\b`)

func (w logWriter) Write(p []byte) (int, error) {
	msg := ipLike.ReplaceAll(bytes.TrimSpace(p), []byte("[address]"))
	w.logger.Warn(truncate(string(msg), 2*maxLogField))
	return len(p), nil
}

// ErrorLog is a logger for http.Server.ErrorLog that writes to the server's
// log without client addresses.
func (srv *Server) ErrorLog() *log.Logger {
	return log.New(logWriter{srv.logger}, "", 0)
}
