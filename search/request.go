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
	var p problems
	out := r
	out.Query = strings.TrimSpace(r.Query)
	q := p.parse(out.Query, r.Prefix)
	out.Filters = p.filters(r.Filters, labels)
	out.Page, out.Size = p.window(r.Page, r.Size)
	out.Sort = p.sort(r.Sort, q.Empty())
	switch out.Group {
	case GroupNone, GroupMunicipality, GroupArticle:
	default:
		p.add("group", "must be %q, %q or empty", GroupMunicipality, GroupArticle)
	}
	// Only a word still being typed is open: a space after it ends it.
	out.Prefix = r.Prefix && query.LastWordOpen(r.Query)
	if len(p) > 0 {
		return r, query.And{}, &RequestError{Params: p}
	}
	return out, q, nil
}

// problems collects what is wrong with a request, parameter by parameter.
type problems []InvalidParam

func (p *problems) add(name, format string, args ...any) {
	*p = append(*p, InvalidParam{Name: name, Reason: fmt.Sprintf(format, args...)})
}

// parse parses the query text; a prefix (instant) search reads an
// unfinished query leniently.
func (p *problems) parse(text string, prefix bool) query.And {
	if problem := queryTextProblem(text); problem != "" {
		p.add("q", "%s", problem)
		return query.And{}
	}
	parsed, err := query.Parse(text)
	if err != nil && prefix {
		parsed, err = query.ParseLenient(text)
	}
	if err != nil {
		p.add("q", "%s", strings.TrimPrefix(err.Error(), "query syntax: "))
		return query.And{}
	}
	return parsed
}

// filters checks the filters against the declared facets and their
// values, dropping repeated values.
func (p *problems) filters(filters map[string][]string, labels index.Labels) map[string][]string {
	out := map[string][]string{}
	for name, vals := range filters {
		facet, ok := index.FacetByID(name)
		if !ok {
			p.add(name, "unknown filter; the filters are %s", strings.Join(FacetNames, ", "))
			continue
		}
		known := labels[facet.Field]
		for _, v := range vals {
			if !slices.ContainsFunc(known, func(l index.Label) bool { return l.Value == v }) {
				p.add(name, "unknown value %q", v)
				continue
			}
			if !slices.Contains(out[name], v) {
				out[name] = append(out[name], v)
			}
		}
	}
	return out
}

// window checks page and size, 0 meaning the default.
func (p *problems) window(page, size int) (int, int) {
	if page == 0 {
		page = 1
	}
	if page < 1 || page > MaxPage {
		p.add("page", "must be between 1 and %d", MaxPage)
	}
	if size == 0 {
		size = DefaultSize
	}
	if size < 1 || size > MaxSize {
		p.add("size", "must be between 1 and %d", MaxSize)
	} else if page > 0 && page*size > MaxResultWindow {
		p.add("page", "page × size must be at most %d", MaxResultWindow)
	}
	return page, size
}

// sort checks the sort order; "" picks relevance when there are words
// to rank by, else reading order.
func (p *problems) sort(order string, noWords bool) string {
	switch order {
	case "":
		if noWords {
			return SortArticle
		}
		return SortRelevance
	case SortRelevance, SortArticle:
	default:
		p.add("sort", "must be %q or %q", SortRelevance, SortArticle)
	}
	return order
}
