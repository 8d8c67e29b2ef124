package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"vanelkaar/index"
)

// PersonText is a person with everything of theirs in the series: what a
// person page shows. Like ArticleText, it is read from the index alone.
type PersonText struct {
	Person Person `json:"person"`
	// Items are the person's quotes and the passages that name them, in
	// reading order (article part, then position; a quote after the
	// passage in which it starts). Their snippets are their whole text.
	Items []Hit `json:"items"`
}

// maxPersonItems bounds the documents read for one person.
const maxPersonItems = 10000

// Person returns the person with the id and their quotes and passages in
// reading order. An unknown id is ErrNotFound.
func (s *Searcher) Person(ctx context.Context, id string) (*PersonText, error) {
	l, release, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	bySpeaker := bleve.NewTermQuery(id)
	bySpeaker.SetField(index.FieldSpeaker)
	req := bleve.NewSearchRequestOptions(bySpeaker, maxPersonItems, 0, false)
	req.SortBy([]string{index.FieldOrder, "_id"})
	req.Score = bleve.ScoreNone
	br, err := l.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("person %s: %w", id, err)
	}
	out := &PersonText{Items: []Hit{}}
	found := false
	for _, dm := range br.Hits {
		rec, err := l.record(dm.ID)
		if err != nil {
			return nil, err
		}
		if rec.Kind == index.KindPerson {
			if rec.Speaker != nil && rec.Speaker.ID == id {
				out.Person = *rec.Speaker
				found = true
			}
			continue
		}
		out.Items = append(out.Items, hitOf(dm.ID, 0, rec).WithMarks(Highlight(rec.Text, nil), Highlight(rec.Title, nil)))
	}
	if !found {
		return nil, fmt.Errorf("person %q: %w", id, ErrNotFound)
	}
	return out, nil
}
