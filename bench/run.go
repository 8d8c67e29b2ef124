package bench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"
)

// Config tunes a benchmark run.
type Config struct {
	// Queries is the common mix; nil means DefaultQueries.
	Queries []Query
	// Rare adds the rare-word mix derived from each corpus (RareQueries);
	// a corpus too small to have rare words has none.
	Rare bool
	// Rounds is how often every query runs on every engine, measured;
	// 0 means 20.
	Rounds int
	// Warmup is the number of rounds run first and not measured; 0 means 1
	// (the first round also checks that every engine answers every query).
	Warmup int
	// Size is the number of hits per query; 0 means 10.
	Size int
	// HTTP, when set, also drives vanelkaar's HTTP server (the first
	// engine must be a *Vanelkaar).
	HTTP *HTTPConfig
	// CPUProfile and MemProfile, when set, receive a CPU profile of
	// vanelkaar's part of the last corpus (see profile.go) and a heap
	// profile at the end of the run.
	CPUProfile, MemProfile io.Writer
	// Progress, when set, is told what the run is doing.
	Progress func(msg string)
}

func (c *Config) setDefaults() {
	if c.Queries == nil {
		c.Queries = DefaultQueries()
	}
	if c.Rounds == 0 {
		c.Rounds = 20
	}
	if c.Warmup == 0 {
		c.Warmup = 1
	}
	if c.Size == 0 {
		c.Size = 10
	}
}

func (c *Config) progress(format string, args ...any) {
	if c.Progress != nil {
		c.Progress(fmt.Sprintf(format, args...))
	}
}

// Names of the query mixes.
const (
	MixCommon = "common"
	MixRare   = "rare"
)

// Mix is a named list of queries, resolved for one corpus.
type Mix struct {
	Name    string
	Queries []Query
}

// mixes returns the mixes run on a set: the common one and, when asked
// and the corpus has rare words, the rare one.
func (c *Config) mixes(set *Set) []Mix {
	common := make([]Query, len(c.Queries))
	for i, q := range c.Queries {
		common[i] = q.Resolve(set)
	}
	ms := []Mix{{MixCommon, common}}
	if c.Rare {
		if rare := set.RareQueries(); len(rare) > 0 {
			ms = append(ms, Mix{MixRare, rare})
		}
	}
	return ms
}

// Report is the outcome of a run: a latency row per corpus, mix and
// engine, a build row per corpus and engine, and the HTTP rows.
type Report struct {
	Config Config
	Rows   []Row
	Builds []BuildRow
	HTTP   []HTTPRow
	// Versions holds the version of each engine that tells it.
	Versions map[string]string
}

// Row is one engine's latencies for one mix on one corpus.
type Row struct {
	Corpus    string
	Passages  int
	Documents int
	Mix       string
	Engine    string
	Queries   int // timed queries
	P50       time.Duration
	P95       time.Duration
	P99       time.Duration
	QPS       float64 // queries per second, one after the other
	Matches   float64 // mean number of matches per query
	// Ratios to vanelkaar's latency on the same corpus and mix in the
	// same run.
	RatioP50, RatioP99 float64
	// Faster is the number of the mix's queries whose median is below
	// the baseline's (0 for the baseline).
	Faster int
	// List is the mix's queries; PerQuery each one's median latency.
	List     []Query
	PerQuery []time.Duration
}

// Run loads every set into every engine and times the queries. The
// engines run in turn within each round, in an order that rotates, so
// that a slower or busier moment of the machine is spread over all of
// them. The first engine is the baseline of the ratios.
func Run(ctx context.Context, cfg Config, sets []*Set, engines []Engine) (*Report, error) {
	return RunEach(ctx, cfg, len(sets), func(i int) (*Set, error) { return sets[i], nil }, engines)
}

