package corpus

import "strconv"

// Corpus is a loaded, validated article series.
type Corpus struct {
	Articles       []*Article
	People         []*Person
	Themes         []*Theme
	Municipalities []*Municipality
	// Synonyms are the sets of synonyms.yaml, in file order.
	Synonyms []*SynonymSet
	// Warnings are the problems that did not stop the load.
	Warnings Problems

	articleBySlug map[string]*Article
	personByID    map[string]*Person
	themeByID     map[string]*Theme
	muniByID      map[string]*Municipality
}

// Article is one article of the series.
type Article struct {
	Path      string // file path inside the corpus, for messages
	Slug      string
	Title     string
	Series    string
	Part      int // 1-based part of the series
	Parts     int // number of parts in the series; 0 when unknown
	SourceURL string
	Published string // YYYY-MM-DD, empty when the text does not give one
	Publisher string // who published it (front matter "publisher"), if given
	Authors   []string
	Themes    []string // article-level theme ids
	// ImportHash is the hash `vanelkaar import` wrote with the file; a
	// file whose content no longer matches it was edited by hand.
	ImportHash string
	Body       string // the Markdown body, without front matter
	BodyLine   int    // line of Path where Body starts
	Passages   []*Passage
	Quotes     []*Quote
}

// DropBodies clears the articles' Markdown bodies (Article.Body), which
// nothing reads once the corpus is loaded: a build that loaded the corpus
// for itself holds a third less (a million generated passages: about
// 400 MB less).
func (c *Corpus) DropBodies() {
	for _, a := range c.Articles {
		a.Body = ""
	}
}

// URL is the site path of the article page.
func (a *Article) URL() string { return "/artikelen/" + a.Slug }

// Passage is a paragraph or list item of an article: the unit most results
// point at.
type Passage struct {
	Article  *Article
	Anchor   string   // stable within the article: section slug plus a counter
	Headings []string // the heading path, outermost first
	Text     string   // plain text, inline Markdown removed
	Line     int      // line in the article file where the block starts
	Index    int      // the passage's place in the article, from 0
	// Themes are the theme ids of the passage's section (its heading's
	// theme=...). The index adds the themes whose signal words the text
	// contains (see index.Documents): matching them needs the analyzer.
	Themes []string
	// People and Municipalities are the ids of those the passage mentions:
	// people by full name, or by first name or surname once the full name
	// came earlier in the article; municipalities by name or alias.
	People         []string
	Municipalities []string

	section    int         // sections count from 1; a quote never crosses one
	lineStarts []int       // offsets in Text where the block's next lines start
	marks      []quoteMark // the editor's {spreker=...} marks
	names      []nameUse   // the names in Text, resolved in the article
}

// PassagesPerPage is how many passages one page of an article shows: a
// longer article is paged, so its page stays a sane size to send and to
// render.
const PassagesPerPage = 200

// ArticlePage is the page of its article that a passage is on, from 1.
func (p *Passage) ArticlePage() int { return p.Index/PassagesPerPage + 1 }

// URL is the deep link to the passage: its article's page, with the page
// number when it is not the first.
func (p *Passage) URL() string {
	if page := p.ArticlePage(); page > 1 {
		return p.Article.URL() + "?pagina=" + strconv.Itoa(page) + "#" + p.Anchor
	}
	return p.Article.URL() + "#" + p.Anchor
}

// Attribution tells how a quote's speaker was found.
type Attribution string

// The ways a quote gets its speaker.
const (
	AttrNone     Attribution = ""         // not attributed
	AttrExplicit Attribution = "explicit" // the editor's {spreker=...} mark
	AttrVerb     Attribution = "verb"     // "aldus X", "zegt X", "volgens X", ...
	AttrColon    Attribution = "colon"    // "X: “...”", "X zegt: “...”"
	AttrPrevious Attribution = "previous" // a sentence before the quote names the speaker
)

// Quote is the words of an interviewee, in quotation marks in the text.
type Quote struct {
	Article *Article
	Passage *Passage // the passage in which the quote starts
	N       int      // 1-based number of the quote in its article
	// Text is the words inside the quotation marks; the pieces of a quote
	// over several paragraphs are joined by a space.
	Text        string
	Pieces      []Piece // where the words are, one piece per paragraph
	Speaker     string  // person id; empty when unattributed
	Attribution Attribution
	Line        int      // line of the opening quotation mark
	Themes      []string // the theme ids of the passage's section
	// Whole is set on each piece of a quote split by its attribution
	// (“A,” zegt X. “B.”): the text as published from the first piece's
	// opening mark to the last piece's closing mark, attribution included,
	// so a citation of either piece gives both. Empty for a quote in one
	// piece.
	Whole string

	open   int      // offset of the opening mark in Passage.Text
	last   *Passage // the passage in which the quote ends
	close  int      // offset just past the closing mark in last.Text
	marked string   // person id of an explicit {spreker=...} mark
	first  *Quote   // the first piece of a split quote, when this is a later one
}

// URL is the deep link to the passage in which the quote starts.
func (q *Quote) URL() string { return q.Passage.URL() }

// Person is an interviewee.
type Person struct {
	ID           string
	Name         string
	Role         string // the role as written
	RoleCategory string // one of RoleCategories' ids
	Municipality string // municipality id
	Organisation string
	Line         int // line in people.yaml
	// First is the first passage that names the person, if any.
	First *Passage
}

// Municipality is a Dutch municipality the series talks about.
type Municipality struct {
	ID       string
	Name     string
	Aliases  []string
	Province string
}

// Theme is one of the series' themes.
type Theme struct {
	ID          string
	Label       string
	Description string
	Signals     []string
}

// Category is a fixed facet value with its Dutch label.
type Category struct {
	ID    string
	Label string
}

// RoleCategories are the values of the role facet.
var RoleCategories = []Category{
	{"bestuur", "Bestuur"},
	{"directie", "Directie"},
	{"management", "Management"},
	{"advies-en-beleid", "Advies en beleid"},
	{"uitvoering", "Uitvoering"},
}

func categoryKnown(cs []Category, id string) bool {
	for _, c := range cs {
		if c.ID == id {
			return true
		}
	}
	return false
}

// Article returns the article with the slug, or nil.
func (c *Corpus) Article(slug string) *Article { return c.articleBySlug[slug] }

// Person returns the person with the id, or nil.
func (c *Corpus) Person(id string) *Person { return c.personByID[id] }

// Theme returns the theme with the id, or nil.
func (c *Corpus) Theme(id string) *Theme { return c.themeByID[id] }

// Municipality returns the municipality with the id, or nil.
func (c *Corpus) Municipality(id string) *Municipality { return c.muniByID[id] }
