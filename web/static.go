package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// Static files are served from memory with a validator and a cache policy
// that suits how they are referred to:
//   - pages link to content-hashed names (style.3f2a1b9c0d4e.css), which
//     change whenever the file does, so browsers and caches may keep them
//     for a year without asking again (immutable);
//   - the plain names (style.css) and the widget, whose address host pages
//     have pasted, are revalidated, cheaply: the ETag answers 304.
//
// Compression is the gzip middleware's job, in front of all responses.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "public, no-cache"
	cacheWidget     = "public, max-age=300"
	hashLen         = 12 // hex digits of the SHA-256 in a hashed name
)

// staticFile is one static file with what its responses need.
type staticFile struct {
	name   string // plain name, "style.css"
	hashed string // content-hashed name, "style.3f2a1b9c0d4e.css"
	body   []byte
	etag   string
	ctype  string
}

// staticFiles are the static folder's files by plain and hashed name.
type staticFiles struct {
	byName, byHashed map[string]*staticFile
}

func newStaticFiles(fsys fs.FS) (*staticFiles, error) {
	sf := &staticFiles{byName: map[string]*staticFile{}, byHashed: map[string]*staticFile{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:])[:hashLen]
		ext := path.Ext(p)
		f := &staticFile{
			name: p, hashed: strings.TrimSuffix(p, ext) + "." + h + ext, body: body,
			// Weak: the gzip middleware may send other bytes for it.
			etag:  `W/"` + h + `"`,
			ctype: mime.TypeByExtension(ext),
		}
		if f.ctype == "" {
			f.ctype = http.DetectContentType(body)
		}
		sf.byName[f.name] = f
		sf.byHashed[f.hashed] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	return sf, nil
}

// url is the address pages use for a static file: its hashed name. An
// unknown name is a bug in a template, caught by any page test.
func (sf *staticFiles) url(name string) (string, error) {
	f, ok := sf.byName[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return staticPrefix + "/" + f.hashed, nil
}

// serveStatic answers GET /static/*: the embedded static files.
func (srv *Server) serveStatic(c echo.Context) error {
	name := c.Param("*")
	if f, ok := srv.static.byHashed[name]; ok {
		return serveFile(c, f, cacheImmutable)
	}
	if f, ok := srv.static.byName[name]; ok {
		return serveFile(c, f, cacheRevalidate)
	}
	return echo.ErrNotFound
}

// serveFile sends a file with its type, validator and cache policy;
// http.ServeContent answers conditional and range requests.
func serveFile(c echo.Context, f *staticFile, cache string) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, f.ctype)
	h.Set(echo.HeaderCacheControl, cache)
	h.Set("ETag", f.etag)
	http.ServeContent(c.Response(), c.Request(), f.name, time.Time{}, bytes.NewReader(f.body))
	return nil
}
