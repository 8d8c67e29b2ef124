package bench

import (
	"fmt"
	"io"
	"time"
)

// Goals of issue 14 for vanelkaar beside another engine, per corpus.
const (
	goalLatencyShare = 0.5   // p50 and p99 at most this share of the other's
	goalPeakRSS      = 500e6 // bytes of the build's peak RSS
	goalDiskShare    = 2.0   // index size over the corpus files' size
)

// GoalColumns of the goals table, in order.
var GoalColumns = []string{"corpus", "goal", "vanelkaar", "other", "measured", "met"}

// WriteGoals writes, per corpus on which the first engine and other both
// ran, whether the first meets the goals: p50 and p99 of each mix at most
// half the other's, no query of a mix slower than the other's, a build no
// slower than the other's, a peak build RSS under 500 MB and an index
// under twice the corpus files.
func (r *Report) WriteGoals(w io.Writer, other string) error {
	var rows [][]string
	add := func(corpus, goal, mine, theirs, measured string, ok bool) {
		rows = append(rows, []string{corpus, goal, mine, theirs, measured, met(ok)})
	}
	for i, row := range r.Rows {
		base := r.baseline(i)
		if row.Engine != other || base == nil {
			continue
		}
		for _, p := range []struct {
			name     string
			mine, of time.Duration
		}{{"p50", base.P50, row.P50}, {"p99", base.P99, row.P99}} {
			share := ratio(p.mine, p.of)
			add(row.Corpus, fmt.Sprintf("%s mix: %s at most %.1f× %s's", row.Mix, p.name, goalLatencyShare, other),
				ms(p.mine)+" ms", ms(p.of)+" ms", fmt.Sprintf("%.2f×", share), share <= goalLatencyShare)
		}
		add(row.Corpus, fmt.Sprintf("%s mix: no query slower than %s's", row.Mix, other), "", "",
			fmt.Sprintf("%d of %d slower", row.Faster, len(row.List)), row.Faster == 0)
	}
	rows = append(rows, r.buildGoals(other)...)
	return markdownTable(w, GoalColumns, rows)
}

// baseline is the first engine's row of the i-th row's corpus and mix,
// which precedes it; nil for the first engine's own rows.
func (r *Report) baseline(i int) *Row {
	for j := i - 1; j >= 0; j-- {
		if b := &r.Rows[j]; b.Corpus == r.Rows[i].Corpus && b.Mix == r.Rows[i].Mix && b.Engine == r.Rows[0].Engine {
			return b
		}
	}
	return nil
}

func met(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}

// buildGoals are the goal rows of the builds.
func (r *Report) buildGoals(other string) [][]string {
	var rows [][]string
	for i, b := range r.Builds {
		if b.Engine != r.Rows[0].Engine || i+1 >= len(r.Builds) {
			continue
		}
		for _, o := range r.Builds[i+1:] {
			if o.Corpus != b.Corpus || o.Engine != other {
				continue
			}
			share := ratio(b.Time, o.Time)
			rows = append(rows, []string{b.Corpus, fmt.Sprintf("build no slower than %s's", other),
				fmt.Sprintf("%.1f s", b.Time.Seconds()), fmt.Sprintf("%.1f s", o.Time.Seconds()), fmt.Sprintf("%.2f×", share), met(share <= 1)})
			rows = append(rows, []string{b.Corpus, "peak build RSS under 500 MB", mb(b.PeakRSS) + " MB", "", "", met(b.PeakRSS > 0 && b.PeakRSS < goalPeakRSS)})
			if b.TextBytes > 0 {
				share := float64(b.Size) / float64(b.TextBytes)
				rows = append(rows, []string{b.Corpus, "index under 2× the corpus files", mb(b.Size) + " MB", "", fmt.Sprintf("%.2f×", share), met(share < goalDiskShare)})
			}
		}
	}
	return rows
}