// RunEach is Run on n sets that next makes one at a time, when their
// turn comes, so that only one is held at once.
func RunEach(ctx context.Context, cfg Config, n int, next func(i int) (*Set, error), engines []Engine) (*Report, error) {
	cfg.setDefaults()
	rep := &Report{Config: cfg, Versions: map[string]string{}}
	for i := range n {
		set, err := next(i)
		if err != nil {
			return nil, err
		}
		if err := rep.runSet(ctx, set, engines, i == n-1); err != nil {
			return nil, fmt.Errorf("%s: %w", set.Name, err)
		}
	}
	for _, e := range engines {
		if v, ok := e.(Versioned); ok && n > 0 {
			s, err := v.Version(ctx)
			if err != nil {
				return nil, fmt.Errorf("%s: version: %w", e.Name(), err)
			}
			rep.Versions[e.Name()] = s
		}
	}
	if cfg.MemProfile != nil {
		if err := writeHeapProfile(cfg.MemProfile); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// runSet measures one corpus: builds, latencies per mix and, when asked,
// the HTTP server; the CPU profile is taken on the last corpus.
func (rep *Report) runSet(ctx context.Context, set *Set, engines []Engine, last bool) error {
	cfg := &rep.Config
	for _, e := range engines {
		b, err := load(ctx, cfg, set, e)
		if err != nil {
			return err
		}
		rep.Builds = append(rep.Builds, b)
	}
	if set.muniDocs == nil {
		if err := set.countMunicipalities(ctx, engines[0]); err != nil {
			return err
		}
	}
	mixes := cfg.mixes(set)
	for _, m := range mixes {
		rows, err := timeMix(ctx, cfg, set, m, engines)
		if err != nil {
			return err
		}
		rep.Rows = append(rep.Rows, rows...)
	}
	stopProfile := func() {}
	if last && cfg.CPUProfile != nil {
		var err error
		if stopProfile, err = profileSearches(ctx, cfg, set.Name, mixes, engines[0]); err != nil {
			return err
		}
	}
	defer stopProfile()
	if cfg.HTTP == nil {
		return nil
	}
	v, ok := engines[0].(*Vanelkaar)
	if !ok {
		return fmt.Errorf("the HTTP measurement needs vanelkaar as the first engine")
	}
	rows, err := runHTTP(ctx, cfg, set.Name, mixes, v)
	rep.HTTP = append(rep.HTTP, rows...)
	return err
}

// timeMix times a mix's queries on every engine, in rounds.
func timeMix(ctx context.Context, cfg *Config, set *Set, m Mix, engines []Engine) ([]Row, error) {
	// samples[e][q] are the latencies of query q on engine e.
	samples := make([][][]time.Duration, len(engines))
	matches := make([]int, len(engines))
	for i := range samples {
		samples[i] = make([][]time.Duration, len(m.Queries))
	}
	for round := range cfg.Warmup + cfg.Rounds {
		measured := round >= cfg.Warmup
		for k := range engines {
			i := (k + round) % len(engines)
			for j, q := range m.Queries {
				start := time.Now()
				a, err := engines[i].Search(ctx, q, cfg.Size)
				took := time.Since(start)
				if err != nil {
					return nil, err
				}
				if round == 0 {
					matches[i] += a.Total
				}
				if measured {
					samples[i][j] = append(samples[i][j], took)
				}
			}
		}
		if measured && (round-cfg.Warmup+1)%5 == 0 {
			cfg.progress("%s: %s mix, round %d of %d", set.Name, m.Name, round-cfg.Warmup+1, cfg.Rounds)
		}
	}
	rows := make([]Row, len(engines))
	for i, e := range engines {
		rows[i] = summarize(set, m, e.Name(), samples[i], matches[i])
		rows[i].compare(&rows[0])
	}
	return rows, nil
}

// summarize makes a row of one engine's samples of a mix.
func summarize(set *Set, m Mix, engine string, samples [][]time.Duration, matches int) Row {
	r := Row{Corpus: set.Name, Passages: set.Passages(), Documents: set.Documents(), Mix: m.Name, Engine: engine, List: m.Queries}
	var all []time.Duration
	var sum time.Duration
	for _, s := range samples {
		all = append(all, s...)
		r.PerQuery = append(r.PerQuery, percentile(s, 50))
		for _, d := range s {
			sum += d
		}
	}
	r.Queries = len(all)
	r.P50, r.P95, r.P99 = percentile(all, 50), percentile(all, 95), percentile(all, 99)
	if sum > 0 {
		r.QPS = float64(len(all)) / sum.Seconds()
	}
	r.Matches = float64(matches) / float64(max(len(m.Queries), 1))
	return r
}

// compare sets the row's ratios to the baseline and counts the queries it
// answers faster.
func (r *Row) compare(base *Row) {
	r.RatioP50 = ratio(r.P50, base.P50)
	r.RatioP99 = ratio(r.P99, base.P99)
	r.Faster = 0
	for k, d := range r.PerQuery {
		if d < base.PerQuery[k] {
			r.Faster++
		}
	}
}

// percentile returns the nearest-rank p-th percentile of ds.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100 // ceil(p/100 * n)
	return s[max(rank, 1)-1]
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
