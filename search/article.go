package search

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search/query"
)

// ArticleText is an article with the text of all its passages in reading
// order: what the article page shows. It is read from the index, so a
// server needs no corpus files.
type ArticleText struct {
	Article  Article          `json:"article"`
	Passages []ArticlePassage `json:"passages"`
	// Page is the page of the article these passages are, from 1; Pages
	// how many pages it has (corpus.PassagesPerPage passages each).
	Page  int `json:"page"`
	Pages int `json:"pages"`
}

// ArticlePassage is one passage of an article.
type ArticlePassage struct {
	// ID is the passage's id in the index, as search hits give it.
	ID string `json:"id"`
	// Anchor is the passage's id in the page: hit URLs end in #Anchor.
	Anchor         string   `json:"anchor"`
	Headings       []string `json:"headings"`
	Text           string   `json:"text"`
	Themes         []string `json:"themes"`
	Municipalities []string `json:"municipalities"`

	fragment Fragment
}

// Fragment returns the whole text of the passage with the words of the
// query given to Article marked.
func (p ArticlePassage) Fragment() Fragment { return p.fragment }

// Article returns the first page of the article with the slug; see
// ArticlePage.
func (s *Searcher) Article(ctx context.Context, slug, words string) (*ArticleText, error) {
	return s.ArticlePage(ctx, slug, words, 1)
}

// ArticlePage returns one page of the passages of the article with the
// slug (corpus.PassagesPerPage of them), in reading order, with the words
// of the query words marked in them (a query that does not parse marks nothing:
// marking is a courtesy, not a search). An unknown slug, or a page past
// the last, is ErrNotFound.
func (s *Searcher) ArticlePage(ctx context.Context, slug, words string, page int) (*ArticleText, error) {
	if page < 1 {
		return nil, fmt.Errorf("article %q: page %d: %w", slug, page, ErrNotFound)
	}
	l, release, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer release()
	bySlug := bleve.NewTermQuery(slug)
	bySlug.SetField(index.FieldArticle)
	passages := bleve.NewTermQuery(index.KindPassage)
	passages.SetField(index.FieldKind)
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bySlug, passages), corpus.PassagesPerPage, (page-1)*corpus.PassagesPerPage, false)
	req.Fields = []string{index.FieldRecord}
	req.SortBy([]string{index.FieldOrder, "_id"})
	br, err := l.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", slug, err)
	}
	if len(br.Hits) == 0 {
		return nil, fmt.Errorf("article %q: %w", slug, ErrNotFound)
	}
	var terms map[string]bool
	if q, err := query.Parse(strings.TrimSpace(words)); err == nil {
		// The words a search also looked for are marked too: a reader who
		// searched "inwoners" lands on a passage that says "burgers".
		if xq, _, err := l.expand(ctx, q, false); err == nil {
			q = xq
		}
		terms = l.queryTerms(q)
	}
	out := &ArticleText{Passages: make([]ArticlePassage, 0, len(br.Hits)), Page: page,
		Pages: (int(br.Total) + corpus.PassagesPerPage - 1) / corpus.PassagesPerPage}
	for _, dm := range br.Hits {
		raw, _ := dm.Fields[index.FieldRecord].(string)
		rec, err := l.refs.Record([]byte(raw))
		if err != nil {
			return nil, fmt.Errorf("article %s: record of %s: %w", slug, dm.ID, err)
		}
		if rec.Article != nil && out.Article.Slug == "" {
			out.Article = *rec.Article
		}
		_, anchor, _ := strings.Cut(rec.URL, "#")
		out.Passages = append(out.Passages, ArticlePassage{
			ID:             dm.ID,
			Anchor:         anchor,
			Headings:       rec.Headings,
			Text:           rec.Text,
			Themes:         rec.Themes,
			Municipalities: rec.Municipalities,
			fragment:       Highlight(rec.Text, l.termSpans(rec.Text, terms)),
		})
	}
	return out, nil
}
