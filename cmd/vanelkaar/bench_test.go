package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/bench"
	"vanelkaar/corpus"
	"vanelkaar/corpus/corpustest"
)

// benchTable reads a Markdown table that `vanelkaar bench` prints, the
// one with the given columns: one map from column to cell per row.
func benchTable(t *testing.T, out string, columns []string) []map[string]string {
	t.Helper()
	header := "| " + strings.Join(columns, " | ") + " |"
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
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "| "), " |"), " | ")
		if len(cells) != len(columns) {
			t.Fatalf("row %q has %d cells, want %d", line, len(cells), len(columns))
		}
		row := map[string]string{}
		for j, c := range columns {
			row[c] = cells[j]
		}
		rows = append(rows, row)
	}
	return rows
}

// benchRows reads the latency table.
func benchRows(t *testing.T, out string) []map[string]string {
	return benchTable(t, out, bench.Columns)
}

// cellNumber reads a table cell as a number that is not negative.
func cellNumber(t *testing.T, r map[string]string, c string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(r[c], 64)
	if err != nil || v < 0 {
		t.Errorf("%v: %s is %q", r, c, r[c])
	}
	return v
}

// checkBenchRows checks the corpus, mix and engine of each row, that the
// latencies are positive numbers, that each ratio is the engine's p50
// over vanelkaar's p50 on the same corpus and mix (1 for vanelkaar
// itself), and the number of timed queries: rounds times common for the
// common mix, a multiple of rounds for the rare one.
func checkBenchRows(t *testing.T, rows []map[string]string, want [][3]string, rounds, common int) {
	t.Helper()
	var got [][3]string
	baseline := map[string]float64{} // corpus and mix -> vanelkaar's p50
	for _, r := range rows {
		got = append(got, [3]string{r["corpus"], r["mix"], r["engine"]})
		for _, c := range []string{"p50 ms", "p95 ms", "p99 ms", "qps", "queries"} {
			if cellNumber(t, r, c) == 0 {
				t.Errorf("%s on %s: %s is 0", r["engine"], r["corpus"], c)
			}
		}
		if n := int(cellNumber(t, r, "queries")); r["mix"] == bench.MixCommon && n != rounds*common || n%rounds != 0 {
			t.Errorf("%s on %s, %s mix: %d timed queries, want %d rounds of the mix", r["engine"], r["corpus"], r["mix"], n, rounds)
		}
		key := r["corpus"] + "/" + r["mix"]
		if r["engine"] == "vanelkaar" {
			baseline[key] = cellNumber(t, r, "p50 ms")
			if r["p50 ×"] != "1.00" || r["p99 ×"] != "1.00" || r["faster than vanelkaar"] != "-" {
				t.Errorf("vanelkaar's ratios to itself are %s and %s, faster %s", r["p50 ×"], r["p99 ×"], r["faster than vanelkaar"])
			}
			continue
		}
		// The table rounds milliseconds to three digits: allow for that.
		want := cellNumber(t, r, "p50 ms") / baseline[key]
		if got := cellNumber(t, r, "p50 ×"); got < want*0.98-0.01 || got > want*1.02+0.01 {
			t.Errorf("%s on %s: p50 ratio %s, want about %.2f", r["engine"], key, r["p50 ×"], want)
		}
		if !regexp.MustCompile(`^\d+ of \d+$`).MatchString(r["faster than vanelkaar"]) {
			t.Errorf("%s on %s: faster than vanelkaar %q", r["engine"], key, r["faster than vanelkaar"])
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
	checkBenchRows(t, benchRows(t, out), [][3]string{
		{"shipped", "common", "vanelkaar"}, {"generated-200", "common", "vanelkaar"},
	}, 2, len(bench.DefaultQueries()))
	if strings.Contains(out, "HTTP") {
		t.Errorf("HTTP measured without --http:\n%s", out)
	}
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
		{"--http-clients", "0"},
		{"--http-clients", "4,x"},
		{"--rate-limit", "-1"},
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
	checkBenchRows(t, benchRows(t, out), [][3]string{
		{"shipped", "common", "vanelkaar"}, {"treebank-120", "common", "vanelkaar"},
	}, 1, len(bench.DefaultQueries()))
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

// TestBenchSmoke is a small run of everything the bench measures: both
// generators, both mixes, each build in a process of its own, the HTTP
// server at 1 and 4 clients, and the profiles.
func TestBenchSmoke(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, out, errOut := runCmd(t, "", "bench", "--generator", "lexicon,treebank", "--treebank", corpustest.TreebankDir(t),
		"--passages", "1200", "--rounds", "1", "--http", "--http-clients", "1,4", "--http-duration", "200ms",
		"--cpuprofile", cpu, "--memprofile", mem, "--tmp", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	checkBenchRows(t, benchRows(t, out), [][3]string{
		{"shipped", "common", "vanelkaar"},
		{"generated-1200", "common", "vanelkaar"}, {"generated-1200", "rare", "vanelkaar"},
		{"treebank-1200", "common", "vanelkaar"}, {"treebank-1200", "rare", "vanelkaar"},
	}, 1, len(bench.DefaultQueries()))
	builds := benchTable(t, out, bench.BuildColumns)
	if len(builds) != 3 {
		t.Errorf("%d build rows, want one per corpus", len(builds))
	}
	for _, b := range builds {
		disk, text := cellNumber(t, b, "on disk MB"), cellNumber(t, b, "corpus MB")
		if rss := cellNumber(t, b, "peak RSS MB"); rss < 5 || rss > 2000 || disk <= 0 || !strings.Contains(b["how"], "vanelkaar index") {
			t.Errorf("build of %s: peak RSS %s MB, %s MB on disk, how %q", b["corpus"], b["peak RSS MB"], b["on disk MB"], b["how"])
		}
		if share := cellNumber(t, b, "disk/corpus"); text > 0.1 && (share < disk/(text+0.05)-0.01 || share > disk/(text-0.05)+0.01) {
			t.Errorf("build of %s: disk/corpus %s for %s MB over %s MB", b["corpus"], b["disk/corpus"], b["on disk MB"], b["corpus MB"])
		}
	}
	checkGrowthRows(t, out, builds)
	checkHTTPRows(t, out, []string{"shipped", "generated-1200", "treebank-1200"})
	checkProfiles(t, cpu, mem)
}

// checkGrowthRows checks the per-corpus summary against the latency and
// build tables it repeats.
func checkGrowthRows(t *testing.T, out string, builds []map[string]string) {
	t.Helper()
	p50 := map[string]string{} // corpus/mix -> vanelkaar's p50
	for _, r := range benchRows(t, out) {
		p50[r["corpus"]+"/"+r["mix"]] = r["p50 ms"]
	}
	growth := benchTable(t, out, bench.GrowthColumns)
	if len(growth) != len(builds) {
		t.Fatalf("%d growth rows for %d builds", len(growth), len(builds))
	}
	for i, g := range growth {
		b := builds[i]
		if g["corpus"] != b["corpus"] || g["build s"] != b["build s"] || g["peak RSS MB"] != b["peak RSS MB"] || g["on disk MB"] != b["on disk MB"] {
			t.Errorf("growth row %v, build row %v", g, b)
		}
		rare, ok := p50[g["corpus"]+"/rare"]
		if !ok {
			rare = "-"
		}
		if g["common p50 ms"] != p50[g["corpus"]+"/common"] || g["rare p50 ms"] != rare {
			t.Errorf("growth row %v: p50 %s and %s in the latency table", g, p50[g["corpus"]+"/common"], rare)
		}
	}
}

// checkHTTPRows checks the HTTP table of a run at 1 and 4 clients without
// a rate limit: every corpus has the word and the common mix, the
// generated ones the rare mix too, and every request was answered 200.
func checkHTTPRows(t *testing.T, out string, corpora []string) {
	t.Helper()
	if !strings.Contains(out, "rate limit: none (bench's own server)") {
		t.Errorf("the rate limit in force is not reported:\n%s", out)
	}
	var got, want []string
	for i, c := range corpora {
		mixes := []string{"word `gemeente`", "common mix", "rare mix"}
		if i == 0 {
			mixes = mixes[:2] // the shipped series is too small for rare words
		}
		for _, m := range mixes {
			want = append(want, c+"/"+m+"/1", c+"/"+m+"/4")
		}
	}
	for _, r := range benchTable(t, out, bench.HTTPColumns) {
		got = append(got, r["corpus"]+"/"+r["workload"]+"/"+r["clients"])
		if cellNumber(t, r, "requests") == 0 || cellNumber(t, r, "requests/s") == 0 || r["not 200"] != "0" {
			t.Errorf("HTTP %v", r)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("HTTP rows (-want +got):\n%s", diff)
	}
}

// checkProfiles checks that the CPU profile holds vanelkaar's searches
// labelled by mix and its HTTP server, and that the heap profile was
// written; both are gzipped protocol buffers.
func checkProfiles(t *testing.T, cpu, mem string) {
	t.Helper()
	read := func(name string) string {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := io.ReadAll(z)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(b)
	}
	p := read(cpu)
	for _, s := range []string{"phase", "search", "http", "mix", "rare", "vanelkaar/search.(*Searcher).Search"} {
		if !strings.Contains(p, s) {
			t.Errorf("the CPU profile lacks %q", s)
		}
	}
	if h := read(mem); !strings.Contains(h, "inuse_space") {
		t.Errorf("the heap profile lacks inuse_space (%d bytes)", len(h))
	}
}

// TestBenchRateLimit: with --rate-limit the bench's server limits its
// clients, which are one client to it, and the report says so.
func TestBenchRateLimit(t *testing.T) {
	code, out, errOut := runCmd(t, "", "bench", "--passages", "0", "--rounds", "1", "--http", "--http-clients", "4",
		"--http-duration", "500ms", "--rate-limit", "5", "--rate-burst", "2", "--tmp", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out, "rate limit: 5 requests/s per client, burst 2") {
		t.Errorf("the rate limit is not reported:\n%s", out)
	}
	rows := benchTable(t, out, bench.HTTPColumns)
	if len(rows) == 0 || cellNumber(t, rows[0], "not 200") == 0 {
		t.Errorf("no request refused at 5 requests/s by 4 clients: %v", rows)
	}
}

// TestReadmeBenchCommands: every bench command of the README's
// Benchmarks section, and the flags it gives compare.sh (which passes
// them to bench), is one that bench accepts.
func TestReadmeBenchCommands(t *testing.T) {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(src), "\n## Benchmarks\n")
	if !ok {
		t.Fatal("README has no section Benchmarks")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	cmdLine := regexp.MustCompile(`(?m)^(?:go run (?:-tags benchsql )?\./cmd/vanelkaar bench|bench/compare\.sh)\b([^#\n]*)`)
	lines := cmdLine.FindAllStringSubmatch(section, -1)
	if len(lines) < 5 {
		t.Fatalf("%d bench commands in the README's Benchmarks section, want the compare.sh and go run lines", len(lines))
	}
	for _, l := range lines {
		t.Run(strings.TrimSpace(l[0]), func(t *testing.T) {
			fs := flag.NewFlagSet("bench", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var o benchOptions
			o.bind(fs)
			args := strings.Fields(l[1])
			if strings.HasPrefix(l[0], "bench/compare.sh") {
				// compare.sh gives bench these before the user's flags.
				args = append([]string{"--generator", "lexicon,treebank", "--treebank", "ud", "--http"}, args...)
			}
			if err := fs.Parse(args); err != nil {
				t.Fatal(err)
			}
			if _, _, err := o.check(fs.NArg()); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestBenchCorporaFolder: with --corpora a run writes each generated
// corpus into that folder, and a later run reads it from there instead
// of generating it again; the folder is a corpus `vanelkaar check` and
// `vanelkaar index --corpus` read.
func TestBenchCorporaFolder(t *testing.T) {
	corpora, tmp := t.TempDir(), t.TempDir()
	args := []string{"bench", "--passages", "200", "--rounds", "1", "--rare=false", "--tmp", tmp, "--corpora", corpora}
	var outs []string
	for run := range 2 {
		if run == 1 {
			args = append(args, "--keep-index")
		}
		code, out, errOut := runCmd(t, "", args...)
		if code != 0 {
			t.Fatalf("run %d: exit %d\n%s", run+1, code, errOut)
		}
		if generated := strings.Contains(errOut, "generating a generated corpus of 200 passages"); generated != (run == 0) {
			t.Errorf("run %d generated the corpus: %v; want only the first to\n%s", run+1, generated, errOut)
		}
		checkBenchRows(t, benchRows(t, out), [][3]string{
			{"shipped", "common", "vanelkaar"}, {"generated-200", "common", "vanelkaar"},
		}, 1, len(bench.DefaultQueries()))
		outs = append(outs, out)
	}
	dir := filepath.Join(corpora, "generated-200-seed20190101")
	if code, out, _ := runCmd(t, "", "check", "--corpus", dir); code != 0 {
		t.Errorf("check of the kept corpus: exit %d\n%s", code, out)
	}
	// The second run kept its two indexes (shipped and generated-200).
	kept, _ := filepath.Glob(filepath.Join(tmp, "vanelkaar-bench-index-*", "index", "current"))
	if len(kept) != 2 {
		t.Errorf("kept index folders: %v, want the two of the run with --keep-index", kept)
	}
	growth := []string{"corpus", "passages", "documents", "build s", "peak RSS MB", "on disk MB", "common p50 ms", "common p99 ms", "rare p50 ms", "rare p99 ms"}
	for _, c := range []string{"passages", "documents", "on disk MB"} {
		a, b := benchTable(t, outs[0], growth)[1][c], benchTable(t, outs[1], growth)[1][c]
		if a != b {
			t.Errorf("%s: %s in the first run, %s in the second, from the same corpus", c, a, b)
		}
	}
}
