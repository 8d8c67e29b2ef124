package bench

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// Config tunes a benchmark run.
type Config struct {
	// Queries is the query list; nil means DefaultQueries.
	Queries []Query
	// Rounds is how often every query runs on every engine, measured;
	// 0 means 20.
	Rounds int
	// Warmup is the number of rounds run first and not measured; 0 means 1
	// (the first round also checks that every engine answers every query).
	Warmup int
	// Size is the number of hits per query; 0 means 10.
	Size int
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

// Report is the outcome of a run: a row per corpus and engine.
type Report struct {
	Config Config
	Rows   []Row
	// Versions holds the version of each engine that tells it.
	Versions map[string]string
}

// Row is one engine's measurements on one corpus.
type Row struct {
	Corpus    string
	Passages  int
	Documents int
	Engine    string
	Load      time.Duration // building the engine's index
	Queries   int           // timed queries
	P50       time.Duration
	P95       time.Duration
	P99       time.Duration
	QPS       float64 // queries per second, one after the other
	Matches   float64 // mean number of matches per query
	// Ratios to vanelkaar's latency on the same corpus in the same run.
	RatioP50, RatioP99 float64
	// PerQuery is each query's median latency, in the order of the queries.
	PerQuery []time.Duration
}

// Run loads every set into every engine and times the queries. The
// engines run in turn within each round, in an order that rotates, so
// that a slower or busier moment of the machine is spread over all of
// them. The first engine is the baseline of the ratios.
func Run(ctx context.Context, cfg Config, sets []*Set, engines []Engine) (*Report, error) {
	cfg.setDefaults()
	rep := &Report{Config: cfg, Versions: map[string]string{}}
	for _, set := range sets {
		rows, err := runSet(ctx, &cfg, set, engines)
		if err != nil {
			return nil, err
		}
		rep.Rows = append(rep.Rows, rows...)
	}
	for _, e := range engines {
		if v, ok := e.(Versioned); ok && len(sets) > 0 {
			s, err := v.Version(ctx)
			if err != nil {
				return nil, fmt.Errorf("%s: version: %w", e.Name(), err)
			}
			rep.Versions[e.Name()] = s
		}
	}
	return rep, nil
}

func runSet(ctx context.Context, cfg *Config, set *Set, engines []Engine) ([]Row, error) {
	queries := make([]Query, len(cfg.Queries))
	for i, q := range cfg.Queries {
		queries[i] = q.Resolve(set)
	}
	rows := make([]Row, len(engines))
	for i, e := range engines {
		cfg.progress("%s: loading %d documents into %s", set.Name, len(set.Docs), e.Name())
		start := time.Now()
		if err := e.Load(ctx, set); err != nil {
			return nil, fmt.Errorf("%s: %w", set.Name, err)
		}
		rows[i] = Row{Corpus: set.Name, Passages: set.Passages(), Documents: len(set.Docs), Engine: e.Name(), Load: time.Since(start)}
		cfg.progress("%s: %s loaded in %.1f s", set.Name, e.Name(), rows[i].Load.Seconds())
	}
	// samples[e][q] are the latencies of query q on engine e.
	samples := make([][][]time.Duration, len(engines))
	matches := make([]int, len(engines))
	for i := range samples {
		samples[i] = make([][]time.Duration, len(queries))
	}
	for round := range cfg.Warmup + cfg.Rounds {
		measured := round >= cfg.Warmup
		for k := range engines {
			i := (k + round) % len(engines)
			e := engines[i]
			for j, q := range queries {
				start := time.Now()
				a, err := e.Search(ctx, q, cfg.Size)
				took := time.Since(start)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", set.Name, err)
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
			cfg.progress("%s: round %d of %d", set.Name, round-cfg.Warmup+1, cfg.Rounds)
		}
	}
	for i := range engines {
		var all []time.Duration
		var sum time.Duration
		for j := range queries {
			all = append(all, samples[i][j]...)
			rows[i].PerQuery = append(rows[i].PerQuery, percentile(samples[i][j], 50))
		}
		for _, d := range all {
			sum += d
		}
		r := &rows[i]
		r.Queries = len(all)
		r.P50, r.P95, r.P99 = percentile(all, 50), percentile(all, 95), percentile(all, 99)
		if sum > 0 {
			r.QPS = float64(len(all)) / sum.Seconds()
		}
		r.Matches = float64(matches[i]) / float64(len(queries))
		r.RatioP50 = ratio(r.P50, rows[0].P50)
		r.RatioP99 = ratio(r.P99, rows[0].P99)
	}
	return rows, nil
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
