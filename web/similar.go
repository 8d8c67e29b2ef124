package web

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"vanelkaar/search"
)

// SimilarFinder finds the passages of other municipalities on the subject
// of a passage or quote; *search.Searcher is one. It is apart from
// Searcher so that a Searcher without it still serves everything else:
// the route answers 404 and the pages leave the blocks out.
type SimilarFinder interface {
	Similar(ctx context.Context, id string, size int) (*search.Result, error)
}

// similarOnPages is how many similar passages a page shows per passage.
const similarOnPages = 3

// serveSimilar answers GET /api/v1/similar?id=ID[&size=N].
func (srv *Server) serveSimilar(c echo.Context) error {
	sf, ok := srv.s.(SimilarFinder)
	if !ok {
		return echo.ErrNotFound
	}
	size, bad := positiveParam(c.QueryParams(), "size")
	if bad != nil {
		return &search.RequestError{Params: []search.InvalidParam{*bad}}
	}
	res, err := sf.Similar(c.Request().Context(), c.QueryParam("id"), size)
	if err != nil {
		return err
	}
	absoluteResult(res, srv.cfg.PublicURL)
	return c.JSON(http.StatusOK, res)
}

// similarView is the block "Vergelijkbare aanpakken in andere gemeenten"
// under a passage or a hit.
type similarView struct {
	Items []similarItem
}

type similarItem struct {
	URL     string
	Title   string
	Places  []string
	Snippet string // plain text: the template escapes it
}

// similarFor returns the block for id, or nil when there is nothing to
// show (no finder, nothing similar, or an error, which must not cost the
// page: the block is an extra).
func (srv *Server) similarFor(ctx context.Context, id string) *similarView {
	sf, ok := srv.s.(SimilarFinder)
	if !ok || id == "" {
		return nil
	}
	res, err := sf.Similar(ctx, id, similarOnPages)
	if err != nil || len(res.Hits) == 0 {
		if err != nil {
			srv.logger.InfoContext(ctx, "similar passages left out", "err", err.Error())
		}
		return nil
	}
	names := map[string]string{}
	for _, m := range res.Facets.Get(search.FacetMunicipality) {
		names[m.Value] = m.Label
	}
	v := &similarView{}
	for _, h := range res.Hits {
		it := similarItem{URL: h.URL, Title: h.Title, Snippet: h.Fragment().Text("", "")}
		for _, m := range h.Municipalities {
			if n := names[m]; n != "" {
				m = n
			}
			it.Places = append(it.Places, m)
		}
		v.Items = append(v.Items, it)
	}
	return v
}
