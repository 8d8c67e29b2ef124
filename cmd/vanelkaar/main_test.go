package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"vanelkaar/search"
)

// runCmd runs a vanelkaar command in-process and returns its exit code,
// standard output and standard error.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
		childEnv: []string{asMainEnv + "=1"}}
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

func TestImport(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"people.yaml", "themes.yaml", "municipalities.yaml"} {
		src, err := os.ReadFile(filepath.Join("../../corpus/testdata/hostile", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "artikelen"), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "Inclusie in Voorbeeldstad\n\nAnna Jansen van gemeente Voorbeeldstad werkt aan inclusiviteit.\n"
	args := []string{"import", "--part", "2", "--corpus", dir, "-"}
	code, out, errOut := runCmd(t, text, args...)
	want := filepath.Join(dir, "artikelen", "02-inclusie-in-voorbeeldstad.md")
	if code != 0 || !strings.Contains(out, "wrote "+want) {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	// The corpus with the new article checks clean and finds it.
	if code, out, _ := runCmd(t, "", "check", "--corpus", dir); code != 0 {
		t.Errorf("check after import: exit %d\n%s", code, out)
	}
	res := searchJSON(t, "--corpus", dir, "inclusiviteit")
	if len(res.Hits) == 0 || res.Hits[0].Article == nil || res.Hits[0].Article.Slug != "inclusie-in-voorbeeldstad" {
		t.Errorf("the imported article is not found: %+v", res.Hits)
	}
	// Importing the same text again writes nothing.
	if code, out, errOut := runCmd(t, text, args...); code != 0 || out != "unchanged "+want+"\n" {
		t.Errorf("second import: exit %d, %q %q; want 0 and unchanged", code, out, errOut)
	}
	// A file edited by hand is not overwritten without --force.
	src, _ := os.ReadFile(want)
	edited := strings.Replace(string(src), "werkt aan", "werkt hard aan", 1)
	if err := os.WriteFile(want, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCmd(t, text, args...); code != 1 || !strings.Contains(out, "kept "+want+": it was edited by hand") || !strings.Contains(out, "--force") {
		t.Errorf("import over a hand edit: exit %d, %q; want 1 and a hint at --force", code, out)
	}
	if got, _ := os.ReadFile(want); string(got) != edited {
		t.Errorf("the hand edit was lost")
	}
	if code, out, _ := runCmd(t, text, "import", "--part", "2", "--force", "--corpus", dir, "-"); code != 0 || !strings.Contains(out, "overwrote "+want) {
		t.Errorf("import --force: exit %d, %q", code, out)
	}
	// Without --part there is no article.
	if code, _, errOut := runCmd(t, text, "import", "--out", "-", "-"); code != 1 || !strings.Contains(errOut, "part") {
		t.Errorf("import without --part: exit %d, %q", code, errOut)
	}
}
