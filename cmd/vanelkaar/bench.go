package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"vanelkaar/bench"
	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
)

// benchOptions are the flags of `vanelkaar bench`.
type benchOptions struct {
	src                                 corpusSource
	sizes, generators, treebank         string
	seed                                uint64
	rounds, warmup, size                int
	queriesFile, rareOut, generate, tmp string
	corpora                             string
	pgDSN                               string
	sqlite, perQuery, rare, keepIndex   bool
	http, wrk                           bool
	httpClients, httpWord               string
	httpDuration                        time.Duration
	rateLimit                           float64
	rateBurst                           int
	cpuProfile, memProfile              string
}

// bind declares the flags, one line each.
func (o *benchOptions) bind(fs *flag.FlagSet) {
	o.src.addFlags(fs, "the real corpus to measure besides the generated ones (default: the embedded corpus)")
	fs.StringVar(&o.sizes, "passages", "100000", "passages of each generated corpus, comma-separated; 0 for none")
	fs.StringVar(&o.generators, "generator", "lexicon", "what generated corpora are made of, comma-separated: lexicon (the built-in word lists), treebank (real Dutch sentences of --treebank)")
	fs.StringVar(&o.treebank, "treebank", "", "folder of CoNLL-U files whose \"# text = \" sentences the treebank generator uses")
	fs.Uint64Var(&o.seed, "seed", synth.DefaultSeed, "seed of the generated corpora")
	fs.IntVar(&o.rounds, "rounds", 20, "timed rounds: each query runs once per round on every engine")
	fs.IntVar(&o.warmup, "warmup", 1, "untimed rounds before the timed ones")
	fs.IntVar(&o.size, "size", 10, "hits per query")
	fs.StringVar(&o.queriesFile, "queries", "", "the common mix (default: the committed list, bench/queries.txt)")
	fs.BoolVar(&o.rare, "rare", true, "also time the rare-word mix derived from each corpus of more than 1000 passages")
	fs.StringVar(&o.pgDSN, "postgres", "", "also measure PostgreSQL's full-text search at this DSN (its schema vanelkaar_bench is replaced)")
	fs.BoolVar(&o.sqlite, "sqlite", false, "also measure SQLite FTS5")
	fs.BoolVar(&o.perQuery, "per-query", false, "also print each query's median latency per engine")
	fs.StringVar(&o.tmp, "tmp", "", "folder for the index and database files (default: the system's)")
	fs.StringVar(&o.corpora, "corpora", "", "folder that keeps the generated corpora (as <generator>-<passages>-seed<seed>/) for later runs, which read them from there (default: a temporary folder, removed after the run)")
	fs.BoolVar(&o.keepIndex, "keep-index", false, "leave vanelkaar's index folders (vanelkaar-bench-index-*/index) in --tmp after the run, for serve --index")
	fs.StringVar(&o.generate, "generate", "", "write the generated corpus of the first --passages size into this folder and stop")
	fs.StringVar(&o.rareOut, "rare-queries", "", "write the rare-word mix of the generated corpus of the first --passages size into this file and stop")
	fs.BoolVar(&o.http, "http", false, "also drive vanelkaar's HTTP server on 127.0.0.1 with concurrent clients")
	fs.StringVar(&o.httpClients, "http-clients", "1,4,16", "numbers of concurrent HTTP clients, comma-separated")
	fs.DurationVar(&o.httpDuration, "http-duration", 5*time.Second, "time of each HTTP workload at each number of clients")
	fs.BoolVar(&o.wrk, "wrk", false, "with --http, also measure the common word with wrk (which must be installed)")
	fs.StringVar(&o.httpWord, "http-word", bench.DefaultHTTPWord, "the common word of the HTTP measurement")
	fs.Float64Var(&o.rateLimit, "rate-limit", 0, "the HTTP server's requests per second per client (all bench clients are one); 0 for none")
	fs.IntVar(&o.rateBurst, "rate-burst", 20, "the HTTP server's burst per client, with --rate-limit")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of vanelkaar's searches on the last corpus (and its HTTP measurement) to this file")
	fs.StringVar(&o.memProfile, "memprofile", "", "write a heap profile at the end of the run to this file")
}

