package corpus

import (
	"errors"
	"io/fs"

	"gopkg.in/yaml.v3"
)

// SeriesFile is the corpus file that lists the parts of the series, for
// `vanelkaar import --series`.
const SeriesFile = "series.yaml"

// Series is the series as data: its name, its number of parts and where
// each known part is published.
type Series struct {
	Name  string
	Parts int
	Items []SeriesItem
}

// SeriesItem is one part of the series: a page's address (URL) or a saved
// page (File, relative to the corpus folder). Part, Slug and Themes are
// optional: without a part, the page's title or address must say it.
type SeriesItem struct {
	Part   int
	URL    string
	File   string
	Slug   string
	Themes []string
	Line   int
}

// Source is the address or file the item is imported from.
func (it SeriesItem) Source() string {
	if it.URL != "" {
		return it.URL
	}
	return it.File
}

// ReadSeries reads the series file of a corpus. It returns nil and no
// problems when the corpus has none.
func ReadSeries(fsys fs.FS) (*Series, Problems) {
	ps := &problems{}
	r := &reader{fsys: fsys, lim: DefaultLimits}
	src, err := r.readFile(SeriesFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		ps.errorf(SeriesFile, 0, "cannot read: %v", err)
		return nil, ps.list
	}
	root, ok := parseYAML(normalizeNewlines(src), SeriesFile, 0, ps)
	if !ok {
		return nil, ps.list
	}
	m, ok := newMapping(root, SeriesFile, 0, ps)
	if !ok {
		return nil, ps.list
	}
	s := &Series{}
	var line int
	s.Name, line = m.str("name")
	if s.Name == "" {
		ps.errorf(SeriesFile, line, "the series has no name")
	}
	s.Parts, line = m.integer("parts")
	if s.Parts < 1 {
		ps.errorf(SeriesFile, line, "give the number of parts of the series (parts: 7)")
	}
	if v := m.value("articles"); v != nil {
		if v.Kind != yaml.SequenceNode {
			ps.errorf(SeriesFile, v.Line, "articles must be a list of parts (- url: …)")
		} else {
			s.Items = readSeriesItems(v.Content, s.Parts, seriesThemes(r), ps)
		}
	}
	m.done()
	return s, ps.list
}

// seriesThemes returns the theme ids of the corpus's themes file, or none
// when it has none (the series' themes are then not checked).
func seriesThemes(r *reader) map[string]bool {
	themes := map[string]bool{}
	tc := &Corpus{themeByID: map[string]*Theme{}}
	tc.loadThemes(r, &problems{})
	for id := range tc.themeByID {
		themes[id] = true
	}
	return themes
}

// readSeriesItems reads the articles list of a series of the given number
// of parts; a part may be listed once.
func readSeriesItems(nodes []*yaml.Node, nparts int, themes map[string]bool, ps *problems) []SeriesItem {
	var items []SeriesItem
	parts := map[int]int{} // part -> the line it is first listed at
	for _, n := range nodes {
		im, ok := newMapping(n, SeriesFile, 0, ps)
		if !ok {
			continue
		}
		it := SeriesItem{Line: im.line()}
		var line int
		it.Part, line = im.integer("part")
		if it.Part != 0 && (it.Part < 1 || nparts > 0 && it.Part > nparts) {
			ps.errorf(SeriesFile, line, "part %d is not one of the series' %d parts", it.Part, nparts)
		} else if first, dup := parts[it.Part]; dup && it.Part > 0 {
			ps.errorf(SeriesFile, line, "part %d is listed twice (first at line %d)", it.Part, first)
		} else if it.Part > 0 {
			parts[it.Part] = line
		}
		readSeriesSource(im, &it, ps)
		it.Slug, line = im.str("slug")
		if it.Slug != "" && !idRE.MatchString(it.Slug) {
			ps.errorf(SeriesFile, line, "slug %q must be lower case letters, digits and single hyphens", it.Slug)
		}
		var tlines []int
		it.Themes, tlines = im.list("themes")
		for i, t := range it.Themes {
			if len(themes) > 0 && !themes[t] {
				ps.errorf(SeriesFile, tlines[i], "unknown theme %q (not in %s)", t, ThemesFile)
			}
		}
		im.done()
		items = append(items, it)
	}
	return items
}

// readSeriesSource reads where a part comes from: a url or a file, one of
// the two.
func readSeriesSource(im *mapping, it *SeriesItem, ps *problems) {
	it.URL = im.httpAddress("url")
	var line int
	it.File, line = im.str("file")
	if it.File != "" && !fs.ValidPath(it.File) {
		ps.errorf(SeriesFile, line, "file %q must be a path inside the corpus folder (relative, with / and no ..)", it.File)
	}
	if (it.URL == "") == (it.File == "") {
		ps.errorf(SeriesFile, it.Line, "give each part either a url or a file (a saved page, relative to the corpus folder)")
	}
}
