package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

// Problem is an RFC 9457 problem document, as the API Design Rules ask.
type Problem struct {
	Type          string                `json:"type"`
	Title         string                `json:"title"`
	Status        int                   `json:"status"`
	Detail        string                `json:"detail"`
	Instance      string                `json:"instance,omitempty"`
	InvalidParams []search.InvalidParam `json:"invalidParams,omitempty"`
	// InvalidParamsTotal is how many invalid parameters there were when
	// InvalidParams lists only the first maxProblemParams of them.
	InvalidParamsTotal int `json:"invalidParamsTotal,omitempty"`
}

// maxProblemParams bounds the invalid parameters a problem document lists,
// so a request with a thousand bad parameters gets a short answer.
const maxProblemParams = 10

// capped lists at most maxProblemParams invalid parameters, and says how
// many there were in all.
func (p Problem) capped() Problem {
	if n := len(p.InvalidParams); n > maxProblemParams {
		p.InvalidParams = p.InvalidParams[:maxProblemParams]
		p.InvalidParamsTotal = n
		detail := make([]string, len(p.InvalidParams))
		for i, ip := range p.InvalidParams {
			detail[i] = ip.Name + ": " + ip.Reason
		}
		p.Detail = fmt.Sprintf("%s; and %d more", strings.Join(detail, "; "), n-maxProblemParams)
	}
	return p
}

const problemJSON = "application/problem+json"

// handleError is echo's error handler: it maps errors to statuses (a bad
// query is the user's to fix, 400; a missing index or a search that ran
// out of time 503; the rest 500) and answers API requests with a problem
// document. The request log (observe) logs the error with the request.
func (srv *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	c.Set(ctxErr, err)
	if errors.Is(err, search.ErrNotReady) {
		c.Response().Header().Set("Retry-After", srv.retryAfter())
	}
	p := problemFor(err).capped()
	p.Instance = c.Request().URL.Path
	if c.Request().Method == http.MethodHead {
		c.NoContent(p.Status)
		return
	}
	if srv.kindOf(c).htmlErrors() {
		srv.servePageError(c, p)
		return
	}
	c.Response().Header().Set(echo.HeaderContentType, problemJSON)
	c.Response().WriteHeader(p.Status)
	json.NewEncoder(c.Response()).Encode(p)
}

func problemFor(err error) Problem {
	var re *search.RequestError
	var se *search.SyntaxError
	var he *echo.HTTPError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &re):
		detail := make([]string, len(re.Params))
		for i, p := range re.Params {
			detail[i] = p.Name + ": " + p.Reason
		}
		return Problem{Type: "about:blank", Title: "Ongeldige zoekvraag", Status: http.StatusBadRequest,
			Detail: strings.Join(detail, "; "), InvalidParams: re.Params}
	case errors.As(err, &se):
		return Problem{Type: "about:blank", Title: "Ongeldige zoekvraag", Status: http.StatusBadRequest,
			Detail: se.Error(), InvalidParams: []search.InvalidParam{{Name: "q", Reason: se.Error()}}}
	case errors.Is(err, search.ErrBadQuery):
		return Problem{Type: "about:blank", Title: "Ongeldige zoekvraag", Status: http.StatusBadRequest, Detail: err.Error()}
	case errors.Is(err, search.ErrNotFound):
		return Problem{Type: "about:blank", Title: "Niet gevonden", Status: http.StatusNotFound, Detail: err.Error()}
	case errors.Is(err, search.ErrNotReady):
		return Problem{Type: "about:blank", Title: "Nog niet beschikbaar", Status: http.StatusServiceUnavailable, Detail: "De zoekindex wordt nog opgebouwd."}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return Problem{Type: "about:blank", Title: statusTitle(http.StatusGatewayTimeout), Status: http.StatusServiceUnavailable,
			Detail: "De zoekopdracht duurde te lang. Probeer het opnieuw, eventueel met minder woorden."}
	case errors.As(err, &mbe):
		return Problem{Type: "about:blank", Title: statusTitle(http.StatusRequestEntityTooLarge), Status: http.StatusRequestEntityTooLarge,
			Detail: http.StatusText(http.StatusRequestEntityTooLarge)}
	case errors.As(err, &he):
		detail := http.StatusText(he.Code)
		if msg, ok := he.Message.(string); ok && msg != "" {
			detail = msg
		}
		return Problem{Type: "about:blank", Title: statusTitle(he.Code), Status: he.Code, Detail: detail}
	}
	return Problem{Type: "about:blank", Title: "Interne fout", Status: http.StatusInternalServerError,
		Detail: "Er ging iets mis aan onze kant. Probeer het later opnieuw."}
}

// statusTitle is a Dutch title for an HTTP status.
func statusTitle(code int) string {
	switch code {
	case http.StatusNotFound:
		return "Niet gevonden"
	case http.StatusMethodNotAllowed:
		return "Methode niet toegestaan"
	case http.StatusTooManyRequests:
		return "Te veel verzoeken"
	case http.StatusRequestEntityTooLarge:
		return "Verzoek te groot"
	case http.StatusUnauthorized:
		return "Niet geautoriseerd"
	case http.StatusForbidden:
		return "Geen toegang"
	case http.StatusServiceUnavailable:
		return "Nog niet beschikbaar"
	case http.StatusGatewayTimeout, http.StatusRequestTimeout:
		return "Time-out"
	}
	if code >= 500 {
		return "Interne fout"
	}
	return "Ongeldig verzoek"
}

// servePageError answers an error with a Dutch HTML page.
func (srv *Server) servePageError(c echo.Context, p Problem) {
	page := errorPage{basePage: basePage{Title: p.Title}, Status: p.Status, Heading: p.Title}
	switch {
	case p.Status == http.StatusNotFound:
		page.Heading = "Pagina niet gevonden"
		page.Message = "Deze pagina bestaat niet. Misschien is het adres niet helemaal goed overgenomen, of is het artikel verplaatst. Zoek hieronder naar wat u nodig hebt."
	case p.Status == http.StatusServiceUnavailable:
		page.Message = "De zoekindex wordt nog opgebouwd. Probeer het over een paar seconden opnieuw."
	case p.Status >= 500:
		page.Heading = "Er ging iets mis"
		page.Message = "Er ging iets mis aan onze kant. Probeer het later opnieuw."
	default:
		page.Message = "Dit verzoek kunnen we niet beantwoorden. Controleer het adres of begin opnieuw op de startpagina."
	}
	if err := c.Render(p.Status, "error", page); err != nil {
		srv.logger.ErrorContext(c.Request().Context(), "render error page", "err", err.Error())
		if !c.Response().Committed {
			c.String(p.Status, page.Heading)
		}
	}
}
