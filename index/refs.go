package index

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"vanelkaar/corpus"
)

// internalRefs is the internal key of the index's Refs.
const internalRefs = "vanelkaar.refs"

// Refs are the articles and people that records name, stored once in the
// index rather than in every record: a passage's record repeated its
// article's title, series, links and authors, a quote's its speaker and
// the citation made of both.
type Refs struct {
	Articles map[string]*ArticleRef `json:"articles"` // by slug
	People   map[string]*PersonRef  `json:"people"`   // by id
}

// RefsOf returns the articles and people of a corpus as records name them.
func RefsOf(c *corpus.Corpus) *Refs {
	r := &Refs{Articles: make(map[string]*ArticleRef, len(c.Articles)), People: make(map[string]*PersonRef, len(c.People))}
	for _, a := range c.Articles {
		r.Articles[a.Slug] = articleRef(a)
	}
	for _, p := range c.People {
		r.People[p.ID] = personRef(c, p)
	}
	return r
}

// ReadRefs reads the articles and people stored in an index.
func ReadRefs(idx bleve.Index) (*Refs, error) {
	r := &Refs{}
	return r, readInternal(idx, internalRefs, r)
}

// Record decodes a stored record and fills in what it names: its article
// (and the article's source address), its speaker and, for a quote with a
// speaker, its citation.
func (rs *Refs) Record(raw []byte) (*Record, error) {
	r := &Record{}
	if err := json.Unmarshal(raw, r); err != nil {
		return nil, err
	}
	if r.ArticleSlug != "" {
		if r.Article = rs.Articles[r.ArticleSlug]; r.Article == nil {
			return nil, fmt.Errorf("article %q is not in the index", r.ArticleSlug)
		}
		r.SourceURL = r.Article.SourceURL
	}
	if r.SpeakerID != "" {
		if r.Speaker = rs.People[r.SpeakerID]; r.Speaker == nil {
			return nil, fmt.Errorf("person %q is not in the index", r.SpeakerID)
		}
	}
	if r.Kind == KindQuote && r.Speaker != nil {
		r.Citation = quoteCitation(r)
	}
	return r, nil
}

// quoteCitation is the citation of a quote's record whose article and
// speaker are set.
func quoteCitation(r *Record) string {
	quoted := "“" + r.Text + "”"
	if r.Whole != "" {
		quoted = r.Whole
	}
	return Citation(quoted, r.Speaker, r.Article, CitationLink(r.SourceURL, r.URL))
}

// FieldText is the text a record's document has in the text field (see
// TextFields), as the index analysed it; "" for a field the document does
// not have. The names field is not made from the record: it is stored.
func (r *Record) FieldText(field string) string {
	switch {
	case field == FieldTitle && r.Kind == KindPassage && r.Article != nil:
		return r.Article.Title
	case field == FieldTitle && r.Kind == KindPerson:
		return r.Title
	case field == FieldHeadings && r.Kind == KindPassage:
		return strings.Join(r.Headings, headingsSeparator)
	case field == FieldBody && r.Kind != KindQuote, field == FieldQuote && r.Kind == KindQuote:
		return r.Text
	}
	return ""
}

// headingsSeparator stands between the headings of the headings field.
const headingsSeparator = " \n "
