package bench

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"vanelkaar/corpus"
	"vanelkaar/corpus/synth"
)

// lexiconSet is a generated corpus of n passages, with its files.
func lexiconSet(t *testing.T, n int) *Set {
	t.Helper()
	files, err := synth.Generate(synth.Options{Passages: n, Seed: synth.DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	s, err := LoadSet(fmt.Sprintf("generated-%d", n), files, corpus.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRunBothMixesAndHTTP: one run times the common and the rare mix,
// reports the build, and drives the real HTTP server with 1 and 4
// clients for the common word and each mix.
func TestRunBothMixesAndHTTP(t *testing.T) {
	set := lexiconSet(t, 1500)
	v := &Vanelkaar{TempDir: t.TempDir()}
	defer v.Close()
	cfg := Config{Queries: DefaultQueries()[:3], Rare: true, Rounds: 2,
		HTTP: &HTTPConfig{Clients: []int{1, 4}, Duration: 300 * time.Millisecond}}
	rep, err := Run(context.Background(), cfg, []*Set{set}, []Engine{v})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rows) != 2 || rep.Rows[0].Mix != MixCommon || rep.Rows[1].Mix != MixRare {
		t.Fatalf("rows %+v, want the common and the rare mix", rep.Rows)
	}
	if r := rep.Rows[1]; len(r.List) != len(RareQueries(set.Corpus)) || r.Queries != 2*len(r.List) || r.Matches < 1 {
		t.Errorf("rare mix: %d queries listed, %d timed, %.1f matches each; want the corpus's rare mix twice, each found",
			len(r.List), r.Queries, r.Matches)
	}
	if len(rep.Builds) != 1 || rep.Builds[0].Size <= 0 || rep.Builds[0].TextBytes != set.TextBytes || rep.Builds[0].Time <= 0 {
		t.Errorf("builds %+v, want one with a size, the corpus's text size and a time", rep.Builds)
	}
	var workloads []string
	for _, h := range rep.HTTP {
		workloads = append(workloads, fmt.Sprintf("%s/%d", h.Workload, h.Clients))
		if h.Requests == 0 || h.Errors != 0 || h.RPS <= 0 || h.P50 <= 0 || h.P50 > h.P99 {
			t.Errorf("%s at %d clients: %d requests, %d not 200, %.0f/s, p50 %v, p99 %v", h.Workload, h.Clients, h.Requests, h.Errors, h.RPS, h.P50, h.P99)
		}
	}
	want := "word `gemeente`/1 word `gemeente`/4 common mix/1 common mix/4 rare mix/1 rare mix/4"
	if got := strings.Join(workloads, " "); got != want {
		t.Errorf("HTTP steps %q, want %q", got, want)
	}
	var out bytes.Buffer
	if err := rep.WriteHTTP(&out); err != nil || strings.Count(out.String(), "\n") != 2+len(rep.HTTP) {
		t.Errorf("HTTP table (%v):\n%s", err, out.String())
	}
}

// TestHTTPRateLimit: with a rate limit the bench's clients, all one
// client to the server, are refused beyond it, and the report says so.
func TestHTTPRateLimit(t *testing.T) {
	set := lexiconSet(t, 100)
	v := &Vanelkaar{TempDir: t.TempDir()}
	defer v.Close()
	hc := &HTTPConfig{Clients: []int{4}, Duration: 500 * time.Millisecond, RateLimit: 2, RateBurst: 1}
	cfg := Config{Queries: DefaultQueries()[:1], Rounds: 1, HTTP: hc}
	rep, err := Run(context.Background(), cfg, []*Set{set}, []Engine{v})
	if err != nil {
		t.Fatal(err)
	}
	h := rep.HTTP[0]
	if h.Errors == 0 || h.Errors == h.Requests {
		t.Errorf("%d of %d requests refused at 2/s, want some but not all", h.Errors, h.Requests)
	}
	if got := hc.RateLimitText(); !strings.HasPrefix(got, "2 requests/s per client, burst 1") {
		t.Errorf("rate limit text %q", got)
	}
	if got := (&HTTPConfig{}).RateLimitText(); got != "none (bench's own server)" {
		t.Errorf("no rate limit: %q", got)
	}
}
