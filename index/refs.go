package index

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/klauspost/compress/zstd"

	"vanelkaar/corpus"
)

// internalRefs is the internal key of the index's Refs.
const internalRefs = "vanelkaar.refs"

// Refs are what reading a stored record needs, stored once in the index:
// the articles and people that records name (a passage's record repeated
// its article's title, series, links and authors, a quote's its speaker
// and the citation made of both), and the dictionary records are
// compressed with.
type Refs struct {
	Articles map[string]*ArticleRef `json:"articles"` // by slug
	People   map[string]*PersonRef  `json:"people"`   // by id
	// Dict is what each record's compression (zstd) starts from: records
	// of the corpus, so that a record of a few hundred bytes is compressed
	// against the words, names and layout seen in them rather than alone.
	// bleve compresses each document's stored fields by itself (snappy),
	// which left a record nearly its size.
	Dict []byte `json:"dict"`

	once  sync.Once
	codec *recordCodec
	err   error
}

// recordCodec compresses and decompresses records; both may be used by
// several goroutines at once.
type recordCodec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// recordDictID names the records' dictionary in their zstd frames.
const recordDictID = 1

// recordDictBytes is about how much of the records Refs.Dict holds.
const recordDictBytes = 64 << 10

// RefsOf returns what reading the records of a corpus's documents needs
// (see Documents); it is the same each time for the same corpus.
func RefsOf(c *corpus.Corpus) (*Refs, error) {
	d, err := newDocuments(c)
	if err != nil {
		return nil, err
	}
	return d.refs, nil
}

// refsOf returns the articles and people of a corpus as records name
// them, with dict.
func refsOf(c *corpus.Corpus, dict []byte) *Refs {
	r := &Refs{Articles: make(map[string]*ArticleRef, len(c.Articles)), People: make(map[string]*PersonRef, len(c.People)), Dict: dict}
	for _, a := range c.Articles {
		r.Articles[a.Slug] = articleRef(a)
	}
	for _, p := range c.People {
		r.People[p.ID] = personRef(c, p)
	}
	return r
}

// coder returns the records' codec, made on first use.
func (rs *Refs) coder() (*recordCodec, error) {
	rs.once.Do(func() {
		workers := runtime.GOMAXPROCS(0)
		enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderCRC(false),
			zstd.WithEncoderConcurrency(workers), zstd.WithEncoderDictRaw(recordDictID, rs.Dict))
		if err != nil {
			rs.err = fmt.Errorf("record encoder: %w", err)
			return
		}
		dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(workers), zstd.WithDecoderDictRaw(recordDictID, rs.Dict))
		if err != nil {
			rs.err = fmt.Errorf("record decoder: %w", err)
			return
		}
		rs.codec = &recordCodec{enc: enc, dec: dec}
	})
	return rs.codec, rs.err
}

// pack compresses the JSON of a record.
func (rs *Refs) pack(raw []byte) ([]byte, error) {
	c, err := rs.coder()
	if err != nil {
		return nil, err
	}
	return c.enc.EncodeAll(raw, make([]byte, 0, len(raw)/2)), nil
}

// ReadRefs reads the articles and people stored in an index.
func ReadRefs(idx bleve.Index) (*Refs, error) {
	r := &Refs{}
	return r, readInternal(idx, internalRefs, r)
}

// Record decodes a stored record and fills in what it names: its article
// (and the article's source address), its speaker and, for a quote with a
// speaker, its citation.
func (rs *Refs) Record(stored []byte) (*Record, error) {
	c, err := rs.coder()
	if err != nil {
		return nil, err
	}
	raw, err := c.dec.DecodeAll(stored, nil)
	if err != nil {
		return nil, err
	}
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
