package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDropBodies: dropping the bodies of the shipped corpus empties them
// and leaves every passage and quote as loaded.
func TestDropBodies(t *testing.T) {
	c, err := Load(Shipped())
	if err != nil {
		t.Fatal(err)
	}
	type passage struct {
		Anchor, Text   string
		Headings, Tags []string
	}
	view := func() (ps []passage, quotes []string) {
		for _, a := range c.Articles {
			for _, p := range a.Passages {
				ps = append(ps, passage{p.Anchor, p.Text, p.Headings, p.Themes})
			}
			for _, q := range a.Quotes {
				quotes = append(quotes, q.Text+"|"+q.Speaker+"|"+q.Whole)
			}
		}
		return ps, quotes
	}
	ps, qs := view()
	if len(ps) == 0 || c.Articles[0].Body == "" {
		t.Fatalf("the shipped corpus has %d passages and a body of %d bytes", len(ps), len(c.Articles[0].Body))
	}
	c.DropBodies()
	for _, a := range c.Articles {
		if a.Body != "" {
			t.Errorf("%s keeps its body", a.Path)
		}
	}
	ps2, qs2 := view()
	if diff := cmp.Diff(ps, ps2); diff != "" {
		t.Errorf("passages changed (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(qs, qs2); diff != "" {
		t.Errorf("quotes changed (-before +after):\n%s", diff)
	}
}
