package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/corpus"
	"vanelkaar/search"
)

func TestReadyz(t *testing.T) {
	last := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	// A corpus problem may quote a file's contents (a YAML error does),
	// and both errors name server paths: none of it may be answered.
	corpusErr := corpus.Problems{{Path: "/srv/corpus/artikelen/02-x.md", Line: 4, Message: "yaml: root:x:0:0:root:/root:/bin/bash"}}
	failed := search.ReloadStatus{Documents: 41, BuiltAt: "2026-11-28T09:00:00Z", Last: last,
		LastErr: corpusErr, LastTook: 20 * time.Millisecond, Succeeded: 1, Failed: 1}
	failedBuild := failed
	failedBuild.LastErr = errors.New("open /srv/index/.tmp-build-1: permission denied")
	// The first build, under way: not ready, with how far it is and how
	// long it is expected to take still.
	building := search.ReloadStatus{Running: true, Progress: &search.BuildProgress{
		Stage: "writing", Done: 300, Total: 1200, Elapsed: 12 * time.Second, Remaining: 36 * time.Second}}
	loading := search.ReloadStatus{Running: true, Progress: &search.BuildProgress{
		Stage: "/srv/corpus/artikelen", Elapsed: 0, Remaining: -1}}
	remaining := 36.0
	tests := []struct {
		name     string
		searcher Searcher
		reloader Reloader
		wantCode int
		want     readiness
	}{
		{"first build under way", &search.Searcher{}, &fakeReloader{status: building}, http.StatusServiceUnavailable, readiness{
			Status: "not ready", Detail: notReadyDetail,
			Reindex: &reindexState{Running: true, OK: true, Progress: &buildProgress{
				Stage: "writing", Done: 300, Total: 1200, Percent: 25, ElapsedSeconds: 12, RemainingSeconds: &remaining}},
		}},
		// A stage outside the vocabulary is not shown; an unknown
		// remaining time is left out.
		{"unknown stage", &search.Searcher{}, &fakeReloader{status: loading}, http.StatusServiceUnavailable, readiness{
			Status: "not ready", Detail: notReadyDetail,
			Reindex: &reindexState{Running: true, OK: true, Progress: &buildProgress{Stage: "building"}},
		}},
		{"ready, no reloader", opsSearcher(t), nil, http.StatusOK, readiness{Status: "ready"}},
		{"not ready", &search.Searcher{}, nil, http.StatusServiceUnavailable,
			readiness{Status: "not ready", Detail: notReadyDetail}},
		// The last rebuild failed, but the previous index serves: still
		// ready, and the error is shown.
		{"ready after a failed rebuild", opsSearcher(t), &fakeReloader{status: failed}, http.StatusOK, readiness{
			Status: "ready", Documents: 41, BuiltAt: "2026-11-28T09:00:00Z",
			Reindex: &reindexState{Last: &last, OK: false, Error: reindexCorpusError, TookMS: 20, Succeeded: 1, Failed: 1},
		}},
		{"ready after a failed build", opsSearcher(t), &fakeReloader{status: failedBuild}, http.StatusOK, readiness{
			Status: "ready", Documents: 41, BuiltAt: "2026-11-28T09:00:00Z",
			Reindex: &reindexState{Last: &last, OK: false, Error: reindexBuildError, TookMS: 20, Succeeded: 1, Failed: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := opsDo(t, New(Config{Reloader: tt.reloader}, tt.searcher), http.MethodGet, "/readyz", "", nil, "")
			if res.StatusCode != tt.wantCode {
				t.Errorf("status %d, want %d", res.StatusCode, tt.wantCode)
			}
			if ra := res.Header.Get("Retry-After"); (tt.wantCode == http.StatusServiceUnavailable) != (ra != "") {
				t.Errorf("Retry-After %q with status %d", ra, res.StatusCode)
			}
			var got readiness
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			for _, leak := range []string{"/srv/", "root:x", "02-x.md", "permission denied"} {
				if strings.Contains(body, leak) {
					t.Errorf("/readyz shows %q: %s", leak, body)
				}
			}
		})
	}
}
