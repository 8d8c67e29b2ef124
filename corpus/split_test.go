package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSplitQuoteIsWhole: the pieces of a quote split by its attribution
// carry the whole quote as published, so one citation gives both; quotes
// of different speakers, or apart, stay apart.
func TestSplitQuoteIsWhole(t *testing.T) {
	const intro = "Marieke Jansen en Joris Mulder werken bij de gemeente.\n\n"
	tests := []struct {
		name, body string
		want       []string // Whole of each quote
	}{
		{"split by the verb clause",
			"“Eerst dit,” zegt Jansen. “Dan dat.”",
			[]string{"“Eerst dit,” zegt Jansen. “Dan dat.”", "“Eerst dit,” zegt Jansen. “Dan dat.”"}},
		{"three pieces",
			"“Een,” zegt Jansen. “Twee,” zegt ze. “Drie.”",
			[]string{"“Een,” zegt Jansen. “Twee,” zegt ze. “Drie.”", "“Een,” zegt Jansen. “Twee,” zegt ze. “Drie.”", "“Een,” zegt Jansen. “Twee,” zegt ze. “Drie.”"}},
		{"two speakers",
			"“Eerst dit,” zegt Jansen. “Dan dat,” zegt Mulder.",
			[]string{"", ""}},
		{"a sentence between",
			"“Eerst dit,” zegt Jansen. Ze lacht. “Dan dat.”",
			[]string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(fixtureWith(t, intro+tt.body+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range c.Article("proef").Quotes {
				got = append(got, q.Whole)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("wholes (-want +got):\n%s", diff)
			}
		})
	}
}
