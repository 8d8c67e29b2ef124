package bench

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Columns of the report table, in order.
var Columns = []string{"corpus", "passages", "documents", "engine", "load s", "queries",
	"p50 ms", "p95 ms", "p99 ms", "qps", "p50 ×", "p99 ×", "matches/query"}

// WriteTable writes the report as a Markdown table: a row per corpus and
// engine, latencies in milliseconds, the ratios to the first engine.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| " + strings.Join(Columns, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat(" --- |", len(Columns)) + "\n")
	for _, row := range r.Rows {
		cells := []string{
			row.Corpus, fmt.Sprint(row.Passages), fmt.Sprint(row.Documents), row.Engine,
			fmt.Sprintf("%.1f", row.Load.Seconds()), fmt.Sprint(row.Queries),
			ms(row.P50), ms(row.P95), ms(row.P99), fmt.Sprintf("%.0f", row.QPS),
			fmt.Sprintf("%.2f", row.RatioP50), fmt.Sprintf("%.2f", row.RatioP99),
			fmt.Sprintf("%.0f", row.Matches),
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WritePerQuery writes each query's median latency per engine, a table per
// corpus.
func (r *Report) WritePerQuery(w io.Writer) error {
	var b strings.Builder
	for i := 0; i < len(r.Rows); {
		corpus := r.Rows[i].Corpus
		j := i
		for j < len(r.Rows) && r.Rows[j].Corpus == corpus {
			j++
		}
		fmt.Fprintf(&b, "\n%s, median ms per query:\n\n| query |", corpus)
		for _, row := range r.Rows[i:j] {
			b.WriteString(" " + row.Engine + " |")
		}
		b.WriteString("\n| --- |" + strings.Repeat(" --- |", j-i) + "\n")
		for k, q := range r.Config.Queries {
			fmt.Fprintf(&b, "| `%s` |", strings.ReplaceAll(q.String(), "|", `\|`))
			for _, row := range r.Rows[i:j] {
				b.WriteString(" " + ms(row.PerQuery[k]) + " |")
			}
			b.WriteString("\n")
		}
		i = j
	}
	_, err := io.WriteString(w, b.String())
	return err
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
