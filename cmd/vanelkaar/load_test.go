package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Load test parameters: 32 clients for 10 seconds, against a real listener
// on 127.0.0.1. With -short the run is 3 seconds.
const (
	loadClients  = 32
	loadDuration = 10 * time.Second
)

// loadQueries are requests a visitor makes: words, phrases, exclusions,
// OR, filters, an empty query with a filter, and the word that only the
// article added during the test contains.
var loadQueries = []string{
	"q=balie",
	"q=data",
	"q=privacy+gemeente",
	"q=" + url.QueryEscape(`"digitale balie"`),
	"q=fietspaden+-privacy",
	"q=paspoort+OR+fietspaden",
	"q=inwoners&theme=inclusiviteit",
	"q=gemeente&municipality=proefdorp&municipality=voorbeeldstad",
	"theme=verantwoord-datagebruik",
	"q=wethouder&role=bestuur&page=1&size=5",
	"q=" + uniqueWord,
}

// TestLoadWithReindex runs 32 clients for a bounded time and, a third of
// the way in, adds an article to the corpus and triggers a reindex through
// the admin route. Every request must succeed (no 5xx, no failed
// connection, no other status than 200), and the new article's word must
// become findable while the load goes on. p50 and p99 latency are logged.
func TestLoadWithReindex(t *testing.T) {
	dur := loadDuration
	if testing.Short() {
		dur = 3 * time.Second
	}
	dir := copyCorpus(t)
	cfg := testServeConfig(dir)
	cfg.Web.AdminToken = "test-token"
	s := startServer(t, cfg)
	s.waitReady(t)
	if n := s.total(t, uniqueWord); n != 0 {
		t.Fatalf("%s: %d results before the article was added", uniqueWord, n)
	}

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		statuses  = map[int]int{}
		failures  []string
		requests  atomic.Int64
	)
	start := time.Now()
	deadline := start.Add(dur)
	var wg sync.WaitGroup
	for c := range loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for i := c; time.Now().Before(deadline); i++ {
				q := loadQueries[i%len(loadQueries)]
				t0 := time.Now()
				res, err := client.Get(s.url + "/api/v1/search?" + q)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				took := time.Since(t0)
				requests.Add(1)
				mu.Lock()
				if err != nil {
					failures = append(failures, fmt.Sprintf("%s: %v", q, err))
				} else {
					statuses[res.StatusCode]++
				}
				mu.Unlock()
				mine = append(mine, took)
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}

	// A third of the way in: a new article, and a reindex.
	time.Sleep(dur / 3)
	writeFile(t, filepath.Join(dir, "artikelen", "03-vlinders.md"), newArticle)
	req, _ := http.NewRequest(http.MethodPost, s.url+"/api/v1/admin/reindex", nil)
	req.Header.Set("Authorization", "Bearer test-token")
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusAccepted {
		t.Fatalf("POST /api/v1/admin/reindex: status %d, want 202", res.StatusCode)
	}
	triggered := time.Now()
	var foundAfter time.Duration
	for time.Now().Before(deadline) {
		if s.total(t, uniqueWord) > 0 {
			foundAfter = time.Since(triggered)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	wg.Wait()
	elapsed := time.Since(start)

	if foundAfter == 0 {
		t.Errorf("%s was not findable before the end of the load; log:\n%s", uniqueWord, s.logs.String())
	}
	if len(failures) > 0 {
		t.Errorf("%d requests failed, first: %s", len(failures), failures[0])
	}
	for code, n := range statuses {
		if code != http.StatusOK {
			t.Errorf("%d answers with status %d", n, code)
		}
	}
	if _, r := s.ready(t); r.Reindex.Succeeded != 2 || r.Reindex.Failed != 0 {
		t.Errorf("rebuilds: %+v, want the start-up build and the reindex", r.Reindex)
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	n := requests.Load()
	t.Logf("%d clients, %v: %d requests (%.0f/s), statuses %v; latency p50 %v, p99 %v, max %v; new article findable %v after the reindex request",
		loadClients, elapsed.Round(time.Millisecond), n, float64(n)/elapsed.Seconds(), statuses,
		pct(0.50), pct(0.99), latencies[len(latencies)-1], foundAfter.Round(time.Millisecond))
}
