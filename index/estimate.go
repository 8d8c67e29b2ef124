package index

import "time"

// Report is how far a Builder's build is, in words a public probe may
// show: the stage (one of the Stage* words), the documents done of the
// total in it (Total 0 while unknown), the time since the build started
// and the time it is expected to take still (negative when unknown).
type Report struct {
	Stage              string
	Done, Total        int
	Elapsed, Remaining time.Duration
}

// defaultBuildRate is the rate, in bytes of corpus per second, at which a
// build is expected to go before one has been measured in the index
// folder: `vanelkaar index` of the generated lexicon corpus at 100,000
// passages (27.7 MB) took 209 s on a shared 2-core machine (132 kB/s),
// rounded down. After each build the
// folder's "current" file records the measured rate (Source.Bytes / Took).
const defaultBuildRate = 100_000

// Expected is how long a build of the corpus is expected to take: its size
// over the rate of the last build into the index folder, or over
// defaultBuildRate when the folder has none; negative when the corpus
// cannot be read.
func (b *Builder) Expected() time.Duration {
	src, err := SourceOf(b.fsys)
	if err != nil {
		return -1
	}
	rate := float64(defaultBuildRate)
	if cur, err := ReadCurrent(b.Dir()); err == nil && cur.Source != nil && cur.Source.Bytes > 0 && cur.Took > 0 {
		rate = float64(cur.Source.Bytes) / cur.Took
	}
	return time.Duration(float64(src.Bytes) / rate * float64(time.Second))
}

// buildReporter turns a build's steps into Reports.
type buildReporter struct {
	report   func(Report)
	started  time.Time
	expected time.Duration
	// The first report of the stage with documents: the rate of the
	// stage is measured from it.
	cur    Stage
	first  time.Duration
	first0 int
}

func (b *Builder) reporter(report func(Report)) *buildReporter {
	r := &buildReporter{report: report, started: time.Now(), expected: -1}
	if report != nil {
		r.expected = b.Expected()
	}
	return r
}

func (r *buildReporter) stage(stage Stage, done, total int) {
	if r.report == nil {
		return
	}
	el := time.Since(r.started)
	if stage != r.cur {
		r.cur, r.first, r.first0 = stage, el, done
	}
	rem := time.Duration(-1)
	if r.expected >= 0 && el <= r.expected {
		rem = r.expected - el
	}
	if done > r.first0 && total > 0 {
		// The stage's own rate, which later stages can only lengthen.
		rem = max(rem, time.Duration(float64(el-r.first)/float64(done-r.first0)*float64(total-done)))
	}
	r.report(Report{Stage: string(stage), Done: done, Total: total, Elapsed: el, Remaining: rem})
}

// progress passes index.Build's progress on.
func (r *buildReporter) progress(p Progress) {
	r.stage(p.Stage, p.Done, p.Total)
}
