package web

import (
	"strings"

	"vanelkaar/search"
)

// absoluteCitations puts the site's public address in the link at the end
// of each quote's citation, so a pasted citation leads to the passage on
// this site. Without a public address the link stays as the index made it:
// the article's source address with the passage's anchor. The address
// comes from the configuration, never from the request's Host header,
// which a client or a shared cache in between could set to anything.
func absoluteCitations(hits []search.Hit, publicURL string) {
	base := strings.TrimRight(publicURL, "/")
	if base == "" {
		return
	}
	for i := range hits {
		h := &hits[i]
		link := search.CitationLink(h.SourceURL, h.URL)
		if h.Citation != "" && strings.HasPrefix(h.URL, "/") && strings.HasSuffix(h.Citation, " "+link) {
			h.Citation = strings.TrimSuffix(h.Citation, link) + base + h.URL
		}
	}
}

// absoluteResult applies absoluteCitations to every hit of a result.
func absoluteResult(res *search.Result, publicURL string) {
	absoluteCitations(res.Hits, publicURL)
	for i := range res.Groups {
		absoluteCitations(res.Groups[i].Hits, publicURL)
	}
}
