package bench

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"

	"vanelkaar/web"
)

// DefaultHTTPWord is the common word of the HTTP measurement: every
// corpus of the series is about municipalities.
const DefaultHTTPWord = "gemeente"

// HTTPConfig sets up the HTTP measurement: vanelkaar's web server
// (web.Server, as `vanelkaar serve` runs it) on a loopback listener,
// driven by concurrent clients with keep-alive connections, each
// workload for a fixed time per number of clients.
type HTTPConfig struct {
	// Clients are the numbers of concurrent clients; nil means 1, 4, 16.
	Clients []int
	// Duration is the time of each step; 0 means 5 s.
	Duration time.Duration
	// RateLimit and RateBurst are the server's per-client rate limit
	// (web.Config); 0 means none. Every bench client comes from
	// 127.0.0.1, one client to the limit.
	RateLimit float64
	RateBurst int
	// Word is the one-word workload; "" means DefaultHTTPWord.
	Word string
	// Wrk, when set, is the path of wrk, which then measures the word
	// workload too.
	Wrk string
}

// HTTPRow is one workload at one number of clients.
type HTTPRow struct {
	Corpus   string
	Workload string
	Clients  int
	Requests int
	// Errors counts answers other than 200 OK, such as the rate limit's
	// 429.
	Errors   int
	RPS      float64
	P50, P99 time.Duration
}

// RateLimitText says which rate limit the measurement's server applies.
func (c *HTTPConfig) RateLimitText() string {
	if c.RateLimit <= 0 {
		return "none (bench's own server)"
	}
	return fmt.Sprintf("%g requests/s per client, burst %d (all bench clients are one client: 127.0.0.1)", c.RateLimit, c.RateBurst)
}

// workload is a named list of request addresses that clients take in
// turn.
type workload struct {
	name string
	urls []string
}

// runHTTP serves the loaded index over HTTP and drives every workload
// (the common word, then each mix) at every number of clients; with Wrk,
// wrk measures the word too.
func runHTTP(ctx context.Context, cfg *Config, corpus string, mixes []Mix, v *Vanelkaar) ([]HTTPRow, error) {
	hc := cfg.HTTP
	srv := web.New(web.Config{RateLimit: hc.RateLimit, RateBurst: hc.RateBurst}, v.Searcher())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("HTTP: %w", err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	// The server's goroutines carry the label phase=http in a CPU profile.
	pprof.Do(ctx, pprof.Labels("phase", "http", "corpus", corpus), func(context.Context) { go hs.Serve(ln) })
	defer hs.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	defer client.CloseIdleConnections()
	var rows []HTTPRow
	for i, w := range hc.workloads("http://"+ln.Addr().String(), mixes, cfg.Size) {
		for _, n := range hc.clients() {
			cfg.progress("%s: HTTP, %s, %d clients", corpus, w.name, n)
			row, err := drive(ctx, client, w.urls, n, hc.duration())
			if err != nil {
				return rows, fmt.Errorf("HTTP, %s: %w", w.name, err)
			}
			row.Corpus, row.Workload = corpus, w.name
			rows = append(rows, row)
		}
		if i == 0 && hc.Wrk != "" {
			rows = append(rows, hc.wrkRows(ctx, cfg, corpus, w)...)
		}
	}
	return rows, nil
}

// wrkRows measures a one-address workload with wrk at every number of
// clients. wrk is a check on the figures: when it fails, the progress
// says why and the run goes on without its row.
func (c *HTTPConfig) wrkRows(ctx context.Context, cfg *Config, corpus string, w workload) []HTTPRow {
	var rows []HTTPRow
	for _, n := range c.clients() {
		cfg.progress("%s: HTTP, %s, %d connections of wrk", corpus, w.name, n)
		row, err := wrkRow(ctx, c.Wrk, w.urls[0], n, c.duration())
		if err != nil {
			cfg.progress("%s: wrk at %d connections left out: %v", corpus, n, err)
			continue
		}
		row.Corpus, row.Workload = corpus, w.name+" (wrk)"
		rows = append(rows, row)
	}
	return rows
}

// workloads are the common word's request and each mix's.
func (c *HTTPConfig) workloads(base string, mixes []Mix, size int) []workload {
	word := c.Word
	if word == "" {
		word = DefaultHTTPWord
	}
	loads := []workload{{"word `" + word + "`", []string{searchURL(base, Query{Text: word}, size)}}}
	for _, m := range mixes {
		w := workload{name: m.Name + " mix"}
		for _, q := range m.Queries {
			w.urls = append(w.urls, searchURL(base, q, size))
		}
		loads = append(loads, w)
	}
	return loads
}

func (c *HTTPConfig) clients() []int {
	if len(c.Clients) == 0 {
		return []int{1, 4, 16}
	}
	return c.Clients
}

func (c *HTTPConfig) duration() time.Duration {
	if c.Duration <= 0 {
		return 5 * time.Second
	}
	return c.Duration
}

// searchURL is the API request of a query: its words, filters and size.
func searchURL(base string, q Query, size int) string {
	v := url.Values{"q": {q.Text}, "size": {strconv.Itoa(size)}}
	for f, vals := range q.Filters {
		v[f] = vals
	}
	return base + "/api/v1/search?" + v.Encode()
}

// drive has n clients request the addresses in turn, each starting at
// its own, for d, and measures every request.
func drive(ctx context.Context, client *http.Client, urls []string, n int, d time.Duration) (HTTPRow, error) {
	lat := make([][]time.Duration, n)
	bad := make([]int, n)
	errs := make([]error, n)
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for c := range n {
		wg.Go(func() {
			for i := c; time.Now().Before(deadline) && errs[c] == nil; i++ {
				t := time.Now()
				ok, err := get(ctx, client, urls[i%len(urls)])
				lat[c] = append(lat[c], time.Since(t))
				errs[c] = err
				if !ok {
					bad[c]++
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	row := HTTPRow{Clients: n}
	var all []time.Duration
	for c := range n {
		if errs[c] != nil {
			return row, errs[c]
		}
		all = append(all, lat[c]...)
		row.Errors += bad[c]
	}
	row.Requests = len(all)
	row.RPS = float64(len(all)) / elapsed.Seconds()
	row.P50, row.P99 = percentile(all, 50), percentile(all, 99)
	return row, nil
}

// get makes one request and reads the whole answer; ok is a 200.
func get(ctx context.Context, client *http.Client, u string) (ok bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return false, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}
