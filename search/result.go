package search

import (
	"bytes"
	"encoding/json"

	"vanelkaar/index"
)

// Article and Person are the article and speaker details a hit carries.
type (
	Article = index.ArticleRef
	Person  = index.PersonRef
)

// CitationLink is the link a quote's citation ends with (see
// index.CitationLink).
func CitationLink(sourceURL, url string) string { return index.CitationLink(sourceURL, url) }

// Result answers a Request.
type Result struct {
	Query string `json:"query"`
	// Exact tells that only the typed words were searched for.
	Exact bool `json:"exact"`
	// Expansions are what the query searched for besides the typed words:
	// synonyms and other spellings, ranked below the typed words.
	Expansions []Expansion `json:"expansions"`
	// Match tells how the words were matched: "all" words, or "any" word
	// when requiring all of them found nothing.
	Match      string  `json:"match"`
	Total      uint64  `json:"total"`
	Page       int     `json:"page"`
	Size       int     `json:"size"`
	TookMS     float64 `json:"took_ms"`
	Hits       []Hit   `json:"hits"`
	Facets     Facets  `json:"facets"`
	Suggestion string  `json:"suggestion"`
	// Relaxations are searches with one word or one facet's filter left
	// out that do find something, when the search asked (every word, every
	// filter) found nothing; most results first.
	Relaxations []Relaxation `json:"relaxations"`
	// Groups holds the hits per municipality when the request asked for
	// group=municipality.
	Groups []Group `json:"groups,omitempty"`
}

// Match values.
const (
	MatchAll  = "all"
	MatchAny  = "any"
	MatchNone = "none" // no words: the filters alone
)

// Hit is one result: a passage, a quote or a person.
type Hit struct {
	ID    string  `json:"id"`
	Kind  string  `json:"kind"`
	Score float64 `json:"score"`
	Title string  `json:"title"`
	// TitleHTML is the title with the matched words in <mark>, escaped:
	// the HTML of TitleFragment, for the JSON (see WithMarks).
	TitleHTML string `json:"title_html"`
	// Snippet is the best-matching part of the text: HTML-escaped text in
	// which only <mark>…</mark> is markup; the HTML of Fragment, for the
	// JSON (see WithMarks).
	Snippet        string   `json:"snippet"`
	Text           string   `json:"text,omitempty"` // the whole text of a quote
	Headings       []string `json:"headings,omitempty"`
	URL            string   `json:"url"`
	SourceURL      string   `json:"source_url,omitempty"`
	Article        *Article `json:"article,omitempty"`
	Speaker        *Person  `json:"speaker,omitempty"`
	Attribution    string   `json:"attribution,omitempty"`
	Themes         []string `json:"themes"`
	Municipalities []string `json:"municipalities"`
	Roles          []string `json:"roles"`
	Citation       string   `json:"citation,omitempty"`

	fragment, title Fragment
}

// Fragment returns the structured snippet, for renderers that escape text
// themselves (the terminal, templates).
func (h Hit) Fragment() Fragment { return h.fragment }

// TitleFragment returns the title with its matched words as a structured
// fragment.
func (h Hit) TitleFragment() Fragment { return h.title }

// WithMarks returns the hit with its snippet and its marked title, as
// fragments for renderers and as their HTML for the JSON encoding: the one
// place where Snippet and TitleHTML are made. Templates render the
// fragments and never read the HTML back.
func (h Hit) WithMarks(snippet, title Fragment) Hit {
	h.fragment, h.title = snippet, title
	h.Snippet, h.TitleHTML = snippet.HTML(), title.HTML()
	return h
}

// hitOf is the hit of a stored record, before its marks.
func hitOf(id string, score float64, rec *index.Record) Hit {
	h := Hit{
		ID: id, Kind: rec.Kind, Score: score, Title: rec.Title, Headings: rec.Headings,
		URL: rec.URL, SourceURL: rec.SourceURL, Article: rec.Article, Speaker: rec.Speaker,
		Attribution: rec.Attribution, Themes: rec.Themes, Municipalities: rec.Municipalities,
		Roles: rec.Roles, Citation: rec.Citation,
	}
	if rec.Kind == index.KindQuote {
		h.Text = rec.Text
	}
	return h
}

// Facets holds the counts per facet value: facet name -> values. Its JSON
// has a key for every declared facet, in display order.
type Facets map[string][]FacetValue

// Get returns the values of the named facet.
func (f Facets) Get(name string) []FacetValue { return f[name] }

// MarshalJSON writes the facets in display order, each as a list.
func (f Facets) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, fc := range index.Facets {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(fc.ID)
		b.Write(key)
		b.WriteByte(':')
		vals := f[fc.ID]
		if vals == nil {
			vals = []FacetValue{}
		}
		v, err := json.Marshal(vals)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// FacetValue is one value of a facet with the number of results it has
// when selected together with the other facets' selections.
type FacetValue struct {
	Value    string `json:"value"`
	Label    string `json:"label"`
	Count    int    `json:"count"`
	Selected bool   `json:"selected"`
}

// Group is the top hits of one municipality.
type Group struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Total int    `json:"total"`
	Hits  []Hit  `json:"hits"`
}
