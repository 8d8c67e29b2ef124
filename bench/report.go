package bench

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Columns of the latency table, in order.
var Columns = []string{"corpus", "passages", "documents", "mix", "engine", "queries",
	"p50 ms", "p95 ms", "p99 ms", "qps", "p50 ×", "p99 ×", "faster than vanelkaar", "matches/query"}

// BuildColumns of the build table, in order.
var BuildColumns = []string{"corpus", "passages", "engine", "build s", "peak RSS MB", "on disk MB",
	"corpus MB", "disk/corpus", "how"}

// HTTPColumns of the HTTP table, in order.
var HTTPColumns = []string{"corpus", "workload", "clients", "requests", "requests/s", "p50 ms", "p99 ms", "not 200"}

// GrowthColumns of the growth table, in order.
var GrowthColumns = []string{"corpus", "passages", "documents", "build s", "peak RSS MB", "on disk MB",
	"common p50 ms", "common p99 ms", "rare p50 ms", "rare p99 ms"}

// markdownTable writes a Markdown table.
func markdownTable(w io.Writer, columns []string, rows [][]string) error {
	var b strings.Builder
	b.WriteString("| " + strings.Join(columns, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat(" --- |", len(columns)) + "\n")
	for _, cells := range rows {
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteTable writes the latencies as a Markdown table: a row per corpus,
// mix and engine, latencies in milliseconds, the ratios to the first
// engine and the number of queries whose median beats the first engine's.
func (r *Report) WriteTable(w io.Writer) error {
	var rows [][]string
	for i, row := range r.Rows {
		faster := "-"
		if i > 0 && r.Rows[i-1].Mix == row.Mix && r.Rows[i-1].Corpus == row.Corpus {
			faster = fmt.Sprintf("%d of %d", row.Faster, len(row.List))
		}
		rows = append(rows, []string{
			row.Corpus, fmt.Sprint(row.Passages), fmt.Sprint(row.Documents), row.Mix, row.Engine,
			fmt.Sprint(row.Queries), ms(row.P50), ms(row.P95), ms(row.P99), fmt.Sprintf("%.0f", row.QPS),
			fmt.Sprintf("%.2f", row.RatioP50), fmt.Sprintf("%.2f", row.RatioP99), faster,
			fmt.Sprintf("%.0f", row.Matches),
		})
	}
	return markdownTable(w, Columns, rows)
}

// WriteBuilds writes each engine's build per corpus: its time, peak
// memory, size on disk and that size over the corpus files'.
func (r *Report) WriteBuilds(w io.Writer) error {
	var rows [][]string
	for _, b := range r.Builds {
		rss, text, share := "-", "-", "-"
		if b.PeakRSS > 0 {
			rss = mb(b.PeakRSS)
		}
		if b.TextBytes > 0 {
			text = mb(b.TextBytes)
			share = fmt.Sprintf("%.2f", float64(b.Size)/float64(b.TextBytes))
		}
		rows = append(rows, []string{b.Corpus, fmt.Sprint(b.Passages), b.Engine,
			fmt.Sprintf("%.1f", b.Time.Seconds()), rss, mb(b.Size), text, share, b.Phases})
	}
	return markdownTable(w, BuildColumns, rows)
}

// WriteHTTP writes the HTTP measurement: a row per corpus, workload and
// number of clients.
func (r *Report) WriteHTTP(w io.Writer) error {
	var rows [][]string
	for _, h := range r.HTTP {
		rows = append(rows, []string{h.Corpus, h.Workload, fmt.Sprint(h.Clients), fmt.Sprint(h.Requests),
			fmt.Sprintf("%.0f", h.RPS), ms(h.P50), ms(h.P99), fmt.Sprint(h.Errors)})
	}
	return markdownTable(w, HTTPColumns, rows)
}

// WriteGrowth writes the first engine's figures a row per corpus: its
// build and the p50 and p99 of each mix, to see how they grow with the
// corpus ("-" for a corpus without a rare mix).
func (r *Report) WriteGrowth(w io.Writer) error {
	var rows [][]string
	for _, b := range r.Builds {
		if b.Engine != r.Rows[0].Engine {
			continue
		}
		rss := "-"
		if b.PeakRSS > 0 {
			rss = mb(b.PeakRSS)
		}
		cells := []string{b.Corpus, fmt.Sprint(b.Passages), "", fmt.Sprintf("%.1f", b.Time.Seconds()), rss, mb(b.Size)}
		for _, mix := range []string{MixCommon, MixRare} {
			p50, p99 := "-", "-"
			for _, row := range r.Rows {
				if row.Corpus == b.Corpus && row.Mix == mix && row.Engine == b.Engine {
					p50, p99, cells[2] = ms(row.P50), ms(row.P99), fmt.Sprint(row.Documents)
				}
			}
			cells = append(cells, p50, p99)
		}
		rows = append(rows, cells)
	}
	return markdownTable(w, GrowthColumns, rows)
}

// WritePerQuery writes each query's median latency per engine, a table per
// corpus and mix.
func (r *Report) WritePerQuery(w io.Writer) error {
	for i := 0; i < len(r.Rows); {
		j := i
		for j < len(r.Rows) && r.Rows[j].Corpus == r.Rows[i].Corpus && r.Rows[j].Mix == r.Rows[i].Mix {
			j++
		}
		group := r.Rows[i:j]
		columns := []string{"query"}
		for _, row := range group {
			columns = append(columns, row.Engine)
		}
		var rows [][]string
		for k, q := range group[0].List {
			cells := []string{"`" + strings.ReplaceAll(q.String(), "|", `\|`) + "`"}
			for _, row := range group {
				cells = append(cells, ms(row.PerQuery[k]))
			}
			rows = append(rows, cells)
		}
		if _, err := fmt.Fprintf(w, "\n%s, %s mix, median ms per query:\n\n", group[0].Corpus, group[0].Mix); err != nil {
			return err
		}
		if err := markdownTable(w, columns, rows); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// mb formats bytes in megabytes (10^6), with two decimals below 10.
func mb(n int64) string {
	if v := float64(n) / 1e6; v < 10 {
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.1f", float64(n)/1e6)
}

// ms formats a duration in milliseconds with three significant digits.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	case v >= 1:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.3f", v)
}
