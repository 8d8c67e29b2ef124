package index

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	neturl "net/url"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	bindex "github.com/blevesearch/bleve_index_api"

	"vanelkaar/corpus"
)

// Document is one index document: its id and its fields.
type Document struct {
	ID     string
	Fields map[string]any

	// lengths are the tokens of each text field, for FieldStats.
	lengths map[string]int
	// fieldTokens are the analysed text fields, for the index builder
	// (see analyse), so that no text is analysed twice; nil once used.
	fieldTokens map[string]analysis.TokenStream
	// tokens are the analyzed text of a passage, for the vocabulary; nil
	// for other documents and once the vocabulary has counted them.
	tokens analysis.TokenStream
	// analysed is the document mapped and analysed for the index builder.
	analysed bindex.Document
}

// Documents turns a corpus into index documents: passages, quotes and
// people, in reading order. The themes of a passage are its section's plus
// those its words signal (see themeSignals); a quote's are its passage's
// section themes plus those its own words signal. A build streams them
// instead (see streamDocuments), so they are never all in memory.
func Documents(c *corpus.Corpus) ([]Document, error) {
	var docs []Document
	d, err := newDocuments(c)
	if err != nil {
		return nil, err
	}
	err = streamDocuments(context.Background(), d, 1, 0, nil, func(d *Document) error {
		d.tokens, d.fieldTokens = nil, nil
		docs = append(docs, *d)
		return nil
	})
	return docs, err
}

// docJob is one document of the corpus to make: a passage p, a quote q
// (in the passage'th passage of article a) or a person per.
type docJob struct {
	a       *corpus.Article
	ref     *ArticleRef
	passage int
	p       *corpus.Passage
	q       *corpus.Quote
	per     *corpus.Person
}

// docJobs yields the documents of a corpus to make, in reading order.
func docJobs(c *corpus.Corpus) iter.Seq[docJob] {
	return func(yield func(docJob) bool) {
		for _, a := range c.Articles {
			ref := articleRef(a)
			index := make(map[*corpus.Passage]int, len(a.Passages))
			for i, p := range a.Passages {
				index[p] = i
				if !yield(docJob{a: a, ref: ref, passage: i, p: p}) {
					return
				}
			}
			for _, q := range a.Quotes {
				if !yield(docJob{a: a, ref: ref, passage: index[q.Passage], q: q}) {
					return
				}
			}
		}
		for _, per := range c.People {
			if !yield(docJob{per: per}) {
				return
			}
		}
	}
}

// documents makes the documents of a corpus; its methods may be called
// from several goroutines at once.
type documents struct {
	c       *corpus.Corpus
	signals *themeSignals
	// refs are what reading the records needs; their records are
	// compressed with refs's dictionary once it is set.
	refs *Refs
}

func newDocuments(c *corpus.Corpus) (*documents, error) {
	signals, err := newThemeSignals(c)
	if err != nil {
		return nil, err
	}
	d := &documents{c: c, signals: signals}
	dict, err := d.recordDictionary()
	if err != nil {
		return nil, err
	}
	d.refs = refsOf(c, dict)
	return d, nil
}

// recordSamples is about how many documents, spread over the corpus,
// recordDictionary reads.
const recordSamples = 128

// recordDictionary returns the records of documents spread over the
// corpus, up to about recordDictBytes: the dictionary every record is
// compressed with.
func (d *documents) recordDictionary() ([]byte, error) {
	step := max(documentCount(d.c)/recordSamples, 1)
	var dict []byte
	i := 0
	for j := range docJobs(d.c) {
		if i++; (i-1)%step != 0 {
			continue
		}
		doc, err := d.make(j)
		if err != nil {
			return nil, err
		}
		if dict = append(dict, doc.Fields[FieldRecord].(string)...); len(dict) >= recordDictBytes {
			break
		}
	}
	return dict, nil
}

