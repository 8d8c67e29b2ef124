package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/bench"
	"vanelkaar/corpus"
)

// benchRows reads the Markdown table that `vanelkaar bench` prints: one
// map from column to cell per row.
func benchRows(t *testing.T, out string) []map[string]string {
	t.Helper()
	header := "| " + strings.Join(bench.Columns, " | ") + " |"
	_, table, ok := strings.Cut(out, header+"\n")
	if !ok {
		t.Fatalf("no table with the header %q in:\n%s", header, out)
	}
	var rows []map[string]string
	for i, line := range strings.Split(table, "\n") {
		if i == 0 {
			continue // the rule under the header
		}
		if !strings.HasPrefix(line, "| ") {
			break
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != len(bench.Columns) {
			t.Fatalf("row %q has %d cells, want %d", line, len(cells), len(bench.Columns))
		}
		row := map[string]string{}
		for j, c := range bench.Columns {
			row[c] = cells[j]
		}
		rows = append(rows, row)
	}
	return rows
}

// checkBenchRows checks the corpus and engine of each row, that the
// latencies are positive numbers, and that each ratio is the engine's p50
// over vanelkaar's p50 on the same corpus (1 for vanelkaar itself).
func checkBenchRows(t *testing.T, rows []map[string]string, want [][2]string, queries int) {
	t.Helper()
	var got [][2]string
	num := func(r map[string]string, c string) float64 {
		v, err := strconv.ParseFloat(r[c], 64)
		if err != nil || v < 0 {
			t.Errorf("%s on %s: %s is %q", r["engine"], r["corpus"], c, r[c])
		}
		return v
	}
	baseline := map[string]float64{} // corpus -> vanelkaar's p50
	for _, r := range rows {
		got = append(got, [2]string{r["corpus"], r["engine"]})
		for _, c := range []string{"p50 ms", "p95 ms", "p99 ms", "qps"} {
			if num(r, c) == 0 {
				t.Errorf("%s on %s: %s is 0", r["engine"], r["corpus"], c)
			}
		}
		num(r, "p99 ×")
		if r["queries"] != strconv.Itoa(queries) {
			t.Errorf("%s on %s: %s timed queries, want %d", r["engine"], r["corpus"], r["queries"], queries)
		}
		if r["engine"] == "vanelkaar" {
			baseline[r["corpus"]] = num(r, "p50 ms")
			if r["p50 ×"] != "1.00" || r["p99 ×"] != "1.00" {
				t.Errorf("vanelkaar's ratios to itself are %s and %s", r["p50 ×"], r["p99 ×"])
			}
			continue
		}
		// The table rounds milliseconds to three digits: allow for that.
		want := num(r, "p50 ms") / baseline[r["corpus"]]
		if got := num(r, "p50 ×"); got < want*0.98-0.01 || got > want*1.02+0.01 {
			t.Errorf("%s on %s: p50 ratio %s, want about %.2f", r["engine"], r["corpus"], r["p50 ×"], want)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// TestBenchVanelkaarOnly: the server binary's bench measures vanelkaar
// alone, on the same table as the side-by-side build.
func TestBenchVanelkaarOnly(t *testing.T) {
	code, out, errOut := runCmd(t, "", "bench", "--passages", "200", "--rounds", "2", "--tmp", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	checkBenchRows(t, benchRows(t, out), [][2]string{
		{"shipped", "vanelkaar"}, {"generated-200", "vanelkaar"},
	}, 2*len(bench.DefaultQueries()))
}

func TestBenchGenerate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	code, out, errOut := runCmd(t, "", "bench", "--generate", dir, "--passages", "60")
	if code != 0 || !strings.Contains(out, "wrote a corpus of 60 passages") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, out, _ := runCmd(t, "", "check", "--corpus", dir); code != 0 {
		t.Errorf("check of the generated corpus: exit %d\n%s", code, out)
	}
	if code, _, errOut := runCmd(t, "", "bench", "--generate", dir, "--passages", "60"); code != 1 || !strings.Contains(errOut, "empty folder") {
		t.Errorf("generating into a folder that has the files: exit %d, %q; want 1 and a hint", code, errOut)
	}
}

func TestBenchBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--passages", "many"},
		{"--passages", "-5"},
		{"--rounds", "0"},
		{"--size", "51"},
		{"extra"},
	} {
		if code, _, _ := runCmd(t, "", append([]string{"bench"}, args...)...); code != 2 {
			t.Errorf("bench %v: exit %d, want 2", args, code)
		}
	}
	queries := filepath.Join(t.TempDir(), "queries.txt")
	os.WriteFile(queries, []byte("data | colour=red\n"), 0o644)
	if code, _, errOut := runCmd(t, "", "bench", "--passages", "0", "--queries", queries); code != 1 || !strings.Contains(errOut, "colour=red") {
		t.Errorf("bad query file: exit %d, %q", code, errOut)
	}
}

// writeTreebank writes a small CoNLL-U folder of invented sentences: the
// treebank generator reads only their "# text = " lines.
func writeTreebank(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "# sent_id = %d\n# text = De raad van Voorbeeldstad besprak op dag %d het plan voor de nieuwe bibliotheek.\n1\tDe\tde\tDET\t_\t_\t2\tdet\t_\t_\n\n", i, i+1)
		fmt.Fprintf(&b, "# text = Bewoners van wijk %d vroegen om meer groen in de straten\n1\tBewoners\tbewoner\tNOUN\t_\t_\t0\troot\t_\t_\n\n", i+1)
	}
	if err := os.WriteFile(filepath.Join(dir, "fictief.conllu"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBenchGenerateTreebank(t *testing.T) {
	tb := writeTreebank(t)
	dir := filepath.Join(t.TempDir(), "corpus")
	code, out, errOut := runCmd(t, "", "bench", "--generator", "treebank", "--treebank", tb, "--generate", dir, "--passages", "60")
	if code != 0 || !strings.Contains(out, "wrote a corpus of 60 passages") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, out, _ := runCmd(t, "", "check", "--corpus", dir); code != 0 {
		t.Errorf("check of the generated corpus: exit %d\n%s", code, out)
	}
	arts, _ := filepath.Glob(filepath.Join(dir, corpus.ArticlesDir, "*.md"))
	text := ""
	for _, a := range arts {
		b, _ := os.ReadFile(a)
		text += string(b)
	}
	if !strings.Contains(text, "het plan voor de nieuwe bibliotheek") || !strings.Contains(text, "meer groen in de straten.") {
		t.Errorf("the generated articles do not hold the treebank's sentences")
	}
}

func TestBenchTreebankSet(t *testing.T) {
	code, out, errOut := runCmd(t, "", "bench", "--generator", "treebank", "--treebank", writeTreebank(t),
		"--passages", "120", "--rounds", "1", "--tmp", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	checkBenchRows(t, benchRows(t, out), [][2]string{
		{"shipped", "vanelkaar"}, {"treebank-120", "vanelkaar"},
	}, len(bench.DefaultQueries()))
}

func TestBenchGeneratorFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--generator", "markov"},
		{"--generator", "treebank"},
		{"--treebank", t.TempDir()},
	} {
		if code, _, errOut := runCmd(t, "", append([]string{"bench", "--passages", "0"}, args...)...); code != 2 || !strings.Contains(errOut, "--") {
			t.Errorf("bench %v: exit %d, %q; want 2 and the flag named", args, code, errOut)
		}
	}
	if code, _, errOut := runCmd(t, "", "bench", "--passages", "0", "--generator", "treebank", "--treebank", t.TempDir()); code != 1 || !strings.Contains(errOut, "no *.conllu") {
		t.Errorf("a treebank folder without CoNLL-U files: exit %d, %q; want 1", code, errOut)
	}
}

// TestBenchRareQueries: the rare-word mix of a generated corpus is written
// as a query list that bench reads back with --queries.
func TestBenchRareQueries(t *testing.T) {
	tb := writeTreebank(t)
	file := filepath.Join(t.TempDir(), "rare.txt")
	args := []string{"bench", "--generator", "treebank", "--treebank", tb, "--passages", "2000", "--rare-queries", file}
	code, out, errOut := runCmd(t, "", args...)
	if code != 0 || !strings.Contains(out, "rare-word queries") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := bench.ParseQueries(string(src))
	if err != nil || len(qs) == 0 {
		t.Fatalf("the written list: %d queries, %v\n%s", len(qs), err, src)
	}
	if code, _, errOut := runCmd(t, "", "bench", "--generator", "treebank", "--treebank", tb, "--passages", "100", "--rare-queries", file); code != 1 || !strings.Contains(errOut, "no rare words") {
		t.Errorf("a corpus too small for rare words: exit %d, %q; want 1 and a hint", code, errOut)
	}
}
