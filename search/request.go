package search

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"vanelkaar/index"
	"vanelkaar/search/query"
)

// Facet names, as used in requests and results (see index.Facets, where
// every facet is declared).
const (
	FacetTheme        = index.FacetTheme
	FacetMunicipality = index.FacetMunicipality
	FacetRole         = index.FacetRole
	FacetKind         = index.FacetKind
	FacetSpeaker      = index.FacetSpeaker
)

// Facet is the declaration of a facet.
type Facet = index.Facet

// FacetList returns the declared facets, in display order.
func FacetList() []Facet { return index.Facets }

// FacetNames lists the facets in display order.
var FacetNames = index.FacetIDs()

// Kinds of hits.
const (
	KindPassage = index.KindPassage
	KindQuote   = index.KindQuote
	KindPerson  = index.KindPerson
)

// Sort orders.
const (
	SortRelevance = "relevance" // best match first (the default with words)
	SortArticle   = "article"   // reading order: article part, then position
)

// Grouping of results.
const (
	GroupNone         = ""
	GroupMunicipality = "municipality"
	GroupArticle      = "article"
)

// Request limits.
const (
	DefaultSize = 10
	MaxSize     = 50
	MaxPage     = 500
)

// Request is what a user asks: words and filters. The CLI and the HTTP API
// both build one; Search validates it.
type Request struct {
	Query   string
	Filters map[string][]string // facet name -> selected values (OR-ed); facets are AND-ed
	Page    int                 // 1-based; 0 means 1
	Size    int                 // hits per page; 0 means DefaultSize
	Sort    string              // SortRelevance or SortArticle; "" picks by query
	Group   string              // GroupNone, GroupMunicipality or GroupArticle
	// Prefix asks for instant search, as the user types: the last word
	// also matches the words it begins (unless a space ends it), and a
	// query left unfinished (an unclosed quotation mark, a dangling minus
	// or OR) is read leniently instead of refused.
	Prefix bool
	// Exact searches only the words as typed (and their inflections): no
	// synonyms, no words written together or apart.
	Exact bool

	// prefixTerms are the indexed terms of the words the open last word
	// begins; set by Search for translate.
	prefixTerms []string
}

// String is the request's canonical form, as a URL query string with keys
// and values in a fixed order.
func (r Request) String() string {
	v := url.Values{}
	if r.Query != "" {
		v.Set("q", r.Query)
	}
	for _, f := range FacetNames {
		vals := slices.Clone(r.Filters[f])
		slices.Sort(vals)
		for _, x := range slices.Compact(vals) {
			v.Add(f, x)
		}
	}
	if r.Page > 1 {
		v.Set("page", strconv.Itoa(r.Page))
	}
	if r.Size != 0 && r.Size != DefaultSize {
		v.Set("size", strconv.Itoa(r.Size))
	}
	if r.Sort != "" {
		v.Set("sort", r.Sort)
	}
	if r.Group != "" {
		v.Set("group", r.Group)
	}
	if r.Prefix {
		v.Set("prefix", "true")
	}
	if r.Exact {
		v.Set("exact", "true")
	}
	return v.Encode()
}

// normalized returns the request with defaults filled in, or every
// problem with it at once. Labels tell which facet values exist.
func (r Request) normalized(labels index.Labels) (Request, query.And, error) {
	var bad []InvalidParam
	add := func(name, format string, args ...any) {
		bad = append(bad, InvalidParam{Name: name, Reason: fmt.Sprintf(format, args...)})
	}
	out := r
	out.Query = strings.TrimSpace(r.Query)
	var q query.And
	if problem := queryTextProblem(out.Query); problem != "" {
		add("q", "%s", problem)
	} else {
		parsed, err := query.Parse(out.Query)
		if err != nil && r.Prefix {
			parsed, err = query.ParseLenient(out.Query)
		}
		if err != nil {
			add("q", "%s", strings.TrimPrefix(err.Error(), "query syntax: "))
		} else {
			q = parsed
		}
	}
	out.Filters = map[string][]string{}
	for name, vals := range r.Filters {
		facet, ok := index.FacetByID(name)
		if !ok {
			add(name, "unknown filter; the filters are %s", strings.Join(FacetNames, ", "))
			continue
		}
		known := labels[facet.Field]
		for _, v := range vals {
			if !slices.ContainsFunc(known, func(l index.Label) bool { return l.Value == v }) {
				add(name, "unknown value %q", v)
				continue
			}
			if !slices.Contains(out.Filters[name], v) {
				out.Filters[name] = append(out.Filters[name], v)
			}
		}
	}
	if out.Page == 0 {
		out.Page = 1
	}
	if out.Page < 1 || out.Page > MaxPage {
		add("page", "must be between 1 and %d", MaxPage)
	}
	if out.Size == 0 {
		out.Size = DefaultSize
	}
	if out.Size < 1 || out.Size > MaxSize {
		add("size", "must be between 1 and %d", MaxSize)
	} else if out.Page > 0 && out.Page*out.Size > MaxResultWindow {
		add("page", "page × size must be at most %d", MaxResultWindow)
	}
	switch out.Sort {
	case "":
		out.Sort = SortRelevance
		if q.Empty() {
			out.Sort = SortArticle
		}
	case SortRelevance, SortArticle:
	default:
		add("sort", "must be %q or %q", SortRelevance, SortArticle)
	}
	switch out.Group {
	case GroupNone, GroupMunicipality, GroupArticle:
	default:
		add("group", "must be %q, %q or empty", GroupMunicipality, GroupArticle)
	}
	// Only a word still being typed is open: a space after it ends it.
	out.Prefix = r.Prefix && query.LastWordOpen(r.Query)
	if len(bad) > 0 {
		return r, query.And{}, &RequestError{Params: bad}
	}
	return out, q, nil
}