// make makes the document of a job.
func (d *documents) make(j docJob) (Document, error) {
	switch {
	case j.per != nil:
		return d.person(j.per)
	case j.q != nil:
		return d.quote(j.a, j.ref, j.passage, j.q)
	}
	return d.passage(j.a, j.ref, j.passage, j.p)
}

// add makes a document with its fields f, the fields every document has,
// and its record r. analyzed are text fields whose tokens the caller has.
func (d *documents) add(id, order string, f map[string]any, r Record, analyzed map[string]analysis.TokenStream) (Document, error) {
	rec, err := json.Marshal(r)
	if err != nil {
		return Document{}, fmt.Errorf("encode record %s: %w", id, err)
	}
	if d.refs != nil {
		if rec, err = d.refs.pack(rec); err != nil {
			return Document{}, fmt.Errorf("encode record %s: %w", id, err)
		}
	}
	f[FieldOrder] = order
	f[FieldWords] = textLength(r.Text)
	f[FieldRecord] = string(rec)
	for _, fc := range Facets {
		f[fc.Field] = fc.Of(&r)
	}
	toks := fieldTokens(f, d.signals.analyzer, analyzed)
	return Document{ID: id, Fields: f, lengths: tokenLengths(toks), fieldTokens: toks}, nil
}

// passage adds the i-th passage p of article a.
func (d *documents) passage(a *corpus.Article, ref *ArticleRef, i int, p *corpus.Passage) (Document, error) {
	roles, munis := rolesOf(d.c, p.People, p.Municipalities)
	toks := d.signals.analyzer.Analyze([]byte(p.Text))
	r := Record{
		Kind:           KindPassage,
		Title:          passageTitle(p),
		Text:           p.Text,
		Headings:       p.Headings,
		URL:            p.URL(),
		SourceURL:      a.SourceURL,
		Article:        ref,
		ArticleSlug:    a.Slug,
		Themes:         d.signals.themesOf(p.Themes, toks),
		Municipalities: munis,
		Roles:          roles,
		People:         p.People,
	}
	f := map[string]any{
		FieldTitle:    r.FieldText(FieldTitle),
		FieldHeadings: r.FieldText(FieldHeadings),
		FieldBody:     r.FieldText(FieldBody),
		FieldNames:    namesOf(d.c, p.People, munis),
		FieldArticle:  a.Slug,
	}
	doc, err := d.add(PassageID(a.Slug, p.Anchor), fmt.Sprintf("a%03d-%05d-0000", a.Part, i), f, r,
		map[string]analysis.TokenStream{FieldBody: toks})
	doc.tokens = toks
	return doc, err
}

// quote adds quote q of article a, which stands in the passage'th passage.
func (d *documents) quote(a *corpus.Article, ref *ArticleRef, passage int, q *corpus.Quote) (Document, error) {
	toks := d.signals.analyzer.Analyze([]byte(q.Text))
	r := Record{
		Kind:        KindQuote,
		Text:        q.Text,
		Headings:    q.Passage.Headings,
		URL:         q.URL(),
		SourceURL:   a.SourceURL,
		Article:     ref,
		ArticleSlug: a.Slug,
		Whole:       q.Whole,
		Attribution: string(q.Attribution),
		Themes:      d.signals.themesOf(q.Themes, toks),
	}
	// A quote is found by its own words and its speaker, never by
	// the title or headings around it: kind=quote for a phrase of a
	// heading must not list the quotes below that heading.
	f := map[string]any{
		FieldQuote:   r.FieldText(FieldQuote),
		FieldArticle: a.Slug,
	}
	var speakers []string
	if per := d.c.Person(q.Speaker); per != nil {
		r.Speaker = personRef(d.c, per)
		r.SpeakerID = per.ID
		r.Title = per.Name
		r.Roles = []string{per.RoleCategory}
		r.Municipalities = nonNil(nonEmpty(per.Municipality))
		speakers = []string{per.ID}
		r.People = speakers
	} else {
		// A quote without a speaker cannot be cited: no citation.
		r.Title = "Citaat"
		r.Roles = []string{}
		r.Municipalities = []string{}
	}
	f[FieldNames] = namesOf(d.c, speakers, r.Municipalities)
	return d.add(QuoteID(a.Slug, q.N), fmt.Sprintf("a%03d-%05d-%04d", a.Part, passage, q.N), f, r,
		map[string]analysis.TokenStream{FieldQuote: toks})
}

