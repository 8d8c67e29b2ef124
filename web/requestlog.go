package web

import (
	"bytes"
	"crypto/rand"
	"log"
	"log/slog"
	"regexp"
	"time"

	"github.com/labstack/echo/v4"
)

// Keys of values the request log middleware keeps on the echo context.
const (
	ctxRequestID = "vanelkaar.request-id"
	ctxErr       = "vanelkaar.err"
)

// observe logs and measures every request. It logs only what the server
// decides: an id it makes up, the method, the route template (never the
// URL, which holds the user's query), the status and the latency. Client
// addresses, user agents, cookies and other headers are never logged: the
// AVG (GDPR) makes them personal data, and the log does not need them.
//
// The id is sent back in X-Request-ID so a user can quote it in a question.
func (srv *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		id := rand.Text()[:16]
		c.Set(ctxRequestID, id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		if err := next(c); err != nil {
			c.Error(err) // answers through handleError, which records err
		}
		took := time.Since(start)
		route := srv.routeLabel(c)
		status := c.Response().Status
		method := c.Request().Method
		srv.metrics.observe(route, method, status, took)
		attrs := []slog.Attr{
			slog.String("id", id),
			slog.String("method", method),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Float64("latency_ms", float64(took.Microseconds())/1000),
		}
		level := slog.LevelInfo
		// The error of a 4xx answer tells what the client got wrong and
		// may repeat its input (a filter value), so only server errors are
		// logged with theirs.
		if err, ok := c.Get(ctxErr).(error); ok && status >= 500 {
			attrs = append(attrs, slog.String("err", err.Error()))
			level = slog.LevelError
		}
		srv.logger.LogAttrs(c.Request().Context(), level, "request", attrs...)
		return nil
	}
}

// routeLabel is the route template that matched, or "unmatched": metric
// labels and log lines must not grow with the URLs clients make up.
func (srv *Server) routeLabel(c echo.Context) string {
	if p := c.Path(); srv.known[p] {
		return p
	}
	return "unmatched"
}

// logPanic logs a recovered panic with its stack; the request then fails
// with 500 through the error handler.
func (srv *Server) logPanic(c echo.Context, err error, stack []byte) error {
	srv.logger.ErrorContext(c.Request().Context(), "panic", "id", c.Get(ctxRequestID), "route", srv.routeLabel(c), "err", err.Error(), "stack", string(stack))
	return err
}

// logWriter turns lines written by other loggers (echo's, net/http's) into
// warnings in our log, with anything that looks like an IP address blanked
// out: net/http names the client's address in some of its messages.
type logWriter struct{ logger *slog.Logger }

var ipLike = regexp.MustCompile(`\[[0-9A-Fa-f:.%a-z]*\](:\d+)?|\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b`)

func (w logWriter) Write(p []byte) (int, error) {
	msg := ipLike.ReplaceAll(bytes.TrimSpace(p), []byte("[address]"))
	w.logger.Warn(string(msg))
	return len(p), nil
}

// ErrorLog is a logger for http.Server.ErrorLog that writes to the server's
// log without client addresses.
func (srv *Server) ErrorLog() *log.Logger {
	return log.New(logWriter{srv.logger}, "", 0)
}
