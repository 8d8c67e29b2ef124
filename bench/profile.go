package bench

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/pprof"
	"time"
)

// profileMinTime is the least time the profile spends on each mix, so
// that a mix of fast queries has samples (the CPU profile takes 100 a
// second).
const profileMinTime = time.Second

// profileSearches starts the CPU profile and runs the baseline engine
// alone over each mix, Rounds times and for at least profileMinTime,
// each query under the pprof labels corpus, mix and query (so `go tool
// pprof -tagfocus mix=rare` shows one mix). The profile goes on until the
// returned function is called, so that it also covers the HTTP
// measurement that follows (label phase=http there).
func profileSearches(ctx context.Context, cfg *Config, corpus string, mixes []Mix, e Engine) (stop func(), err error) {
	if err := pprof.StartCPUProfile(cfg.CPUProfile); err != nil {
		return nil, fmt.Errorf("CPU profile: %w", err)
	}
	cfg.progress("%s: profiling %s alone, %d rounds", corpus, e.Name(), cfg.Rounds)
	for _, m := range mixes {
		start := time.Now()
		for round := 0; round < cfg.Rounds || time.Since(start) < profileMinTime; round++ {
			for _, q := range m.Queries {
				labels := pprof.Labels("phase", "search", "corpus", corpus, "mix", m.Name, "query", q.String())
				pprof.Do(ctx, labels, func(ctx context.Context) {
					_, err = e.Search(ctx, q, cfg.Size)
				})
				if err != nil {
					pprof.StopCPUProfile()
					return nil, err
				}
			}
		}
	}
	return pprof.StopCPUProfile, nil
}

// writeHeapProfile writes the heap profile after a garbage collection:
// inuse_space is what the process holds at the end of the run (the last
// corpus and its index), alloc_space everything the run allocated.
func writeHeapProfile(w io.Writer) error {
	runtime.GC()
	if err := pprof.WriteHeapProfile(w); err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	return nil
}
