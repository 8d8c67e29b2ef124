package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"vanelkaar/search"
)

// runCmd runs a vanelkaar command in-process and returns its exit code,
// standard output and standard error.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

// searchJSON runs `vanelkaar search --json ARGS...` and decodes the result.
func searchJSON(t *testing.T, args ...string) *search.Result {
	t.Helper()
	code, out, errOut := runCmd(t, "", append([]string{"search", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("vanelkaar search --json %v: exit %d\n%s", args, code, errOut)
	}
	var res search.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("decode output: %v\n%s", err, out)
	}
	return &res
}

func TestSearchJSONFindsThemedPassageWithMarkedSnippet(t *testing.T) {
	res := searchJSON(t, "inclusiviteit")
	for _, h := range res.Hits {
		if h.Kind == "passage" && contains(h.Themes, "inclusiviteit") && strings.Contains(h.Snippet, "<mark>") {
			return
		}
	}
	t.Errorf("no passage hit with theme inclusiviteit and a <mark> in its snippet among %d hits:\n%+v", len(res.Hits), res.Hits)
}

func TestSearchFiltersWithoutQuery(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"amsterdam", []string{"--kind", "person", "--municipality", "amsterdam"},
			[]string{"person/esther-de-leeuw", "person/ger-baron", "person/theo-veltman"}},
		{"wethouders", []string{"--kind", "person", "--role", "bestuur"},
			[]string{"person/daan-quaars", "person/john-nederstigt", "person/stijn-steenbakkers"}},
		{"two municipalities are OR-ed", []string{"--kind", "person", "--municipality", "breda", "--municipality", "delft"},
			[]string{"person/daan-quaars", "person/wilbert-hoondert"}},
		{"facets are AND-ed", []string{"--kind", "person", "--municipality", "amsterdam", "--role", "management"},
			[]string{"person/theo-veltman"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := searchJSON(t, tc.args...)
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") || res.Total != uint64(len(tc.want)) {
				t.Errorf("got %v (total %d), want %v", got, res.Total, tc.want)
			}
		})
	}
}

func TestSearchTextOutput(t *testing.T) {
	code, out, _ := runCmd(t, "", "search", "Velders")
	if code != 0 || !strings.Contains(out, "Gerard Velders") || !strings.Contains(out, "[Velders]") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestSearchGroupsTextOutput(t *testing.T) {
	code, out, _ := runCmd(t, "", "search", "--group", "municipality", "wethouder")
	for _, want := range []string{"== Breda (", "== Eindhoven (", "== Haarlemmermeer (", "[person] Daan Quaars: [Wethouder]"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, no %q in the output:\n%s", code, want, out)
		}
	}
}

func TestSearchBadQueryExits1(t *testing.T) {
	code, _, errOut := runCmd(t, "", "search", "--theme", "bestaat-niet", "data")
	if code != 1 || !strings.Contains(errOut, `unknown value "bestaat-niet"`) {
		t.Errorf("exit %d, stderr %q; want 1 and the unknown value named", code, errOut)
	}
}

func TestCheck(t *testing.T) {
	code, out, _ := runCmd(t, "", "check")
	if code != 0 {
		t.Errorf("check of the shipped corpus: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "check", "--corpus", "../../corpus/testdata/bad-theme")
	want := "../../corpus/testdata/bad-theme/artikelen/01-fout.md:5: unknown theme \"bestaat-niet\""
	if code != 1 || !strings.Contains(out, want) {
		t.Errorf("check of a corpus with an unknown theme: exit %d, output:\n%s\nwant exit 1 and %q", code, out, want)
	}
}

func TestUsage(t *testing.T) {
	if code, _, errOut := runCmd(t, ""); code != 2 || !strings.Contains(errOut, "Commands:") {
		t.Errorf("no arguments: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCmd(t, "", "nosuch"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code, _, _ := runCmd(t, "", "index"); code != 2 {
		t.Errorf("index without --out: exit %d, want 2", code)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