// person adds the person per.
func (d *documents) person(per *corpus.Person) (Document, error) {
	ref := personRef(d.c, per)
	r := Record{
		Kind:           KindPerson,
		Title:          per.Name,
		Text:           personText(ref),
		Speaker:        ref,
		SpeakerID:      per.ID,
		Themes:         []string{},
		Municipalities: nonNil(nonEmpty(per.Municipality)),
		Roles:          []string{per.RoleCategory},
		People:         []string{per.ID},
	}
	r.URL = PersonURL(per.ID)
	if per.First != nil {
		r.SourceURL = per.First.Article.SourceURL
		r.Article = articleRef(per.First.Article)
		r.ArticleSlug = per.First.Article.Slug
	}
	f := map[string]any{
		FieldTitle: r.FieldText(FieldTitle),
		FieldBody:  r.FieldText(FieldBody),
		FieldNames: namesOf(d.c, []string{per.ID}, r.Municipalities),
	}
	return d.add(PersonID(per.ID), "p-"+corpus.FoldName(per.Name), f, r, nil)
}

// Document ids.
func PassageID(slug, anchor string) string { return "passage/" + slug + "#" + anchor }
func QuoteID(slug string, n int) string    { return fmt.Sprintf("quote/%s/%d", slug, n) }
func PersonID(id string) string            { return "person/" + id }

// PersonURL is the site path of a person's page.
func PersonURL(id string) string { return "/personen/" + id }

// Citation formats a quote ready to paste, in Dutch: the quote (a quote
// split by its attribution whole, as published), who said it (name, role
// as written, and the organisation or else the municipality), the article
// with its part of the series, the publisher, the publication date when
// the corpus has one, and the link:
//
//	“Privacy is geen rem” — Joris Mulder, Beleidsmedewerker Data, Gemeente
//	Voorbeeldstad. Uit: “Het digitale loket van Voorbeeldstad”
//	(Voorbeeldreeks: leren van elkaar, deel 1 van 2), voorbeeldreeks.example,
//	4 maart 2019. https://voorbeeldreeks.example/het-digitale-loket#data-2
//
// quoted is the quote with its quotation marks. The link is the one
// CitationLink makes; the web server may put its public address instead.
func Citation(quoted string, sp *PersonRef, a *ArticleRef, link string) string {
	var b strings.Builder
	b.WriteString(quoted)
	if sp != nil {
		who := sp.Name
		if a := sp.Affiliation(); a != "" {
			who += ", " + a
		}
		fmt.Fprintf(&b, " — %s.", who)
	}
	if a != nil {
		fmt.Fprintf(&b, " Uit: “%s”", a.Title)
		var where []string
		if a.Series != "" && a.Series != a.Title {
			where = append(where, a.Series)
		}
		if part := a.PartLabel(); part != "" {
			where = append(where, part)
		}
		if len(where) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(where, ", "))
		}
		if pub := a.PublisherName(); pub != "" {
			fmt.Fprintf(&b, ", %s", pub)
		}
		if d := DutchDate(a.Published); d != "" {
			fmt.Fprintf(&b, ", %s", d)
		}
		b.WriteString(".")
	}
	if link != "" {
		fmt.Fprintf(&b, " %s", link)
	}
	return b.String()
}

// CitationLink is the link a citation ends with: the article's source
// address with the passage's anchor, or, for an article without one, the
// site path of the passage (url).
func CitationLink(sourceURL, url string) string {
	if sourceURL == "" {
		return url
	}
	_, anchor, ok := strings.Cut(url, "#")
	if !ok {
		return sourceURL
	}
	base, _, _ := strings.Cut(sourceURL, "#")
	return base + "#" + anchor
}

