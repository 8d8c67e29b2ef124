package bench

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"time"
)

// wrkRow measures one address with wrk (https://github.com/wg/wrk), a
// load generator written in C, at n connections over 2 threads for d, as
// a check on the Go clients' figures: it asks for gzip like them.
func wrkRow(ctx context.Context, wrk, u string, n int, d time.Duration) (HTTPRow, error) {
	threads := min(n, 2)
	secs := max(int(d.Round(time.Second)/time.Second), 1)
	cmd := exec.CommandContext(ctx, wrk, "-t", strconv.Itoa(threads), "-c", strconv.Itoa(n),
		"-d", strconv.Itoa(secs)+"s", "--timeout", "60s", "--latency", "-H", "Accept-Encoding: gzip", u)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return HTTPRow{}, fmt.Errorf("%s: %w\n%s", wrk, err, out)
	}
	row, err := parseWrk(string(out))
	row.Clients = n
	return row, err
}

var (
	wrkRequests = regexp.MustCompile(`(\d+) requests in ([\d.]+\w+),`)
	wrkRate     = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)
	wrkErrors   = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
	wrkSocket   = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
	wrkLatency  = regexp.MustCompile(`(?m)^\s+(50|99)%\s+([\d.]+\w+)\s*$`)
)

// parseWrk reads wrk's report with --latency.
func parseWrk(out string) (HTTPRow, error) {
	var row HTTPRow
	m, r := wrkRequests.FindStringSubmatch(out), wrkRate.FindStringSubmatch(out)
	lat := wrkLatency.FindAllStringSubmatch(out, -1)
	if m == nil || r == nil || len(lat) != 2 {
		return row, fmt.Errorf("wrk's report is not understood:\n%s", out)
	}
	row.Requests, _ = strconv.Atoi(m[1])
	row.RPS, _ = strconv.ParseFloat(r[1], 64)
	if e := wrkErrors.FindStringSubmatch(out); e != nil {
		row.Errors, _ = strconv.Atoi(e[1])
	}
	if s := wrkSocket.FindStringSubmatch(out); s != nil {
		for _, n := range s[1:] {
			k, _ := strconv.Atoi(n)
			row.Errors += k
		}
	}
	var err error
	for _, l := range lat {
		d, perr := time.ParseDuration(l[2])
		if perr != nil {
			err = fmt.Errorf("wrk latency %q: %w", l[2], perr)
		}
		if l[1] == "50" {
			row.P50 = d
		} else {
			row.P99 = d
		}
	}
	return row, err
}
