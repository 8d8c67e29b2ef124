package web

import (
	"html/template"

	"vanelkaar/search"
)

// siteName is the name pages carry in their title and header.
const siteName = "Van elkaar leren"

// basePage is what every page's layout needs.
type basePage struct {
	// Title is the page's own title; the layout adds the site name.
	Title string
	// Query is the text of the search box.
	Query string
	// Script loads the search page's script (progressive enhancement).
	Script bool
}

// searchPage is the view of / and /zoeken: the form, and the results when
// there is a request.
type searchPage struct {
	basePage
	Heading string
	// Intro is set when nothing was asked: the page shows how to search.
	Intro    bool
	Examples []link
	// Summary is the result count in words: the only text of the polite
	// live region, so screen readers hear the count and not the list.
	Summary string
	// Problem explains, in Dutch, why the request could not be answered.
	Problem    string
	Suggestion *link
	// Expansions say what was searched for besides the typed words, with
	// a link to search the typed words only; Exact that only they were,
	// with a link back.
	Expansions []expansionView
	ExactURL   string
	Exact      bool
	ExpandURL  string
	// Relaxations are links to searches that do find something, when
	// this one found nothing with every word and filter.
	Relaxations []relaxationView
	DeadEnd     string // "Geen resultaten voor “…” in Breda"
	// AnyWord says that no result has every word, so these have some.
	AnyWord bool
	Hits    []hitView
	First   int // number of the first hit on this page
	Facets  []facetView
	// ClearURL searches the same words without filters; empty when no
	// filter is set.
	ClearURL string
	Pages    *pagination
}

// Empty reports whether a search found nothing, for the empty state.
func (p searchPage) Empty() bool { return !p.Intro && p.Problem == "" && len(p.Hits) == 0 }

// expansionView is "ook gezocht op: burgers" for one typed word.
type expansionView struct {
	Words string
	Also  string // joined as Dutch joins a list
}

// relaxationView is "wel 4 in alle gemeenten" as a link.
type relaxationView struct {
	Text string
	URL  string
}

// link is a text with its address.
type link struct {
	Text, URL string
}

// hitView is one result as the page shows it.
type hitView struct {
	Kind      string // search's kind: passage, quote or person
	KindLabel string
	URL       string
	Title     template.HTML
	Snippet   template.HTML
	// Context is where a passage sits: its heading path.
	Context      string
	ArticleTitle string
	ArticleURL   string
	Part         string // "deel 2 van 7"
	Speaker      *search.Person
	Citation     string
	Places       []string // municipality names
	// Similar lists passages of other municipalities on the same subject.
	Similar *similarView
}

// IsQuote and IsPerson tell the templates which card a hit gets.
func (h hitView) IsQuote() bool  { return h.Kind == search.KindQuote }
func (h hitView) IsPerson() bool { return h.Kind == search.KindPerson }

// facetView is one facet's checkboxes.
type facetView struct {
	Name   string // the URL parameter
	Legend string
	Values []facetValueView
}

// facetValueView is one checkbox.
type facetValueView struct {
	ID      string // the input's id, for its label
	Value   string
	Label   string
	Count   int
	Checked bool
}

// articlePage is the view of /artikelen/<slug>.
type articlePage struct {
	basePage
	Article  search.Article
	Part     string
	Authors  string
	Passages []passageView
	// BackURL returns to the search the reader came from; PlainURL is the
	// page without marks. Both are set only when a query is marked.
	BackURL  string
	PlainURL string
	// Pages links the pages of a long article; nil when it has one.
	Pages *pagination
}

// passageView is a passage with the headings that open before it.
type passageView struct {
	Headings []headingView
	Anchor   string
	Text     template.HTML
	// Similar lists passages of other municipalities on the same subject.
	Similar *similarView
}

// headingView is a heading; Level is 2, 3 or 4 (the article title is the 1).
type headingView struct {
	Level int
	Text  string
}

// errorPage is the view of an error answered with HTML.
type errorPage struct {
	basePage
	Status  int
	Heading string
	Message string
}

// demoPage is the example host page of the widget.
type demoPage struct {
	basePage
	// Snippet is the HTML to paste into a host page.
	Snippet string
}
