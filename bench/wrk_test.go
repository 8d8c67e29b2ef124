package bench

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

func TestParseWrk(t *testing.T) {
	out := `Running 5s test @ http://127.0.0.1:40000/api/v1/search?q=gemeente&size=10
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.50ms    3.10ms  61.20ms   80.00%
    Req/Sec   640.10     50.00   750.00     70.00%
  Latency Distribution
     50%   11.90ms 
     75%   13.00ms
     90%   15.40ms
     99%  850.00us
  6401 requests in 5.00s, 20.10MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:   1280.20
Transfer/sec:      4.02MB
`
	row, err := parseWrk(out)
	if err != nil {
		t.Fatal(err)
	}
	want := HTTPRow{Requests: 6401, RPS: 1280.2, Errors: 7, P50: 11900 * time.Microsecond, P99: 850 * time.Microsecond}
	if row != want {
		t.Errorf("parseWrk = %+v, want %+v", row, want)
	}
	if _, err := parseWrk("unable to connect to 127.0.0.1:9 Connection refused"); err == nil {
		t.Error("a report without figures is not an error")
	}
}

// TestHTTPWrk: with Wrk, wrk measures the common word against the same
// server (it fails rather than skips in CI, where .ci/run installs wrk).
func TestHTTPWrk(t *testing.T) {
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	set := lexiconSet(t, 100)
	v := &Vanelkaar{TempDir: t.TempDir()}
	defer v.Close()
	cfg := Config{Queries: DefaultQueries()[:1], Rounds: 1,
		HTTP: &HTTPConfig{Clients: []int{2}, Duration: time.Second, Wrk: wrk}}
	rep, err := Run(context.Background(), cfg, []*Set{set}, []Engine{v})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, h := range rep.HTTP {
		if h.Workload == "word `gemeente` (wrk)" {
			found = true
			if h.Clients != 2 || h.Requests == 0 || h.Errors != 0 || h.RPS <= 0 || h.P50 <= 0 || h.P99 < h.P50 {
				t.Errorf("wrk row %+v", h)
			}
		}
	}
	if !found {
		t.Errorf("no wrk row in %+v", rep.HTTP)
	}
}