// runBench measures search latency on the shipped corpus and on generated
// ones, for vanelkaar and, when asked, PostgreSQL and SQLite FTS5 on the
// same documents and queries; or, with --generate, writes a generated
// corpus to a folder, or with --rare-queries a rare-word mix to a file.
func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench", "[--passages N,N...] [--generator lexicon,treebank --treebank DIR] [--rounds N] [--postgres DSN] [--sqlite] [--http] [--per-query] | --generate DIR [--passages N]")
	var o benchOptions
	o.bind(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	gens, counts, err := o.check(fs.NArg())
	if err != nil {
		fmt.Fprintf(e.stderr, "%v\n", err)
		fs.Usage()
		return errUsage
	}
	for i := range gens {
		if err := gens[i].readSentences(); err != nil {
			return err
		}
	}
	switch {
	case o.generate != "":
		return generateCorpus(e, o.generate, counts, gens[0])
	case o.rareOut != "":
		return writeRareQueries(e, o.rareOut, counts, gens[0])
	}
	return o.run(ctx, e, gens, counts)
}

// check validates the flags and returns the generators and sizes.
func (o *benchOptions) check(extraArgs int) ([]corpusGenerator, []int, error) {
	counts, err := parseCounts(o.sizes, true)
	if err != nil {
		return nil, nil, fmt.Errorf("--passages: %w", err)
	}
	if _, err := parseCounts(o.httpClients, false); err != nil {
		return nil, nil, fmt.Errorf("--http-clients: %w", err)
	}
	if extraArgs > 0 || o.rounds < 1 || o.warmup < 1 || o.size < 1 || o.size > 50 || o.rateLimit < 0 {
		return nil, nil, fmt.Errorf("bench: bad arguments")
	}
	gens, err := newGenerators(o.generators, o.treebank, o.seed)
	return gens, counts, err
}

