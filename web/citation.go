package web

import (
	"strings"

	"vanelkaar/search"
)

// absoluteCitations makes the deep link at the end of each quote's
// citation absolute with the site's public address, so a citation pasted
// elsewhere still leads to the passage. The address comes from the
// configuration, never from the request's Host header, which a client or
// a shared cache in between could set to anything.
func absoluteCitations(res *search.Result, publicURL string) {
	base := strings.TrimRight(publicURL, "/")
	if base == "" {
		return
	}
	fix := func(hits []search.Hit) {
		for i := range hits {
			h := &hits[i]
			if h.Citation != "" && strings.HasPrefix(h.URL, "/") && strings.HasSuffix(h.Citation, " "+h.URL) {
				h.Citation = strings.TrimSuffix(h.Citation, h.URL) + base + h.URL
			}
		}
	}
	fix(res.Hits)
	for i := range res.Groups {
		fix(res.Groups[i].Hits)
	}
}
