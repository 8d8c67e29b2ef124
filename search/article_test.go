package search

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
)

// shippedCorpus loads the corpus embedded in the binary, which
// shippedSearcher indexes.
func shippedCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(corpus.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestArticleReturnsPassagesInReadingOrder(t *testing.T) {
	s, c := shippedSearcher(t), shippedCorpus(t)
	for _, a := range c.Articles {
		t.Run(a.Slug, func(t *testing.T) {
			got, err := s.Article(context.Background(), a.Slug, "")
			if err != nil {
				t.Fatal(err)
			}
			if got.Article.Slug != a.Slug || got.Article.Title != a.Title {
				t.Errorf("article = %q %q, want %q %q", got.Article.Slug, got.Article.Title, a.Slug, a.Title)
			}
			type passage struct {
				Anchor, Text string
				Headings     []string
			}
			var want, have []passage
			for _, p := range a.Passages {
				want = append(want, passage{p.Anchor, p.Text, p.Headings})
			}
			for _, p := range got.Passages {
				have = append(have, passage{p.Anchor, p.Text, p.Headings})
				if marked := p.Fragment().HTML(); strings.Contains(marked, "<mark>") {
					t.Errorf("passage %s marked without a query: %s", p.Anchor, marked)
				}
			}
			if diff := cmp.Diff(want, have); diff != "" {
				t.Errorf("passages (-want +got):\n%s", diff)
			}
		})
	}
}

func TestArticleMarksQueryWords(t *testing.T) {
	s, c := shippedSearcher(t), shippedCorpus(t)
	slug := c.Articles[0].Slug
	got, err := s.Article(context.Background(), slug, "gemeente -innovatie")
	if err != nil {
		t.Fatal(err)
	}
	marked := map[string]bool{}
	for _, p := range got.Passages {
		for _, part := range p.Fragment().Parts {
			if part.Mark {
				marked[strings.ToLower(part.Text)] = true
			}
		}
		if text := p.Fragment().Text("", ""); text != p.Text {
			t.Errorf("passage %s: fragment text %q differs from the text %q", p.Anchor, text, p.Text)
		}
	}
	// Every inflection of the query word is marked; excluded words are not.
	for _, w := range []string{"gemeente", "gemeenten"} {
		if !marked[w] {
			t.Errorf("%q is not marked; marked: %v", w, marked)
		}
	}
	if marked["innovatie"] {
		t.Errorf("the excluded word is marked")
	}
}

func TestArticleIgnoresAQueryThatDoesNotParse(t *testing.T) {
	s, c := shippedSearcher(t), shippedCorpus(t)
	got, err := s.Article(context.Background(), c.Articles[0].Slug, `"open phrase`)
	if err != nil {
		t.Fatalf("a bad query on the article page is an error: %v", err)
	}
	if len(got.Passages) == 0 {
		t.Fatal("no passages")
	}
}

func TestArticleUnknownSlug(t *testing.T) {
	s := shippedSearcher(t)
	_, err := s.Article(context.Background(), "bestaat-niet", "")
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}
