package web

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"vanelkaar/corpus"
	"vanelkaar/search"
)

// The fixed vocabulary of /readyz: it says ready or not and why, never
// with a path, a file's contents or an error's text.
const (
	notReadyDetail     = "no index yet: the first one is being built"
	reindexCorpusError = "the corpus has errors; see the server log or vanelkaar check"
	reindexBuildError  = "the index could not be built; see the server log"
)

// readiness is the body of /readyz.
type readiness struct {
	Status string `json:"status"` // "ready" or "not ready"
	Detail string `json:"detail,omitempty"`
	// Documents and BuiltAt describe the index being served.
	Documents int    `json:"documents,omitempty"`
	BuiltAt   string `json:"built_at,omitempty"`
	// Reindex is the last rebuild, when a reloader is configured.
	Reindex *reindexState `json:"reindex,omitempty"`
}

type reindexState struct {
	Running bool       `json:"running"`
	Last    *time.Time `json:"last,omitempty"`
	OK      bool       `json:"ok"`
	// Error says why the last rebuild failed, in a fixed vocabulary
	// (reindexCorpusError, reindexBuildError): the details, with paths
	// and lines, go to the log and to `vanelkaar check`, never to a
	// public answer.
	Error     string  `json:"error,omitempty"`
	TookMS    float64 `json:"took_ms,omitempty"`
	Succeeded int     `json:"succeeded"`
	Failed    int     `json:"failed"`
	// Progress is how far the running rebuild is; absent when none runs
	// or it has not reported yet.
	Progress *buildProgress `json:"progress,omitempty"`
}

// buildProgress is a running build's progress: its stage (a word of
// buildStages), documents done of the total in it, the percentage, and
// the seconds since it started and expected still (absent when unknown).
type buildProgress struct {
	Stage            string   `json:"stage"`
	Done             int      `json:"done,omitempty"`
	Total            int      `json:"total,omitempty"`
	Percent          float64  `json:"percent,omitempty"`
	ElapsedSeconds   float64  `json:"elapsed_seconds"`
	RemainingSeconds *float64 `json:"remaining_seconds,omitempty"`
}

// buildStages is the vocabulary of a build's stage in /readyz; any other
// word a builder reports shows as "building".
var buildStages = map[string]bool{"loading": true, "analysing": true, "writing": true, "merging": true, "done": true}

func progressOf(p *search.BuildProgress) *buildProgress {
	if p == nil {
		return nil
	}
	bp := &buildProgress{Stage: "building", Done: p.Done, Total: p.Total, ElapsedSeconds: p.Elapsed.Round(time.Second).Seconds()}
	if buildStages[p.Stage] {
		bp.Stage = p.Stage
	}
	if p.Total > 0 {
		bp.Percent = math.Round(1000*float64(p.Done)/float64(p.Total)) / 10
	}
	if p.Remaining >= 0 {
		r := p.Remaining.Round(time.Second).Seconds()
		bp.RemainingSeconds = &r
	}
	return bp
}

// retryAfter is the Retry-After of a 503 while no index is loaded: the
// seconds the build is expected to take still, between 1 and 60, or 5
// when unknown.
func (srv *Server) retryAfter() string {
	secs := 5
	if r := srv.cfg.Reloader; r != nil {
		if p := r.Status().Progress; p != nil && p.Remaining >= 0 {
			secs = min(max(int(p.Remaining.Seconds()+0.5), 1), 60)
		}
	}
	return strconv.Itoa(secs)
}

// serveReady answers /readyz: 200 while an index serves, 503 before. A
// failed rebuild does not make the server unready, since the previous
// index still answers, but its error is shown.
func (srv *Server) serveReady(c echo.Context) error {
	body := readiness{Status: "ready"}
	code := http.StatusOK
	if err := srv.s.Ready(); err != nil {
		body.Status, body.Detail, code = "not ready", notReadyDetail, http.StatusServiceUnavailable
		c.Response().Header().Set("Retry-After", srv.retryAfter())
	}
	if r := srv.cfg.Reloader; r != nil {
		st := r.Status()
		body.Documents, body.BuiltAt = st.Documents, st.BuiltAt
		rs := &reindexState{Running: st.Running, OK: st.LastErr == nil, Succeeded: st.Succeeded, Failed: st.Failed,
			TookMS: float64(st.LastTook.Microseconds()) / 1000, Progress: progressOf(st.Progress)}
		if !st.Last.IsZero() {
			last := st.Last.UTC()
			rs.Last = &last
		}
		if st.LastErr != nil {
			rs.Error = reindexBuildError
			var ps corpus.Problems
			if errors.As(st.LastErr, &ps) {
				rs.Error = reindexCorpusError
			}
		}
		body.Reindex = rs
	}
	return c.JSON(code, body)
}
