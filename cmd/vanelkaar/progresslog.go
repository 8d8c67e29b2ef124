package main

import (
	"log/slog"
	"time"

	"vanelkaar/search"
)

// progressLogEvery is how often the log reports a build's progress within
// one stage; each new stage is reported at once.
const progressLogEvery = 5 * time.Second

// progressLog logs a build's progress: each stage, and within a stage at
// most every progressLogEvery.
type progressLog struct {
	stage  string
	logged time.Duration
}

func (pl *progressLog) log(logger *slog.Logger, p search.BuildProgress) {
	if p.Stage == pl.stage && p.Elapsed-pl.logged < progressLogEvery && p.Done < p.Total {
		return
	}
	pl.stage, pl.logged = p.Stage, p.Elapsed
	args := []any{"stage", p.Stage, "elapsed", p.Elapsed.Round(time.Second)}
	if p.Total > 0 {
		args = append(args, "done", p.Done, "total", p.Total, "percent", 100*p.Done/p.Total)
	}
	if p.Remaining >= 0 {
		args = append(args, "remaining", p.Remaining.Round(time.Second))
	}
	logger.Info("index build", args...)
}
