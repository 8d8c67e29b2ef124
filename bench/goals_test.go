package bench

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestWriteGoals(t *testing.T) {
	ms := time.Millisecond
	rep := &Report{
		Rows: []Row{
			{Corpus: "c", Mix: MixCommon, Engine: "vanelkaar", P50: 2 * ms, P99: 10 * ms, List: make([]Query, 3)},
			{Corpus: "c", Mix: MixCommon, Engine: "sqlite", P50: 1 * ms, P99: 1 * ms, List: make([]Query, 3), Faster: 3},
			{Corpus: "c", Mix: MixCommon, Engine: "postgres", P50: 5 * ms, P99: 15 * ms, List: make([]Query, 3), Faster: 1},
		},
		Builds: []BuildRow{
			{Corpus: "c", Engine: "vanelkaar", TextBytes: 100e6, BuildStats: BuildStats{Time: 30 * time.Second, PeakRSS: 400e6, Size: 250e6}},
			{Corpus: "c", Engine: "postgres", BuildStats: BuildStats{Time: 20 * time.Second}},
		},
	}
	var b strings.Builder
	if err := rep.WriteGoals(&b, "postgres"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n")[2:] {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		got = append(got, cells[1]+": "+cells[4]+" "+cells[5])
	}
	want := []string{
		"common mix: p50 at most 0.5× postgres's: 0.40× yes",
		"common mix: p99 at most 0.5× postgres's: 0.67× no",
		"common mix: no query slower than postgres's: 1 of 3 slower no",
		"build no slower than postgres's: 1.50× no",
		"peak build RSS under 500 MB:  yes",
		"index under 2× the corpus files: 2.50× no",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("goals (-want +got):\n%s\n%s", diff, b.String())
	}
}
