package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"vanelkaar/corpus"
)

// The fixed vocabulary of /readyz: it says ready or not and why, never
// with a path, a file's contents or an error's text.
const (
	notReadyDetail     = "the index is being built"
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
}

// serveReady answers /readyz: 200 while an index serves, 503 before. A
// failed rebuild does not make the server unready, since the previous
// index still answers, but its error is shown.
func (srv *Server) serveReady(c echo.Context) error {
	body := readiness{Status: "ready"}
	code := http.StatusOK
	if err := srv.s.Ready(); err != nil {
		body.Status, body.Detail, code = "not ready", notReadyDetail, http.StatusServiceUnavailable
	}
	if r := srv.cfg.Reloader; r != nil {
		st := r.Status()
		body.Documents, body.BuiltAt = st.Documents, st.BuiltAt
		rs := &reindexState{Running: st.Running, OK: st.LastErr == nil, Succeeded: st.Succeeded, Failed: st.Failed,
			TookMS: float64(st.LastTook.Microseconds()) / 1000}
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
