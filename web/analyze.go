package web

import (
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

// MaxAnalyzeRunes bounds the text of an analyze request.
const MaxAnalyzeRunes = 1000

// serveAnalyze answers GET /api/v1/analyze?text=...: each token of the
// text with its position, byte offsets and indexed terms.
func (srv *Server) serveAnalyze(c echo.Context) error {
	text := c.QueryParam("text")
	if p, bad := analyzeParam(text); bad {
		return &search.RequestError{Params: []search.InvalidParam{p}}
	}
	a, err := srv.s.Analyze(text)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a)
}

// analyzeParam checks the text parameter.
func analyzeParam(text string) (search.InvalidParam, bool) {
	reason := ""
	switch {
	case text == "":
		reason = "is required: the text to analyze"
	case !utf8.ValidString(text):
		reason = "must be valid UTF-8"
	case utf8.RuneCountInString(text) > MaxAnalyzeRunes:
		reason = fmt.Sprintf("must be at most %d characters", MaxAnalyzeRunes)
	default:
		return search.InvalidParam{}, false
	}
	return search.InvalidParam{Name: "text", Reason: reason}, true
}
