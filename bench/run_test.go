package bench

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ds := []time.Duration{5, 1, 4, 2, 3, 10, 9, 8, 7, 6}
	for _, tc := range []struct {
		p    int
		want time.Duration
	}{{50, 5}, {95, 10}, {99, 10}, {10, 1}, {11, 2}, {100, 10}} {
		if got := percentile(ds, tc.p); got != tc.want {
			t.Errorf("percentile(%d) = %v, want %v", tc.p, got, tc.want)
		}
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("percentile of nothing = %v", got)
	}
}

// TestCompare: the ratios are to the baseline's percentiles, and Faster
// counts the queries whose median is below the baseline's.
func TestCompare(t *testing.T) {
	base := Row{P50: 10, P99: 40, PerQuery: []time.Duration{5, 10, 20}}
	r := Row{P50: 5, P99: 80, PerQuery: []time.Duration{4, 10, 30}}
	r.compare(&base)
	if r.RatioP50 != 0.5 || r.RatioP99 != 2 || r.Faster != 1 {
		t.Errorf("ratios %.2f and %.2f, %d faster; want 0.50, 2.00 and 1", r.RatioP50, r.RatioP99, r.Faster)
	}
}

func TestWriteBuilds(t *testing.T) {
	rep := &Report{Builds: []BuildRow{
		{Corpus: "c", Passages: 10, Engine: "vanelkaar", TextBytes: 2e6, BuildStats: BuildStats{Time: 1500 * time.Millisecond, PeakRSS: 300e6, Size: 3e6, Phases: "apart"}},
		{Corpus: "c", Passages: 10, Engine: "other", BuildStats: BuildStats{Time: time.Second, Size: 1e6}},
	}}
	var b strings.Builder
	if err := rep.WriteBuilds(&b); err != nil {
		t.Fatal(err)
	}
	want := "| c | 10 | vanelkaar | 1.5 | 300.0 | 3.00 | 2.00 | 1.50 | apart |\n| c | 10 | other | 1.0 | - | 1.00 | - | - |  |\n"
	if !strings.HasSuffix(b.String(), want) {
		t.Errorf("table:\n%s\nwant it to end with:\n%s", b.String(), want)
	}
}

// TestWatchPeakRSS: a child's peak RSS is its own, not this process's,
// however large this one is.
func TestWatchPeakRSS(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("peak RSS is read from /proc")
	}
	big := make([]byte, 300<<20)
	for i := range big {
		big[i] = 1
	}
	cmd := exec.Command("sleep", "0.3")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stop := watchPeakRSS(cmd.Process.Pid)
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	peak := stop()
	self, err := PeakRSSOf(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if peak <= 0 || peak > 50<<20 || self < 300<<20 {
		t.Errorf("the child's peak RSS is %d bytes, this process's %d; want the child's below 50 MiB and this one's above 300 MiB", peak, self)
	}
	runtime.KeepAlive(big)
}
