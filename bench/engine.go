package bench

import (
	"context"
	"fmt"
	"slices"
)

// Engine is a search engine under measurement.
type Engine interface {
	// Name is the engine's name in the report.
	Name() string
	// Load replaces what the engine holds by the set's documents and
	// builds its indexes.
	Load(ctx context.Context, s *Set) error
	// Search answers a query: the best size hits with snippets, the
	// number of matches and the facet counts.
	Search(ctx context.Context, q Query, size int) (*Answer, error)
	// Close releases what Load built.
	Close() error
}

// Versioned is an engine that can tell its version once loaded.
type Versioned interface {
	Version(ctx context.Context) (string, error)
}

// Answer is an engine's answer to a query.
type Answer struct {
	Total int
	Hits  []Hit
	// Facets counts the matches per facet value, each facet under the
	// other Facets' filters but not its own; values without matches are
	// left out.
	Facets map[string]map[string]int
}

// Hit is one result with its highlighted snippet.
type Hit struct {
	ID      string
	Snippet string
}

// IDs returns the hits' ids in order.
func (a *Answer) IDs() []string {
	ids := make([]string, len(a.Hits))
	for i, h := range a.Hits {
		ids[i] = h.ID
	}
	return ids
}

// NewAnswer returns an empty answer with a count map for every facet.
func NewAnswer() *Answer {
	a := &Answer{Hits: []Hit{}, Facets: map[string]map[string]int{}}
	for _, f := range Facets {
		a.Facets[f] = map[string]int{}
	}
	return a
}

// Count adds a facet count, leaving out zeros and Facets that are not
// compared.
func (a *Answer) Count(facet, value string, n int) {
	if n > 0 && slices.Contains(Facets, facet) {
		a.Facets[facet][value] += n
	}
}

// MunicipalityCounter is an engine that counts, once loaded, the
// documents of each municipality: a summary set (SummarySet), which has
// no documents of its own to count, takes its most frequent municipality
// from the first engine.
type MunicipalityCounter interface {
	MunicipalityCounts(ctx context.Context) (map[string]int, error)
}

// countMunicipalities fills a summary set's municipality counts from e.
func (s *Set) countMunicipalities(ctx context.Context, e Engine) error {
	mc, ok := e.(MunicipalityCounter)
	if !ok {
		return fmt.Errorf("%s cannot count the documents of a summary set's municipalities", e.Name())
	}
	counts, err := mc.MunicipalityCounts(ctx)
	if err != nil {
		return fmt.Errorf("%s: municipality counts: %w", e.Name(), err)
	}
	s.muniDocs = counts
	return nil
}
