package index

import (
	"fmt"
	"strings"
)

// Record is what a search hit shows of a document. It is stored as JSON in
// FieldRecord, so that results need nothing but the index. The article and
// the speaker are stored once for the whole index (see Refs) and a record
// names them by slug and id; Refs.Record fills in Article, Speaker,
// SourceURL and Citation, which are not stored with it.
type Record struct {
	Kind      string      `json:"kind"`
	Title     string      `json:"title"`
	Text      string      `json:"text"` // the text snippets are cut from
	Headings  []string    `json:"headings,omitempty"`
	URL       string      `json:"url"`
	SourceURL string      `json:"-"` // the article's
	Article   *ArticleRef `json:"-"`
	Speaker   *PersonRef  `json:"-"`
	// ArticleSlug and SpeakerID name Article and Speaker in Refs.
	ArticleSlug string `json:"article,omitempty"`
	SpeakerID   string `json:"speaker,omitempty"`
	// Whole is a quote split by its attribution, whole as published (see
	// corpus.Quote); the citation quotes it instead of Text.
	Whole string `json:"whole,omitempty"`
	// Attribution says how a quote's speaker was found (see corpus.Attribution).
	Attribution    string   `json:"attribution,omitempty"`
	Themes         []string `json:"themes"`
	Municipalities []string `json:"municipalities"`
	Roles          []string `json:"roles"`
	Citation       string   `json:"-"`
	// People are the person ids the document is about: a quote's speaker,
	// the people a passage names, the person of a person document. Only
	// the speaker facet reads them; hits carry Speaker instead.
	People []string `json:"-"`
}

// ArticleRef identifies the article a hit comes from.
type ArticleRef struct {
	Slug      string   `json:"slug"`
	Title     string   `json:"title"`
	Series    string   `json:"series,omitempty"`
	Part      int      `json:"part"`
	Parts     int      `json:"parts,omitempty"`
	URL       string   `json:"url"`
	SourceURL string   `json:"source_url,omitempty"`
	Published string   `json:"published,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	// Publisher is who published the article, when the corpus says;
	// PublisherName falls back to the source address's host.
	Publisher string `json:"publisher,omitempty"`
}

// PartLabel is where the article sits in its series, in Dutch, as pages
// and citations write it: "deel 2 van 7", or "deel 2" when the number of
// parts is unknown, or "" when the part is.
func (a *ArticleRef) PartLabel() string {
	switch {
	case a == nil || a.Part <= 0:
		return ""
	case a.Parts > 0:
		return fmt.Sprintf("deel %d van %d", a.Part, a.Parts)
	}
	return fmt.Sprintf("deel %d", a.Part)
}

// Affiliation is what follows a person's name in citations and speaker
// lines, in Dutch: the role as written and the organisation as written
// ("Pluryn"), or, without one, the municipality ("gemeente Breda").
func (p *PersonRef) Affiliation() string {
	var parts []string
	if p.Role != "" {
		parts = append(parts, p.Role)
	}
	switch {
	case p.Organisation != "":
		parts = append(parts, p.Organisation)
	case p.MunicipalityName != "":
		parts = append(parts, "gemeente "+p.MunicipalityName)
	}
	return strings.Join(parts, ", ")
}

// PersonRef describes a person as hits show them.
type PersonRef struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Role             string `json:"role"`
	RoleCategory     string `json:"role_category"`
	Municipality     string `json:"municipality,omitempty"`
	MunicipalityName string `json:"municipality_name,omitempty"`
	Organisation     string `json:"organisation,omitempty"`
}

// Labels maps each facet field to its values' display labels, in display
// order. It is stored in the index so a searcher needs no corpus.
type Labels map[string][]Label

// Label is one facet value and its label.
type Label struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Info describes an index build.
type Info struct {
	BuiltAt   string `json:"built_at"` // RFC 3339, UTC
	Documents int    `json:"documents"`
	Articles  int    `json:"articles"`
	Passages  int    `json:"passages"`
	Quotes    int    `json:"quotes"`
	People    int    `json:"people"`
}
