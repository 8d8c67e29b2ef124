package bench

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/search/query"
)

func TestDefaultQueries(t *testing.T) {
	qs := DefaultQueries()
	if len(qs) < 10 {
		t.Fatalf("%d default queries, want at least 10", len(qs))
	}
	var filtered, phrase, or, not, noWords int
	for _, q := range qs {
		if len(q.Filters) > 0 {
			filtered++
		}
		if q.Text == "" {
			noWords++
		}
		if parsed, err := query.Parse(q.Text); err == nil {
			for _, c := range parsed.Qs {
				switch c.(type) {
				case query.Phrase:
					phrase++
				case query.Or:
					or++
				case query.Not:
					not++
				}
			}
		}
	}
	if filtered < 3 || phrase == 0 || or == 0 || not == 0 || noWords == 0 {
		t.Errorf("the default queries should use filters, phrases, OR, exclusions and filters alone: %d filtered, %d phrases, %d OR, %d NOT, %d without words",
			filtered, phrase, or, not, noWords)
	}
}

func TestParseQueries(t *testing.T) {
	for _, tc := range []struct {
		name    string
		src     string
		want    []Query
		wantErr bool
	}{
		{"words", "gemeenten innovatie\n", []Query{{Text: "gemeenten innovatie"}}, false},
		{"filters", "# comment\n\ndata | theme=a theme=b kind=quote\n",
			[]Query{{Text: "data", Filters: map[string][]string{"theme": {"a", "b"}, "kind": {"quote"}}}}, false},
		{"filters alone", "| role=bestuur", []Query{{Filters: map[string][]string{"role": {"bestuur"}}}}, false},
		{"unknown facet", "data | colour=red", nil, true},
		{"no value", "data | theme=", nil, true},
		{"bad syntax", `"open phrase`, nil, true},
		{"empty line with a bar", "|", nil, true},
		{"nothing", "# only a comment\n", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseQueries(tc.src)
			if (err != nil) != tc.wantErr {
				t.Fatalf("ParseQueries(%q): error %v, want error %v", tc.src, err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ParseQueries(%q) (-want +got):\n%s", tc.src, diff)
			}
		})
	}
}

func TestQueryString(t *testing.T) {
	for _, src := range []string{"data", "data | theme=a kind=quote", "| municipality=*", `"digitale infrastructuur" | role=bestuur`} {
		qs, err := ParseQueries(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := qs[0].String(); got != src {
			t.Errorf("String() = %q, want %q", got, src)
		}
	}
}