// run measures the engines and prints the report.
func (o *benchOptions) run(ctx context.Context, e *env, gens []corpusGenerator, counts []int) error {
	cfg, closeFiles, err := o.config(e)
	if err != nil {
		return err
	}
	defer closeFiles()
	if cfg.Queries, err = readQueries(o.queriesFile); err != nil {
		return err
	}
	others, err := sqlEngines(o.pgDSN, o.sqlite, o.tmp)
	if err != nil {
		return err
	}
	engines := append([]bench.Engine{&bench.Vanelkaar{TempDir: o.tmp, Command: indexCommand(e), Keep: o.keepIndex}}, others...)
	sets := &benchSets{src: o.src, counts: counts, gens: gens, dir: o.corpora, summary: len(others) == 0, progress: cfg.Progress}
	if sets.dir == "" {
		if sets.dir, err = os.MkdirTemp(o.tmp, "vanelkaar-bench-corpora-"); err != nil {
			return err
		}
		defer os.RemoveAll(sets.dir)
	}
	rep, err := bench.RunEach(ctx, cfg, 1+len(gens)*len(counts), sets.next, engines)
	for _, eng := range engines {
		if cerr := eng.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	if err == nil {
		err = closeFiles()
	}
	if err != nil {
		return err
	}
	return printBench(e.stdout, rep, engines, o.perQuery)
}

// config is the run's configuration; closeFiles closes the profile files.
func (o *benchOptions) config(e *env) (cfg bench.Config, closeFiles func() error, err error) {
	cfg = bench.Config{Rounds: o.rounds, Warmup: o.warmup, Size: o.size, Rare: o.rare, Progress: func(msg string) {
		fmt.Fprintf(e.stderr, "bench: %s\n", msg)
	}}
	if o.http {
		clients, _ := parseCounts(o.httpClients, false)
		cfg.HTTP = &bench.HTTPConfig{Clients: clients, Duration: o.httpDuration, RateLimit: o.rateLimit, RateBurst: o.rateBurst, Word: o.httpWord}
		if o.wrk {
			if cfg.HTTP.Wrk, err = exec.LookPath("wrk"); err != nil {
				return cfg, nil, fmt.Errorf("--wrk: %w (apt-get install wrk)", err)
			}
		}
	}
	var files []*os.File
	closeFiles = func() error {
		var err error
		for _, f := range files {
			if cerr := f.Close(); err == nil && cerr != nil && !errors.Is(cerr, os.ErrClosed) {
				err = cerr
			}
		}
		return err
	}
	for _, p := range []struct {
		name string
		dst  *io.Writer
	}{{o.cpuProfile, &cfg.CPUProfile}, {o.memProfile, &cfg.MemProfile}} {
		if p.name == "" {
			continue
		}
		f, err := os.Create(p.name)
		if err != nil {
			closeFiles()
			return cfg, nil, err
		}
		files, *p.dst = append(files, f), f
	}
	return cfg, closeFiles, nil
}

// indexCommand makes the command that builds an index folder in a process
// of its own: this program's `index`, without the corpus size limits (the
// generated corpora are ours). Without a path to this program, vanelkaar
// builds in the bench's process.
func indexCommand(e *env) func(ctx context.Context, corpusDir, indexDir string) *exec.Cmd {
	self, err := os.Executable()
	if err != nil {
		return nil
	}
	return func(ctx context.Context, corpusDir, indexDir string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, self, "index", "--corpus", corpusDir, "--out", indexDir,
			"--max-file-bytes", strconv.FormatInt(generatedLimits.MaxFileBytes, 10),
			"--max-corpus-bytes", strconv.FormatInt(generatedLimits.MaxTotalBytes, 10))
		cmd.Env = append(os.Environ(), e.childEnv...)
		return cmd
	}
}

