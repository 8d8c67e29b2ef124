package index

import (
	"fmt"
	"time"
)

// Stage is what a build is doing.
type Stage string

// The stages of a build, in the order a build goes through them.
const (
	StageLoading   Stage = "loading"   // reading the corpus (reported by whoever loads it)
	StageAnalysing Stage = "analysing" // turning the corpus into documents
	StageWriting   Stage = "writing"   // writing documents into the index
	StageMerging   Stage = "merging"   // merging the index into one segment
	StageDone      Stage = "done"      // the build is complete and current
)

// Progress is a report of a build: its stage, how many of its documents
// are done in that stage, and the time since the build started.
type Progress struct {
	Stage   Stage
	Done    int           // documents done in this stage
	Total   int           // documents in the build; 0 while unknown
	Elapsed time.Duration // since Options.Started, or since Build was called
	// Result is the build's outcome; set only at StageDone.
	Result *Result
}

// Result describes a finished build.
type Result struct {
	Path      string        // the bleve index folder of the build
	Documents int           // documents indexed
	Bytes     int64         // size of the build's files on disk
	Duration  time.Duration // from Options.Started (or Build's call) to the switch
}

// Fraction is the part of the build's documents done in its stage, 0 to 1.
func (p Progress) Fraction() float64 {
	if p.Total <= 0 {
		return 0
	}
	return min(float64(p.Done)/float64(p.Total), 1)
}

// String says in one line what the build is doing, for a log.
func (p Progress) String() string {
	el := p.Elapsed.Round(100 * time.Millisecond)
	switch {
	case p.Stage == StageDone && p.Result != nil:
		return fmt.Sprintf("done: %d documents, %s on disk, in %s (%s)",
			p.Result.Documents, byteSize(p.Result.Bytes), el, p.Result.Path)
	case p.Total > 0:
		return fmt.Sprintf("%s: %d of %d documents (%.0f%%), %s", p.Stage, p.Done, p.Total, 100*p.Fraction(), el)
	}
	return fmt.Sprintf("%s, %s", p.Stage, el)
}

// byteSize writes a size in bytes as people read it: "327.4 MB".
func byteSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}

// reporter sends a build's progress to Options.Progress.
type reporter struct {
	opts    *Options
	started time.Time
	total   int
}

func newReporter(opts *Options) *reporter {
	r := &reporter{opts: opts, started: time.Now()}
	if opts != nil && !opts.Started.IsZero() {
		r.started = opts.Started
	}
	return r
}

// report tells Options.Progress the stage and documents done.
func (r *reporter) report(stage Stage, done int) {
	r.send(Progress{Stage: stage, Done: done, Total: r.total})
}

func (r *reporter) send(p Progress) {
	if r == nil || r.opts == nil || r.opts.Progress == nil {
		return
	}
	p.Elapsed = time.Since(r.started)
	r.opts.Progress(p)
}
