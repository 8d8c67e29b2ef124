package corpus

// Corpus is a loaded, validated article series.
type Corpus struct {
	Articles       []*Article
	People         []*Person
	Themes         []*Theme
	Municipalities []*Municipality
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
	Authors   []string
	Themes    []string // article-level theme ids
	Body      string   // the Markdown body, without front matter
	BodyLine  int      // line of Path where Body starts
	Passages  []*Passage
	Quotes    []*Quote
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
	Themes   []string // theme ids: the section's, plus those its words signal
	// People and Municipalities are the ids of those the passage mentions.
	People         []string
	Municipalities []string
}

// URL is the deep link to the passage.
func (p *Passage) URL() string { return p.Article.URL() + "#" + p.Anchor }

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
	Article     *Article
	Passage     *Passage // the passage in which the quote starts
	N           int      // 1-based number of the quote in its article
	Text        string   // the words inside the quotation marks
	Speaker     string   // person id; empty when unattributed
	Attribution Attribution
	Line        int
	Themes      []string
}

// ID is the quote's stable document id part: article slug and number.
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

// Kinds are the values of the kind facet: what a hit is.
var Kinds = []Category{
	{"passage", "Passage"},
	{"quote", "Citaat"},
	{"person", "Persoon"},
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
