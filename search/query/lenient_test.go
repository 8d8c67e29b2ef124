package query

import "testing"

func TestFinish(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`gemee`, `gemee`},
		{`"verantwoord data`, `"verantwoord data"`},
		{`“verantwoord data`, `“verantwoord data"`},
		{`data "`, `data`},
		{`data -`, `data`},
		{`data OR`, `data`},
		{`OR data`, `data`},
		{`"a" "b`, `"a" "b"`},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := finish(tc.in); got != tc.want {
				t.Errorf("finish(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
