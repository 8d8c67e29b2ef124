package bench

import (
	"fmt"
	"io/fs"
	"os"
	"slices"

	"vanelkaar/corpus"
	"vanelkaar/index"
)

// Doc is one index document in the flat form the SQL engines load.
type Doc struct {
	ID       string
	Kind     string
	Order    string // sorts documents in reading order
	Title    string
	Headings string
	Body     string
	Quote    string
	Names    string
	Text     string // the text a snippet is cut from
	// Facet values; each list holds a value at most once.
	Themes         []string
	Municipalities []string
	Roles          []string
}

// Facet returns the values of the named facet (search.FacetTheme, ...).
func (d *Doc) Facet(name string) []string {
	switch name {
	case facetTheme:
		return d.Themes
	case facetMunicipality:
		return d.Municipalities
	case facetRole:
		return d.Roles
	case facetKind:
		return []string{d.Kind}
	}
	return nil
}

// Set is one corpus ready for the engines: the loaded corpus, which
// vanelkaar indexes, and the same documents flattened for the others. A
// summary set (SummarySet) holds neither, only what the run needs of the
// corpus: vanelkaar builds it from its folder.
type Set struct {
	Name   string
	Corpus *corpus.Corpus // nil in a summary set
	Docs   []Doc          // nil in a summary set
	// Files are the corpus's files, when known (see UseFiles); TextBytes
	// is their size.
	Files     fs.FS
	TextBytes int64
	// Dir is the folder of Files, when they are in one: vanelkaar builds
	// from it instead of a copy.
	Dir string

	passages, documents int
	munis               []string // the municipalities' ids, in corpus order
	// muniDocs counts the documents of each municipality: from Docs, or
	// in a summary set from the first engine once loaded.
	muniDocs map[string]int
	rare     []Query // the rare mix, once derived
	rareMade bool
}

// UseFiles records the files the set's corpus was loaded from: vanelkaar
// builds from them in a process of its own, and the build report gives
// the index's size beside theirs.
func (s *Set) UseFiles(fsys fs.FS) error {
	n, err := filesSize(fsys, ".")
	if err != nil {
		return fmt.Errorf("corpus files of %s: %w", s.Name, err)
	}
	s.Files, s.TextBytes = fsys, n
	return nil
}

// Passages is the number of passages of the corpus.
func (s *Set) Passages() int { return s.passages }

// Documents is the number of index documents of the corpus: passages,
// quotes and people.
func (s *Set) Documents() int { return s.documents }

// RareQueries is the set's rare-word mix (see RareQueries).
func (s *Set) RareQueries() []Query {
	if !s.rareMade {
		s.rare, s.rareMade = RareQueries(s.Corpus), true
	}
	return s.rare
}

// LoadSet loads a corpus from its files within limits and makes it a set
// that knows its files (UseFiles).
func LoadSet(name string, files fs.FS, limits corpus.Limits) (*Set, error) {
	c, err := corpus.LoadWith(files, limits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s, err := NewSet(name, c)
	if err != nil {
		return nil, err
	}
	return s, s.UseFiles(files)
}

// summarize records the corpus's counts and municipalities.
func (s *Set) summarize(c *corpus.Corpus) {
	s.passages, s.documents = 0, len(c.People)
	for _, a := range c.Articles {
		s.passages += len(a.Passages)
		s.documents += len(a.Passages) + len(a.Quotes)
	}
	for _, m := range c.Municipalities {
		s.munis = append(s.munis, m.ID)
	}
}

// SummarySet makes a set of a corpus for vanelkaar alone, which builds it
// from its folder dir in a process of its own: the set keeps the
// corpus's counts and its rare mix, not the corpus, and flattens no
// documents, so that a run on millions of passages holds neither. Its
// most frequent municipality comes from the first engine once loaded
// (see MunicipalityCounter).
func SummarySet(name string, c *corpus.Corpus, dir string) (*Set, error) {
	s := &Set{Name: name, Dir: dir}
	s.summarize(c)
	s.rare, s.rareMade = RareQueries(c), true
	return s, s.UseFiles(os.DirFS(dir))
}

// NewSet turns a corpus into the documents vanelkaar indexes.
func NewSet(name string, c *corpus.Corpus) (*Set, error) {
	docs, err := index.Documents(c)
	if err != nil {
		return nil, fmt.Errorf("documents of %s: %w", name, err)
	}
	refs, err := index.RefsOf(c)
	if err != nil {
		return nil, fmt.Errorf("documents of %s: %w", name, err)
	}
	s := &Set{Name: name, Corpus: c, Docs: make([]Doc, 0, len(docs)), muniDocs: map[string]int{}}
	s.summarize(c)
	for _, d := range docs {
		raw, _ := d.Fields[index.FieldRecord].(string)
		rec, err := refs.Record([]byte(raw))
		if err != nil {
			return nil, fmt.Errorf("documents of %s: record of %s: %w", name, d.ID, err)
		}
		s.Docs = append(s.Docs, Doc{
			ID:             d.ID,
			Kind:           text(d.Fields[index.FieldKind]),
			Order:          text(d.Fields[index.FieldOrder]),
			Title:          text(d.Fields[index.FieldTitle]),
			Headings:       text(d.Fields[index.FieldHeadings]),
			Body:           text(d.Fields[index.FieldBody]),
			Quote:          text(d.Fields[index.FieldQuote]),
			Names:          text(d.Fields[index.FieldNames]),
			Text:           rec.Text,
			Themes:         values(d.Fields[index.FieldTheme]),
			Municipalities: values(d.Fields[index.FieldMunicipality]),
			Roles:          values(d.Fields[index.FieldRole]),
		})
		for _, m := range s.Docs[len(s.Docs)-1].Municipalities {
			s.muniDocs[m]++
		}
	}
	return s, nil
}

// text reads a document field that holds one string.
func text(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []string:
		if len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// values reads a keyword field as a sorted list of distinct values.
func values(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		if v != "" {
			out = []string{v}
		}
	case []string:
		out = slices.Clone(v)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if out == nil {
		out = []string{}
	}
	return out
}
