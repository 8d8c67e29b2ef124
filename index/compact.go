package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// compact merges a freshly built index into a single segment. An index is
// built once and then only read, so what would be merged in the background
// of a live index is better done before it is served: each search then
// looks every term up once instead of once per segment, and counts facets
// from one set of doc values. On the series' scale and at 10,000 passages
// this roughly halves the time of a search with facets.
func compact(ctx context.Context, idx bleve.Index) error {
	adv, err := idx.Advanced()
	if err != nil {
		return fmt.Errorf("build index: compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil // another kind of index: nothing to do
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	if err := s.ForceMerge(ctx, &opts); err != nil {
		return fmt.Errorf("build index: compact: %w", err)
	}
	return nil
}
