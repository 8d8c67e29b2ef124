package sqlbench

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/search/query"
)

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{"data", `("data")`},
		{"data privacy", `("data" AND "privacy")`},
		{`"digitale infrastructuur"`, `("digitale infrastructuur")`},
		{"burgers -technologie", `(("burgers") NOT "technologie")`},
		{`data -"open data" -avg`, `((("data") NOT "open data") NOT "avg")`},
		{"inclusiviteit OR toegankelijkheid", `(("inclusiviteit" OR "toegankelijkheid"))`},
		{"e-privacy", `("e-privacy")`},
	} {
		q, err := query.Parse(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := ftsQuery(q); got != tc.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tc.query, got, tc.want)
		}
	}
}

func TestPGTSQuery(t *testing.T) {
	for _, tc := range []struct {
		query, want string
		args        []any
	}{
		{"data privacy", "(plainto_tsquery('dutch', $1::text) && plainto_tsquery('dutch', $2::text))", []any{"data", "privacy"}},
		{`"digitale infrastructuur" -avg`, "(phraseto_tsquery('dutch', $1::text) && (!! plainto_tsquery('dutch', $2::text)))", []any{"digitale infrastructuur", "avg"}},
		{"a OR b", "((plainto_tsquery('dutch', $1::text) || plainto_tsquery('dutch', $2::text)))", []any{"a", "b"}},
	} {
		q, err := query.Parse(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		ps := &params{prefix: "$"}
		if got := pgTSQuery(q, ps); got != tc.want {
			t.Errorf("pgTSQuery(%q) = %s, want %s", tc.query, got, tc.want)
		}
		if diff := cmp.Diff(tc.args, ps.args); diff != "" {
			t.Errorf("pgTSQuery(%q) arguments (-want +got):\n%s", tc.query, diff)
		}
	}
}
