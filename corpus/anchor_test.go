package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPassageAnchorsAreUnique: a passage's anchor is its id in the index
// and in links, so no two passages of an article may share one, even when a
// counted anchor (the second passage under "Foo" is foo-2) is also another
// section's own anchor.
func TestPassageAnchorsAreUnique(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"counted anchor after the section", "## Foo\n\neen\n\ntwee\n\n## Foo 2\n\ndrie\n\nvier\n",
			[]string{"foo", "foo-2", "foo-2-2", "foo-2-3"}},
		{"section before the counted anchor", "## Foo 2\n\neen\n\n## Foo\n\ntwee\n\ndrie\n",
			[]string{"foo-2", "foo", "foo-3"}},
		{"introduction", "nul\n\n## Inleiding 2\n\neen\n\n## Slot {#inleiding-3}\n\ntwee\n\n## Inleiding\n\ndrie\n\nvier\n",
			[]string{"inleiding", "inleiding-2", "inleiding-3", "inleiding-4", "inleiding-5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ps := ParseArticle("artikelen/a.md", []byte("---\ntitle: T\npart: 1\n---\n"+tt.body))
			if ps.HasErrors() {
				t.Fatal(ps)
			}
			var got []string
			for _, p := range a.Passages {
				got = append(got, p.Anchor)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("anchors (-want +got):\n%s", diff)
			}
		})
	}
}
