package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

// servePerson answers GET /personen/:id: the person (name, role and
// organisation as written, municipality) and every quote and passage of
// theirs in reading order, each quote with its citation.
func (srv *Server) servePerson(c echo.Context) error {
	pt, err := srv.s.Person(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	absoluteCitations(pt.Items, srv.cfg.PublicURL)
	per := pt.Person
	p := personPage{
		basePage:     basePage{Title: per.Name, Script: true},
		Person:       per,
		Line:         per.Affiliation(),
		Municipality: per.MunicipalityName,
		SearchURL:    searchURL(search.Request{Filters: map[string][]string{search.FacetSpeaker: {per.ID}}}),
	}
	if per.Municipality != "" {
		p.MunicipalityURL = searchURL(search.Request{Filters: map[string][]string{search.FacetMunicipality: {per.Municipality}}})
	}
	for _, h := range pt.Items {
		v := hitOf(h, "", nil)
		// The page is the person's: the quotes need no link to it.
		v.MoreURL = ""
		v.Places = nil // the municipality stands in the header
		switch h.Kind {
		case search.KindQuote:
			p.Quotes++
			v.KindLabel = "Citaat"
		default:
			p.Passages++
			v.KindLabel = "Passage"
		}
		p.Items = append(p.Items, v)
	}
	return c.Render(http.StatusOK, "person", p)
}
