package web

import (
	"vanelkaar/search"
)

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
	// Typing is set when an instant search (prefix=true) found nothing:
	// the user is still typing, so the page says so instead of "nothing
	// found".
	Typing bool
	// Active lists the selected filters, each with the address without it;
	// ActiveCount is their number, shown on the phone's filter disclosure.
	Active      []activeFilter
	ActiveCount int
	// SortOptions and GroupOptions are the choices of the view controls.
	SortOptions, GroupOptions []option
	// Groups holds the grouped results when the request groups them.
	Groups []groupView
	// FilterSuggestions are names the query matches (a theme, a
	// municipality, a role, a person), each a link that applies it as a
	// filter.
	FilterSuggestions []link
}

// Empty reports whether a search found nothing, for the empty state.
func (p searchPage) Empty() bool {
	return !p.Intro && p.Problem == "" && len(p.Hits) == 0 && len(p.Groups) == 0
}

// activeFilter is one selected filter value.
type activeFilter struct {
	Legend, Label string
	URL           string // the search without this value
}

// option is one choice of a select element.
type option struct {
	Value, Label string
	Selected     bool
}

// groupView is one group of grouped results.
type groupView struct {
	ID    string // the heading's id
	Label string
	Count int
	Hits  []hitView
	// More leads to all results of the group.
	More *link
}

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
	// Title and Snippet are rendered by the "marked" template, which
	// escapes their text and marks the matches.
	Title   search.Fragment
	Snippet search.Fragment
	// Context is where a passage sits: its heading path.
	Context      string
	ArticleTitle string
	ArticleURL   string
	Part         string // "deel 2 van 7"
	Speaker      *search.Person
	// SpeakerLine is what follows the speaker's name: the role as written
	// and the organisation as written, or else the municipality.
	SpeakerLine string
	SpeakerURL  string // the speaker's page
	// MoreURL searches everything of the speaker ("meer van <naam>").
	MoreURL  string
	Citation string
	Places   []string // municipality names
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
	Text     search.Fragment
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

// personPage is the view of /personen/<id>.
type personPage struct {
	basePage
	Person search.Person
	// Line is the role and organisation (or municipality) as written.
	Line string
	// Municipality is the municipality's name; MunicipalityURL searches it.
	Municipality    string
	MunicipalityURL string
	// SearchURL searches everything of the person with the speaker filter.
	SearchURL string
	Quotes    int
	Passages  int
	Items     []hitView
}
