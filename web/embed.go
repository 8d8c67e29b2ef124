package web

import (
	"embed"
	"io/fs"
)

// assets holds the templates and the static files, so the binary needs no
// files next to it. Names starting with "_" (layout and partials) need
// no pattern of their own: only embedding a whole directory leaves them out.
//
//go:embed templates/*.tmpl static
var assets embed.FS

// staticPrefix is where the static folder is served.
const staticPrefix = "/static"

// staticFS is the static folder, served under staticPrefix.
func staticFS() fs.FS {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the folder is embedded above: this cannot fail
	}
	return sub
}
