package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

// serveSearch answers GET /api/v1/search.
func (srv *Server) serveSearch(c echo.Context) error {
	req, bad := searchRequest(c.QueryParams())
	if len(bad) > 0 {
		return badRequest(req, bad, srv.s)
	}
	res, err := srv.s.Search(c.Request().Context(), req)
	if err != nil {
		return err
	}
	srv.searchedBy(req, res)
	absoluteResult(res, srv.cfg.PublicURL)
	return c.JSON(http.StatusOK, res)
}

// searchRequest reads a search request from URL parameters. Parameters
// that are not numbers where numbers are needed are returned as invalid;
// everything else is checked by the searcher.
func searchRequest(v url.Values) (search.Request, []search.InvalidParam) {
	var bad []search.InvalidParam
	r := search.Request{
		Query: v.Get("q"),
		Sort:  v.Get("sort"),
		Group: v.Get("group"),
	}
	for _, f := range search.FacetNames {
		for _, val := range v[f] {
			if val == "" {
				continue
			}
			if r.Filters == nil {
				r.Filters = map[string][]string{}
			}
			r.Filters[f] = append(r.Filters[f], val)
		}
	}
	num := func(name string, dst *int) {
		if n, p := positiveParam(v, name); p != nil {
			bad = append(bad, *p)
		} else if n > 0 {
			*dst = n
		}
	}
	num("page", &r.Page)
	num("size", &r.Size)
	boolean := func(name string, dst *bool) {
		switch v.Get(name) {
		case "", "false", "0":
		case "true", "1":
			*dst = true
		default:
			bad = append(bad, search.InvalidParam{Name: name, Reason: "must be true or false"})
		}
	}
	boolean("prefix", &r.Prefix)
	boolean("exact", &r.Exact)
	return r, bad
}

// badRequest combines the parameters the handler could not read with the
// searcher's own checks of the rest, so the answer lists every problem.
func badRequest(r search.Request, bad []search.InvalidParam, s Searcher) error {
	for _, p := range bad {
		switch p.Name {
		case "page":
			r.Page = 0
		case "size":
			r.Size = 0
		}
	}
	all := append([]search.InvalidParam(nil), bad...)
	if err := s.Validate(r); err != nil {
		if re, ok := err.(*search.RequestError); ok {
			all = append(all, re.Params...)
		}
	}
	return &search.RequestError{Params: all}
}

// positiveParam reads a URL parameter that is a whole number of 1 or more:
// 0 when it is absent, the problem when it is something else.
func positiveParam(v url.Values, name string) (int, *search.InvalidParam) {
	s := v.Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, &search.InvalidParam{Name: name, Reason: "must be a whole number of 1 or more"}
	}
	return n, nil
}