// generateCorpus writes the generated corpus of the first size into dir.
func generateCorpus(e *env, dir string, counts []int, gen corpusGenerator) error {
	if len(counts) == 0 {
		return fmt.Errorf("--generate needs a --passages size")
	}
	if err := gen.write(dir, counts[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote a corpus of %d passages to %s\n", counts[0], dir)
	return nil
}

// writeRareQueries writes the rare-word query mix (bench.RareQueries) of
// the generated corpus of counts[0] passages as a query list.
func writeRareQueries(e *env, file string, counts []int, gen corpusGenerator) error {
	if len(counts) == 0 {
		return fmt.Errorf("--rare-queries needs a --passages size")
	}
	c, err := gen.load(counts[0])
	if err != nil {
		return err
	}
	qs := bench.RareQueries(c)
	if len(qs) == 0 {
		return fmt.Errorf("a corpus of %d passages has no rare words (in fewer than 0.1%% of the passages): use a larger --passages", counts[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Rare-word queries of the %s corpus of %d passages, seed %d: words in fewer\n# than 0.1%% of the passages, alone, in pairs of one passage, and with a theme filter.\n", gen.name, counts[0], gen.seed)
	for _, q := range qs {
		b.WriteString(q.String() + "\n")
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %d rare-word queries to %s\n", len(qs), file)
	return nil
}

// readQueries reads a query list; "" means the committed one (nil).
func readQueries(file string) ([]bench.Query, error) {
	if file == "" {
		return nil, nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	qs, err := bench.ParseQueries(string(src))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return qs, nil
}

// printBench prints the report: the set-up, the engines' versions, the
// latency, build and HTTP tables and, with perQuery, each query's median.
func printBench(w io.Writer, rep *bench.Report, engines []bench.Engine, perQuery bool) error {
	cfg := rep.Config
	rare := "no rare mix"
	if cfg.Rare {
		rare = "a rare mix derived from each corpus of more than 1000 passages"
	}
	fmt.Fprintf(w, "%d common queries and %s; %d timed rounds after %d warm-up, %d hits per query with snippets and facets; %s %s/%s, %d CPUs\n\n",
		len(cfg.Queries), rare, cfg.Rounds, cfg.Warmup, cfg.Size, runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	var versions []string
	for _, eng := range engines {
		if v := rep.Versions[eng.Name()]; v != "" {
			versions = append(versions, v)
		}
	}
	if len(versions) > 0 {
		fmt.Fprintf(w, "engines: %s\n\n", strings.Join(versions, "; "))
	}
	fmt.Fprintf(w, "Search, in this process (p50 ×, p99 ×: the engine's latency over vanelkaar's on the same corpus and mix):\n\n")
	if err := rep.WriteTable(w); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nBuild (MB are 10^6 bytes; corpus: the corpus files):\n\n")
	if err := rep.WriteBuilds(w); err != nil {
		return err
	}
	if slices.ContainsFunc(engines, func(e bench.Engine) bool { return e.Name() == "postgres" }) {
		fmt.Fprintf(w, "\nIssue 14's goals beside PostgreSQL:\n\n")
		if err := rep.WriteGoals(w, "postgres"); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\nvanelkaar per corpus (build and latency, as above):\n\n")
	if err := rep.WriteGrowth(w); err != nil {
		return err
	}
	if cfg.HTTP != nil {
		fmt.Fprintf(w, "\nHTTP: vanelkaar's server on 127.0.0.1, keep-alive clients, %s per step; rate limit: %s\n\n",
			cfg.HTTP.Duration, cfg.HTTP.RateLimitText())
		if err := rep.WriteHTTP(w); err != nil {
			return err
		}
	}
	if perQuery {
		return rep.WritePerQuery(w)
	}
	return nil
}

// benchSets makes the sets of a run: the real corpus first, then each
// generator's corpus of each size, generated into a folder of dir when
// its turn comes (or read from there when an earlier run made it). With
// vanelkaar alone (summary), a generated set keeps no corpus and no
// flattened documents (bench.SummarySet).
type benchSets struct {
	src      corpusSource
	counts   []int
	gens     []corpusGenerator
	dir      string
	summary  bool
	progress func(string)
}

// next makes the i-th set.
func (b *benchSets) next(i int) (*bench.Set, error) {
	if i == 0 {
		return shippedSet(b.src)
	}
	g, n := b.gens[(i-1)/len(b.counts)], b.counts[(i-1)%len(b.counts)]
	name := fmt.Sprintf("%s-%d", g.name, n)
	dir, err := g.folder(b.dir, n, b.progress)
	if err != nil {
		return nil, err
	}
	b.progress(fmt.Sprintf("%s: loading the corpus from %s", name, dir))
	files := os.DirFS(dir)
	c, err := corpus.LoadWith(files, generatedLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if b.summary {
		return bench.SummarySet(name, c, dir)
	}
	s, err := bench.NewSet(name, c)
	if err != nil {
		return nil, err
	}
	s.Dir = dir
	return s, s.UseFiles(files)
}

// folder returns the folder of the generated corpus of n passages in
// dir, writing it first when it is not there. A corpus is written into a
// temporary name and renamed when complete, so that an interrupted run
// leaves nothing a later one would take for a corpus.
func (g corpusGenerator) folder(dir string, n int, progress func(string)) (string, error) {
	out := filepath.Join(dir, fmt.Sprintf("%s-%d-seed%d", g.name, n, g.seed))
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	progress(fmt.Sprintf("generating a %s corpus of %d passages into %s", g.name, n, out))
	tmp := out + ".partial"
	if err := os.RemoveAll(tmp); err != nil {
		return "", err
	}
	if err := g.write(tmp, n); err != nil {
		return "", err
	}
	return out, os.Rename(tmp, out)
}

// shippedSet is the real corpus: --corpus or the embedded one.
func shippedSet(src corpusSource) (*bench.Set, error) {
	c, err := src.load()
	if err != nil {
		return nil, err
	}
	name, files := "shipped", corpus.Shipped()
	if src.Dir != "" {
		name, files = filepath.Base(src.Dir), os.DirFS(src.Dir)
	}
	s, err := bench.NewSet(name, c)
	if err != nil {
		return nil, err
	}
	return s, s.UseFiles(files)
}

// parseCounts reads "1000,100000"; with zeroIsNone, "0" means none.
func parseCounts(s string, zeroIsNone bool) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ReplaceAll(f, "_", ""))
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || n == 0 && !zeroIsNone {
			return nil, fmt.Errorf("%q is not a whole number above 0", f)
		}
		if n > 0 {
			out = append(out, n)
		}
	}
	return out, nil
}

// generatedLimits are the reading limits of a generated corpus: it is
// ours, not an editor's, so none.
var generatedLimits = corpus.Limits{MaxFileBytes: math.MaxInt64 / 2, MaxTotalBytes: math.MaxInt64 / 2}

// corpusGenerator makes the generated corpora of the bench: from the
// lexicon, or from the real sentences of a treebank folder.
type corpusGenerator struct {
	name      string // the sets' name prefix
	seed      uint64
	treebank  string   // the folder of CoNLL-U files; "" for the lexicon
	sentences []string // the treebank's, once load has read them
}

// load generates a corpus of n passages and loads it.
func (g corpusGenerator) load(n int) (*corpus.Corpus, error) {
	files, err := g.generate(n)
	if err != nil {
		return nil, err
	}
	c, err := corpus.LoadWith(files, generatedLimits)
	if err != nil {
		return nil, fmt.Errorf("generated corpus of %d passages: %w", n, err)
	}
	return c, nil
}

// readSentences reads the treebank's sentences.
func (g *corpusGenerator) readSentences() error {
	if g.treebank == "" {
		return nil
	}
	ss, err := synth.TreebankSentences(g.treebank)
	g.sentences = ss
	return err
}

// newGenerators returns the generators of a comma-separated list.
func newGenerators(kinds, treebank string, seed uint64) ([]corpusGenerator, error) {
	var gens []corpusGenerator
	for _, kind := range strings.Split(kinds, ",") {
		g, err := newGenerator(strings.TrimSpace(kind), treebank, seed)
		if err != nil {
			return nil, err
		}
		gens = append(gens, g)
	}
	if treebank != "" && !slices.ContainsFunc(gens, func(g corpusGenerator) bool { return g.treebank != "" }) {
		return nil, fmt.Errorf("--treebank needs --generator treebank")
	}
	return gens, nil
}

func newGenerator(kind, treebank string, seed uint64) (corpusGenerator, error) {
	switch kind {
	case "lexicon":
		return corpusGenerator{name: "generated", seed: seed}, nil
	case "treebank":
		if treebank == "" {
			return corpusGenerator{}, fmt.Errorf("--generator treebank needs --treebank DIR (a folder of CoNLL-U files)")
		}
		return corpusGenerator{name: "treebank", seed: seed, treebank: treebank}, nil
	}
	return corpusGenerator{}, fmt.Errorf("--generator %q: want lexicon or treebank", kind)
}

func (g corpusGenerator) generate(n int) (fstest.MapFS, error) {
	if g.sentences != nil {
		return synth.GenerateFromSentences(synth.TreebankOptions{Passages: n, Seed: g.seed, Sentences: g.sentences})
	}
	return synth.Generate(synth.Options{Passages: n, Seed: g.seed})
}

func (g corpusGenerator) write(dir string, n int) error {
	if g.sentences != nil {
		return synth.WriteFromSentences(dir, synth.TreebankOptions{Passages: n, Seed: g.seed, Sentences: g.sentences})
	}
	return synth.Write(dir, synth.Options{Passages: n, Seed: g.seed})
}
