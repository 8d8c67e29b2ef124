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

	"vanelkaar/bench"
	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
)

// runBench measures search latency on the shipped corpus and on generated
// ones, for vanelkaar and, when asked, PostgreSQL and SQLite FTS5 on the
// same documents and queries; or, with --generate, writes a generated
// corpus to a folder.
func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench", "[--passages N,N...] [--rounds N] [--postgres DSN] [--sqlite] [--per-query] | --generate DIR [--passages N]")
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
	if err := parseFlags(fs, args); err != nil {
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
		return generateCorpus(e, *generate, counts, *seed)
	}

	cfg := bench.Config{Rounds: *rounds, Warmup: *warmup, Size: *size, Progress: func(msg string) {
		fmt.Fprintf(e.stderr, "bench: %s\n", msg)
	}}
	if cfg.Queries, err = readQueries(*queriesFile); err != nil {
		return err
	}
	sets, err := benchSets(src, counts, *seed, cfg.Progress)
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
func generateCorpus(e *env, dir string, counts []int, seed uint64) error {
	if len(counts) == 0 {
		return fmt.Errorf("--generate needs a --passages size")
	}
	if err := synth.Write(dir, synth.Options{Passages: counts[0], Seed: seed}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote a corpus of %d passages to %s\n", counts[0], dir)
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
func benchSets(src corpusSource, counts []int, seed uint64, progress func(string)) ([]*bench.Set, error) {
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
		files, err := synth.Generate(synth.Options{Passages: n, Seed: seed})
		if err != nil {
			return nil, err
		}
		// A generated corpus is ours, not an editor's: no size limits.
		c, err := corpus.LoadWith(files, corpus.Limits{MaxFileBytes: math.MaxInt64 / 2, MaxTotalBytes: math.MaxInt64 / 2})
		if err != nil {
			return nil, fmt.Errorf("generated corpus of %d passages: %w", n, err)
		}
		s, err := bench.NewSet(fmt.Sprintf("generated-%d", n), c)
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