// dutchMonths are the month names of DutchDate.
var dutchMonths = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// DutchDate writes a YYYY-MM-DD date as Dutch does, "4 maart 2019"; other
// text is returned as it is.
func DutchDate(ymd string) string {
	t, err := time.Parse(time.DateOnly, ymd)
	if err != nil {
		return ymd
	}
	return fmt.Sprintf("%d %s %d", t.Day(), dutchMonths[t.Month()-1], t.Year())
}

// PublisherName is who published the article: the corpus's publisher, or
// else the host of its source address (without "www.").
func (a *ArticleRef) PublisherName() string {
	if a.Publisher != "" {
		return a.Publisher
	}
	u, err := neturl.Parse(a.SourceURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

func articleRef(a *corpus.Article) *ArticleRef {
	return &ArticleRef{
		Slug: a.Slug, Title: a.Title, Series: a.Series, Part: a.Part, Parts: a.Parts,
		URL: a.URL(), SourceURL: a.SourceURL, Published: a.Published, Authors: a.Authors,
		Publisher: a.Publisher,
	}
}

func personRef(c *corpus.Corpus, p *corpus.Person) *PersonRef {
	r := &PersonRef{ID: p.ID, Name: p.Name, Role: p.Role, RoleCategory: p.RoleCategory,
		Municipality: p.Municipality, Organisation: p.Organisation}
	if m := c.Municipality(p.Municipality); m != nil {
		r.MunicipalityName = m.Name
	}
	return r
}

func personText(p *PersonRef) string {
	parts := []string{p.Role}
	if p.Organisation != "" {
		parts = append(parts, p.Organisation)
	}
	if p.MunicipalityName != "" && !strings.Contains(corpus.FoldName(p.Organisation), corpus.FoldName(p.MunicipalityName)) {
		parts = append(parts, "gemeente "+p.MunicipalityName)
	}
	return strings.Join(parts, ", ")
}

func passageTitle(p *corpus.Passage) string {
	if n := len(p.Headings); n > 0 {
		return p.Headings[n-1]
	}
	return p.Article.Title
}

// rolesOf returns the role categories of the people a passage mentions, and
// the municipalities: those named plus those of the people named.
func rolesOf(c *corpus.Corpus, people, munis []string) (roles, allMunis []string) {
	seenR, seenM := map[string]bool{}, map[string]bool{}
	roles, allMunis = []string{}, []string{}
	for _, m := range munis {
		if !seenM[m] {
			seenM[m] = true
			allMunis = append(allMunis, m)
		}
	}
	for _, id := range people {
		p := c.Person(id)
		if p == nil {
			continue
		}
		if !seenR[p.RoleCategory] {
			seenR[p.RoleCategory] = true
			roles = append(roles, p.RoleCategory)
		}
		if p.Municipality != "" && !seenM[p.Municipality] {
			seenM[p.Municipality] = true
			allMunis = append(allMunis, p.Municipality)
		}
	}
	return roles, allMunis
}

// namesOf is the text of the names field: the people's names and the
// municipalities' names with their aliases, so a search for "Den Bosch"
// finds what concerns 's-Hertogenbosch.
func namesOf(c *corpus.Corpus, people, munis []string) string {
	var names []string
	for _, id := range people {
		if p := c.Person(id); p != nil {
			names = append(names, p.Name)
		}
	}
	for _, id := range munis {
		if m := c.Municipality(id); m != nil {
			names = append(names, m.Name)
			names = append(names, m.Aliases...)
		}
	}
	return strings.Join(names, " \n ")
}

// LabelsOf returns the facet labels of a corpus.
func LabelsOf(c *corpus.Corpus) Labels {
	l := Labels{}
	for _, f := range Facets {
		l[f.Field] = f.labels(c)
	}
	return l
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// textLength is the FieldWords value of a text: its word count, capped at
// LengthCap, two digits.
func textLength(text string) string {
	return fmt.Sprintf("%02d", min(len(strings.Fields(text)), LengthCap))
}
