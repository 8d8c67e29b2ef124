package index

import (
	"slices"

	"vanelkaar/corpus"
)

// Facet declares one facet: everything the index, the searcher, the HTTP
// API, its OpenAPI document, the command line and the pages know about it.
// The facet's ID is at once its name in requests and results, its URL
// parameter, its JSON key under "facets" and its command-line flag
// (--<ID>). Adding a facet is one entry in Facets (plus its tests): the
// mapping, the documents, the stored labels, the request checks, the
// counts, the filter groups of the results page and the CLI flags all
// range over Facets; a test checks that the OpenAPI document agrees.
type Facet struct {
	ID    string // request and result name, URL parameter, CLI flag
	Field string // the keyword field of the index
	// Legend is the Dutch legend of the facet's filter group on the page.
	Legend string
	// Within and Everywhere are the Dutch words for a search with and
	// without the facet's filter, on the page's dead-end line: "Geen
	// resultaten voor … in Breda; wel 4 in alle gemeenten".
	Within, Everywhere string
	// Values describes the values in English, for the CLI's help and the
	// OpenAPI document: "Theme ids".
	Values string
	// Doc, when set, says more about what a value selects, in English.
	Doc string
	// Example is a value, for the OpenAPI document.
	Example string
	// Fixed lists the values and their labels when they are the same for
	// every corpus (the OpenAPI document then lists them as an enum);
	// otherwise Labels reads them from the corpus.
	Fixed  []corpus.Category
	Labels func(c *corpus.Corpus) []Label
	// Of returns the values a document has.
	Of func(r *Record) []string
}

// Facet ids that code refers to by name.
const (
	FacetTheme        = "theme"
	FacetMunicipality = "municipality"
	FacetRole         = "role"
	FacetKind         = "kind"
	FacetSpeaker      = "speaker"
)

// Facets are the facets, in display order.
var Facets = []Facet{
	{
		ID: FacetTheme, Field: FieldTheme, Legend: "Thema",
		Within: "in het thema", Everywhere: "in alle thema’s",
		Values: "Theme ids", Example: "inclusiviteit",
		Labels: func(c *corpus.Corpus) []Label {
			var l []Label
			for _, t := range c.Themes {
				l = append(l, Label{t.ID, t.Label})
			}
			return l
		},
		Of: func(r *Record) []string { return r.Themes },
	},
	{
		ID: FacetMunicipality, Field: FieldMunicipality, Legend: "Gemeente",
		Within: "in", Everywhere: "in alle gemeenten",
		Values: "Municipality ids (slugs)", Example: "amsterdam",
		Labels: func(c *corpus.Corpus) []Label {
			var l []Label
			for _, m := range c.Municipalities {
				l = append(l, Label{m.ID, m.Name})
			}
			return l
		},
		Of: func(r *Record) []string { return r.Municipalities },
	},
	{
		ID: FacetRole, Field: FieldRole, Legend: "Rol",
		Within: "bij de rol", Everywhere: "bij alle rollen",
		Values: "Role categories", Example: "bestuur",
		Fixed: corpus.RoleCategories,
		Of:    func(r *Record) []string { return r.Roles },
	},
	{
		ID: FacetSpeaker, Field: FieldSpeaker, Legend: "Spreker",
		Within: "van", Everywhere: "van alle sprekers",
		Values: "Person ids (of people.yaml)", Example: "theo-veltman",
		Doc: "A person selects their quotes, their person hit and the passages that name them.",
		Labels: func(c *corpus.Corpus) []Label {
			var l []Label
			for _, p := range c.People {
				l = append(l, Label{p.ID, p.Name})
			}
			return l
		},
		Of: func(r *Record) []string { return r.People },
	},
	{
		ID: FacetKind, Field: FieldKind, Legend: "Soort resultaat",
		Within: "bij de soort", Everywhere: "van elke soort",
		Values: "Kinds of hits", Example: KindQuote,
		Fixed: Kinds,
		Of:    func(r *Record) []string { return []string{r.Kind} },
	},
}

// FacetByID returns the facet with the id.
func FacetByID(id string) (Facet, bool) {
	i := slices.IndexFunc(Facets, func(f Facet) bool { return f.ID == id })
	if i < 0 {
		return Facet{}, false
	}
	return Facets[i], true
}

// FacetIDs returns the ids of the facets, in display order.
func FacetIDs() []string {
	ids := make([]string, len(Facets))
	for i, f := range Facets {
		ids[i] = f.ID
	}
	return ids
}

// labels returns the facet's values and labels for a corpus.
func (f Facet) labels(c *corpus.Corpus) []Label {
	if f.Fixed != nil {
		l := make([]Label, len(f.Fixed))
		for i, x := range f.Fixed {
			l[i] = Label{x.ID, x.Label}
		}
		return l
	}
	return f.Labels(c)
}
