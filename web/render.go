package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// renderer is the server's echo.Renderer: one template set per page, each
// made of the shared layout and partials plus the page's own file, parsed
// once at start-up.
type renderer struct {
	pages map[string]*template.Template
}

// layoutName is the template every page set executes: the layout, which
// calls the page's "main" block.
const layoutName = "layout"

// newRenderer parses templates/<page>.tmpl for every page, together with
// templates/_*.tmpl. Templates write {{asset "style.css"}} for the address
// of a static file.
func newRenderer(fsys fs.FS, static *staticFiles) (*renderer, error) {
	funcs := template.FuncMap{"asset": static.url}
	shared, err := fs.Glob(fsys, "templates/_*.tmpl")
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "templates/*.tmpl")
	if err != nil {
		return nil, err
	}
	r := &renderer{pages: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".tmpl")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(fsys, append(append([]string{}, shared...), f)...)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", f, err)
		}
		if t.Lookup(layoutName) == nil {
			return nil, fmt.Errorf("template %s: no %q template", f, layoutName)
		}
		r.pages[name] = t
	}
	return r, nil
}

// Render executes the page's set into a buffer first, so that a template
// error becomes a clean error response rather than half a page.
func (r *renderer) Render(w io.Writer, name string, data any, _ echo.Context) error {
	t, ok := r.pages[name]
	if !ok {
		return fmt.Errorf("render: no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, layoutName, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	_, err := buf.WriteTo(w)
	return err
}
