package corpus

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Names of the registry files and the article folder inside a corpus.
const (
	PeopleFile         = "people.yaml"
	ThemesFile         = "themes.yaml"
	MunicipalitiesFile = "municipalities.yaml"
	ArticlesDir        = "artikelen"
)

var (
	idRE   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// Load reads and validates the corpus in fsys. When any problem is an
// error, Load returns a Problems error listing every problem found (it does
// not stop at the first) and no corpus. Warnings are kept in
// Corpus.Warnings.
func Load(fsys fs.FS) (*Corpus, error) {
	return LoadWith(fsys, DefaultLimits)
}

// LoadWith is Load within the given limits.
func LoadWith(fsys fs.FS, lim Limits) (*Corpus, error) {
	c, ps := load(fsys, lim)
	if ps.HasErrors() {
		return nil, ps
	}
	c.Warnings = ps
	return c, nil
}

// Check reads the corpus and returns every problem, errors and warnings, in
// file and line order.
func Check(fsys fs.FS) Problems {
	return CheckWith(fsys, DefaultLimits)
}

// CheckWith is Check within the given limits.
func CheckWith(fsys fs.FS, lim Limits) Problems {
	_, ps := load(fsys, lim)
	// The series file matters to `vanelkaar import --series` only, so
	// Load does not read it; the check does.
	if _, sps := ReadSeries(fsys); len(sps) > 0 {
		ps = append(sps, ps...)
	}
	return ps
}

// InspectWith reads the corpus as far as it can, within the limits, and
// returns it with every problem: for checks that look further than the
// loader (the index's synonym check) even when some files have errors.
// The corpus may be incomplete; use Load to get one to index.
func InspectWith(fsys fs.FS, lim Limits) (*Corpus, Problems) {
	return load(fsys, lim)
}

func load(fsys fs.FS, lim Limits) (*Corpus, Problems) {
	ps := &problems{}
	r := &reader{fsys: fsys, lim: lim.withDefaults()}
	c := &Corpus{
		articleBySlug: map[string]*Article{},
		personByID:    map[string]*Person{},
		themeByID:     map[string]*Theme{},
		muniByID:      map[string]*Municipality{},
	}
	c.loadThemes(r, ps)
	c.loadSynonyms(r, ps)
	c.loadMunicipalities(r, ps)
	c.loadPeople(r, ps)
	c.loadArticles(r, ps)
	if !ps.list.HasErrors() {
		c.link(ps)
	}
	sort.SliceStable(ps.list, func(i, j int) bool {
		a, b := ps.list[i], ps.list[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
	return c, ps.list
}

// registry reads a YAML file that holds a list of mappings.
func registry(r *reader, name string, ps *problems, each func(m *mapping)) {
	src, err := r.readFile(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			ps.errorf(name, 0, "file is missing: a corpus needs %s, %s, %s and a folder %s/", PeopleFile, ThemesFile, MunicipalitiesFile, ArticlesDir)
		} else {
			ps.errorf(name, 0, "%s", readProblem(err))
		}
		return
	}
	root, ok := parseYAML(normalizeNewlines(src), name, 0, ps)
	if !ok {
		return
	}
	if root.Kind != yaml.SequenceNode {
		ps.errorf(name, root.Line, "expected a list of entries, found %s", kindName(root))
		return
	}
	for _, n := range root.Content {
		if m, ok := newMapping(n, name, 0, ps); ok {
			each(m)
			m.done()
		}
	}
}

// requireID checks an id field: present, slug-shaped and unique.
func requireID(m *mapping, seen map[string]int) (string, bool) {
	id, line := m.str("id")
	switch {
	case id == "":
		m.ps.errorf(m.path, m.line(), "entry has no id")
		return "", false
	case !idRE.MatchString(id):
		m.ps.errorf(m.path, line, "id %q must be lower case letters, digits and single hyphens", id)
		return "", false
	case seen[id] > 0:
		m.ps.errorf(m.path, line, "duplicate id %q (first at line %d)", id, seen[id])
		return "", false
	}
	seen[id] = line
	return id, true
}

func (c *Corpus) loadThemes(r *reader, ps *problems) {
	seen := map[string]int{}
	registry(r, ThemesFile, ps, func(m *mapping) {
		id, ok := requireID(m, seen)
		t := &Theme{ID: id}
		t.Label = m.required("label", "theme", id)
		t.Description, _ = m.str("description")
		t.Signals, _ = m.list("signals")
		if ok {
			c.Themes = append(c.Themes, t)
			c.themeByID[id] = t
		}
	})
}

func (c *Corpus) loadMunicipalities(r *reader, ps *problems) {
	seen := map[string]int{}
	registry(r, MunicipalitiesFile, ps, func(m *mapping) {
		id, ok := requireID(m, seen)
		mu := &Municipality{ID: id}
		mu.Name = m.required("name", "municipality", id)
		mu.Aliases, _ = m.list("aliases")
		mu.Province, _ = m.str("province")
		if ok {
			c.Municipalities = append(c.Municipalities, mu)
			c.muniByID[id] = mu
		}
	})
}

func (c *Corpus) loadPeople(r *reader, ps *problems) {
	seen := map[string]int{}
	registry(r, PeopleFile, ps, func(m *mapping) {
		id, ok := requireID(m, seen)
		p := &Person{ID: id, Line: m.line()}
		p.Name = m.required("name", "person", id)
		p.Role, _ = m.str("role")
		var line int
		p.RoleCategory, line = m.str("role_category")
		switch {
		case p.RoleCategory == "":
			ps.errorf(m.path, line, "person %q has no role_category (one of %s)", id, categoryIDs(RoleCategories))
		case !categoryKnown(RoleCategories, p.RoleCategory):
			ps.errorf(m.path, line, "person %q: unknown role_category %q (one of %s)", id, p.RoleCategory, categoryIDs(RoleCategories))
		}
		p.Municipality, line = m.str("municipality")
		if p.Municipality != "" && c.muniByID[p.Municipality] == nil {
			ps.errorf(m.path, line, "person %q: unknown municipality %q (not in %s)", id, p.Municipality, MunicipalitiesFile)
		}
		p.Organisation, _ = m.str("organisation")
		if ok {
			c.People = append(c.People, p)
			c.personByID[id] = p
		}
	})
}

// required returns the string field key of a registry entry, and reports
// it missing as "<what> <id> has no <key>" when it is empty.
func (m *mapping) required(key, what, id string) string {
	v, line := m.str(key)
	if v == "" {
		m.ps.errorf(m.path, line, "%s %q has no %s", what, id, key)
	}
	return v
}

// httpAddress returns the string field key, and reports it when it is
// given but no http(s) address.
func (m *mapping) httpAddress(key string) string {
	v, line := m.str(key)
	if v != "" && !isHTTPAddress(v) {
		m.ps.errorf(m.path, line, "%s %q must be an http(s) address", key, v)
	}
	return v
}

// isHTTPAddress reports whether s is an http or https address.
func isHTTPAddress(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func categoryIDs(cs []Category) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return strings.Join(ids, ", ")
}

func (c *Corpus) loadArticles(r *reader, ps *problems) {
	err := r.checkDir(ArticlesDir)
	var entries []fs.DirEntry
	if err == nil {
		entries, err = fs.ReadDir(r.fsys, ArticlesDir)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			ps.errorf(ArticlesDir, 0, "folder is missing: a corpus needs its articles in %s/", ArticlesDir)
		} else {
			ps.errorf(ArticlesDir, 0, "%s", readProblem(err))
		}
		return
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".md" {
			continue
		}
		p := path.Join(ArticlesDir, e.Name())
		src, err := r.readFile(p)
		if err != nil {
			ps.errorf(p, 0, "%s", readProblem(err))
			continue
		}
		a := c.parseArticle(p, src, ps)
		if a == nil {
			continue
		}
		if prev := c.articleBySlug[a.Slug]; prev != nil {
			ps.errorf(p, 2, "duplicate slug %q (also used by %s)", a.Slug, prev.Path)
			continue
		}
		c.articleBySlug[a.Slug] = a
		c.Articles = append(c.Articles, a)
	}
	sort.SliceStable(c.Articles, func(i, j int) bool {
		if c.Articles[i].Part != c.Articles[j].Part {
			return c.Articles[i].Part < c.Articles[j].Part
		}
		return c.Articles[i].Slug < c.Articles[j].Slug
	})
}

// ParseArticle reads one article file on its own, without a corpus around
// it: front matter and passages, no references checked. It is what the
// importer and the fuzz tests use.
func ParseArticle(p string, src []byte) (*Article, Problems) {
	ps := &problems{}
	c := &Corpus{themeByID: nil}
	a := c.parseArticle(p, src, ps)
	return a, ps.list
}

// parseArticle reads front matter and body. The front matter sits between
// two "---" lines at the top of the file.
func (c *Corpus) parseArticle(p string, src []byte, ps *problems) *Article {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	src = normalizeNewlines(src)
	lines := strings.Split(string(src), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		ps.errorf(p, 1, "missing front matter: the file must start with a line \"---\"")
		return nil
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		ps.errorf(p, 1, "front matter is not closed: add a line \"---\" after it")
		return nil
	}
	root, ok := parseYAML([]byte(strings.Join(lines[1:end], "\n")), p, 1, ps)
	if !ok {
		return nil
	}
	if root.Kind == yaml.SequenceNode && len(root.Content) == 0 {
		root = &yaml.Node{Kind: yaml.MappingNode, Line: 1}
	}
	m, ok := newMapping(root, p, 1, ps)
	if !ok {
		return nil
	}
	a := &Article{Path: p}
	c.readFrontMatter(a, m, ps)
	m.done()
	a.BodyLine = end + 2
	a.Body = strings.Join(lines[end+1:], "\n")
	c.splitPassages(a, ps)
	c.extractQuotes(a, ps)
	return a
}

// readFrontMatter reads and checks the fields of an article's front
// matter; its themes are checked against the corpus's when it has them.
func (c *Corpus) readFrontMatter(a *Article, m *mapping, ps *problems) {
	p := a.Path
	var line int
	a.Slug, line = m.str("slug")
	if a.Slug == "" {
		a.Slug = strings.TrimSuffix(path.Base(p), ".md")
		a.Slug = strings.TrimLeft(a.Slug, "0123456789-")
	}
	if !idRE.MatchString(a.Slug) {
		ps.errorf(p, line, "slug %q must be lower case letters, digits and single hyphens", a.Slug)
	}
	a.Title, _ = m.str("title")
	if a.Title == "" {
		ps.errorf(p, m.line(), "missing title")
	}
	a.Series, _ = m.str("series")
	a.Part, line = m.integer("part")
	if a.Part < 1 {
		ps.errorf(p, line, "missing or invalid part: give the article's part in the series, 1 or more")
	}
	a.Parts, line = m.integer("parts")
	if a.Parts > 0 && a.Part > a.Parts {
		ps.errorf(p, line, "part %d is beyond the %d parts of the series", a.Part, a.Parts)
	}
	a.SourceURL = m.httpAddress("source_url")
	a.Published, line = m.str("published")
	if a.Published != "" && !dateRE.MatchString(a.Published) {
		ps.errorf(p, line, "published %q must be a date as YYYY-MM-DD (leave it out when the text gives none)", a.Published)
	}
	a.Publisher, _ = m.str("publisher")
	a.Authors, _ = m.list("authors")
	a.ImportHash, _ = m.str("import_hash")
	themes, tlines := m.list("themes")
	for i, t := range themes {
		if c.themeByID != nil && c.themeByID[t] == nil {
			ps.errorf(p, tlines[i], "unknown theme %q (not in %s)", t, ThemesFile)
			continue
		}
		a.Themes = append(a.Themes, t)
	}
}

// link resolves what articles refer to: the people and municipalities each
// passage mentions, the first passage that names each person (by full
// name), and the speakers of the quotes.
func (c *Corpus) link(ps *problems) {
	x := newNameIndex(c)
	for _, a := range c.Articles {
		c.resolveNames(x, a, ps)
		for _, p := range a.Passages {
			for _, u := range p.names {
				if id, ok := u.resolved(); ok && u.full && c.personByID[id].First == nil {
					c.personByID[id].First = p
				}
			}
		}
		c.attribute(a, ps)
	}
}

// normalizeNewlines turns CRLF and lone CR line endings (old Mac files, some
// web forms) into LF, so that line numbers count every line ending.
func normalizeNewlines(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}
