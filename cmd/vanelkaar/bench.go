package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing/fstest"

	"vanelkaar/bench"
	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
)

// runBench measures search latency on the shipped corpus and on generated
// ones, for vanelkaar and, when asked, PostgreSQL and SQLite FTS5 on the
// same documents and queries; or, with --generate, writes a generated
// corpus to a folder. Its length is its flags, one line each; the work is
// in the functions it calls.
func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench", "[--passages N,N...] [--generator lexicon|treebank --treebank DIR] [--rounds N] [--postgres DSN] [--sqlite] [--per-query] | --generate DIR [--passages N]")
	var src corpusSource
	src.addFlags(fs, "the real corpus to measure besides the generated ones (default: the embedded corpus)")
	sizes := fs.String("passages", "100000", "passages of each generated corpus, comma-separated; 0 for none")
	seed := fs.Uint64("seed", synth.DefaultSeed, "seed of the generated corpora")
	rounds := fs.Int("rounds", 20, "timed rounds: each query runs once per round on every engine")
	warmup := fs.Int("warmup", 1, "untimed rounds before the timed ones")
	size := fs.Int("size", 10, "hits per query")
	queriesFile := fs.String("queries", "", "query list (default: the committed list, bench/queries.txt)")
	pgDSN := fs.String("postgres", "", "also measure PostgreSQL's full-text search at this DSN (its schema vanelkaar_bench is replaced)")
	withSQLite := fs.Bool("sqlite", false, "also measure SQLite FTS5")
	perQuery := fs.Bool("per-query", false, "also print each query's median latency per engine")
	tmp := fs.String("tmp", "", "folder for the index and database files (default: the system's)")
	generate := fs.String("generate", "", "write the generated corpus of the first --passages size into this folder and stop")
	generator := fs.String("generator", "lexicon", "what generated corpora are made of: lexicon (the built-in word lists) or treebank (real Dutch sentences of --treebank)")
	rareOut := fs.String("rare-queries", "", "write the rare-word query mix of the generated corpus of the first --passages size into this file (for --queries) and stop")
	treebank := fs.String("treebank", "", "folder of CoNLL-U files whose \"# text = \" sentences the treebank generator uses")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	gen, err := newGenerator(*generator, *treebank, *seed)
	if err != nil {
		fmt.Fprintf(e.stderr, "%v\n", err)
		fs.Usage()
		return errUsage
	}
	if err := gen.readSentences(); err != nil {
		return err
	}
	counts, err := parseSizes(*sizes)
	if err != nil || fs.NArg() > 0 || *rounds < 1 || *warmup < 1 || *size < 1 || *size > 50 {
		if err != nil {
			fmt.Fprintf(e.stderr, "--passages: %v\n", err)
		}
		fs.Usage()
		return errUsage
	}
	if *generate != "" {
		return generateCorpus(e, *generate, counts, gen)
	}
	if *rareOut != "" {
		return writeRareQueries(e, *rareOut, counts, gen)
	}

	cfg := bench.Config{Rounds: *rounds, Warmup: *warmup, Size: *size, Progress: func(msg string) {
		fmt.Fprintf(e.stderr, "bench: %s\n", msg)
	}}
	if cfg.Queries, err = readQueries(*queriesFile); err != nil {
		return err
	}
	sets, err := benchSets(src, counts, gen, cfg.Progress)
	if err != nil {
		return err
	}
	others, err := sqlEngines(*pgDSN, *withSQLite, *tmp)
	if err != nil {
		return err
	}
	engines := append([]bench.Engine{&bench.Vanelkaar{TempDir: *tmp}}, others...)
	rep, err := bench.Run(ctx, cfg, sets, engines)
	for _, eng := range engines {
		if cerr := eng.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	return printBench(e.stdout, rep, engines, *perQuery)
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
// table and, with perQuery, each query's median.
func printBench(w io.Writer, rep *bench.Report, engines []bench.Engine, perQuery bool) error {
	fmt.Fprintf(w, "%d queries, %d timed rounds after %d warm-up, %d hits per query with snippets and facets; %s %s/%s, %d CPUs\n\n",
		len(rep.Config.Queries), rep.Config.Rounds, rep.Config.Warmup, rep.Config.Size,
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	var versions []string
	for _, eng := range engines {
		if v := rep.Versions[eng.Name()]; v != "" {
			versions = append(versions, v)
		}
	}
	if len(versions) > 0 {
		fmt.Fprintf(w, "engines: %s\n\n", strings.Join(versions, "; "))
	}
	if err := rep.WriteTable(w); err != nil {
		return err
	}
	if perQuery {
		return rep.WritePerQuery(w)
	}
	return nil
}

// benchSets loads the real corpus and generates the others.
func benchSets(src corpusSource, counts []int, gen corpusGenerator, progress func(string)) ([]*bench.Set, error) {
	dir := src.Dir
	c, err := src.load()
	if err != nil {
		return nil, err
	}
	name := "shipped"
	if dir != "" {
		name = filepath.Base(dir)
	}
	s, err := bench.NewSet(name, c)
	if err != nil {
		return nil, err
	}
	sets := []*bench.Set{s}
	for _, n := range counts {
		progress(fmt.Sprintf("generating a corpus of %d passages", n))
		c, err := gen.load(n)
		if err != nil {
			return nil, err
		}
		s, err := bench.NewSet(fmt.Sprintf("%s-%d", gen.name, n), c)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// parseSizes reads "1000,100000"; "0" means none.
func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ReplaceAll(f, "_", ""))
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%q is not a number of passages", f)
		}
		if n > 0 {
			out = append(out, n)
		}
	}
	return out, nil
}

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
	// A generated corpus is ours, not an editor's: no size limits.
	c, err := corpus.LoadWith(files, corpus.Limits{MaxFileBytes: math.MaxInt64 / 2, MaxTotalBytes: math.MaxInt64 / 2})
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

func newGenerator(kind, treebank string, seed uint64) (corpusGenerator, error) {
	switch kind {
	case "lexicon":
		if treebank != "" {
			return corpusGenerator{}, fmt.Errorf("--treebank needs --generator treebank")
		}
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
