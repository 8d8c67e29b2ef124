package bench

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
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

// TestSummarySet: a summary set of a corpus folder has the counts and the
// rare mix of the full set of the same corpus, and takes the same most
// frequent municipality from the loaded engine, without holding the
// corpus or documents.
func TestSummarySet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := synth.Write(dir, synth.Options{Passages: 3000, Seed: synth.DefaultSeed}); err != nil {
		t.Fatal(err)
	}
	full, err := LoadSet("generated-3000", os.DirFS(dir), corpus.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := SummarySet("generated-3000", full.Corpus, dir)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Corpus != nil || sum.Docs != nil || sum.Dir != dir || sum.TextBytes != full.TextBytes {
		t.Errorf("summary set holds a corpus (%v) or documents (%d), folder %q, %d bytes; want neither, %q and %d",
			sum.Corpus != nil, len(sum.Docs), sum.Dir, sum.TextBytes, dir, full.TextBytes)
	}
	if sum.Passages() != 3000 || sum.Documents() != len(full.Docs) || full.Documents() != len(full.Docs) {
		t.Errorf("summary set: %d passages and %d documents; full set %d documents; want 3000 and %d",
			sum.Passages(), sum.Documents(), full.Documents(), len(full.Docs))
	}
	if diff := cmp.Diff(full.RareQueries(), sum.RareQueries()); diff != "" || len(sum.RareQueries()) == 0 {
		t.Errorf("rare mixes (-full +summary):\n%s", diff)
	}
	v := &Vanelkaar{TempDir: t.TempDir()}
	defer v.Close()
	ctx := context.Background()
	if err := v.Load(ctx, full); err != nil {
		t.Fatal(err)
	}
	if err := sum.countMunicipalities(ctx, v); err != nil {
		t.Fatal(err)
	}
	q := Query{Text: "gemeente", Filters: map[string][]string{facetMunicipality: {AnyMunicipality}}}
	if a, b := q.Resolve(full), q.Resolve(sum); !cmp.Equal(a, b) || sum.muniDocs[b.Filters[facetMunicipality][0]] != full.muniDocs[b.Filters[facetMunicipality][0]] {
		t.Errorf("resolved on the full set to %v, on the summary set to %v; want one municipality with the same number of documents", a, b)
	}
	if err := v.Load(ctx, sum); err == nil {
		t.Error("a summary set loaded without a build command: no error")
	}
}
