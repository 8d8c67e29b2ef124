package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"vanelkaar/corpus"
	"vanelkaar/search"
)

// Query statistics for editors: which searches find nothing, so they know
// which synonyms or texts to add. They are off unless Config.QueryStats is
// set. What is kept, and for how long:
//
//   - Only searches that found nothing (total 0), as typed in the search
//     box or the API, folded (lower case, no accents, single spaces), with
//     their filters. Nothing about who asked: no address, no user agent,
//     no time per search, no cookie; the requests are not linked.
//   - A search asked fewer than QueryStatsThreshold times is kept only as
//     a keyed hash (HMAC-SHA-256 with a key made at start-up and never
//     written anywhere) and a count: its text is not in memory. From the
//     threshold on, the text and the count are kept and reported.
//   - Everything is in memory only, and is forgotten after QueryStatsWindow
//     (the table starts afresh) or when the process stops, whichever comes
//     first. At most maxPendingQueries hashes and maxReportedQueries texts
//     are held; beyond that the hashes are dropped and counting starts
//     again, and further texts are not added.
const (
	QueryStatsThreshold = 3
	QueryStatsWindow    = 7 * 24 * time.Hour
	maxPendingQueries   = 10000
	maxReportedQueries  = 1000
)

// queryStats counts the searches that found nothing.
type queryStats struct {
	mu  sync.Mutex
	key []byte // HMAC key: random, per process
	now func() time.Time
	// since is when counting started (the start of the window).
	since time.Time
	// pending counts the searches below the threshold, by keyed hash.
	pending map[[sha256.Size]byte]int
	// reported counts the searches from the threshold on, by folded text.
	reported map[string]*queryCount
	// dropped counts searches not counted because the table was full.
	dropped int
}

type queryCount struct {
	Query   string              `json:"query"`
	Filters map[string][]string `json:"filters"`
	Count   int                 `json:"count"`
}

func newQueryStats(now func() time.Time) *queryStats {
	key := make([]byte, 32)
	rand.Read(key) // never fails (crypto/rand panics rather than return an error)
	if now == nil {
		now = time.Now
	}
	return &queryStats{key: key, now: now, since: now(), pending: map[[sha256.Size]byte]int{}, reported: map[string]*queryCount{}}
}

// statsKey is the folded query and its filters in a fixed order: what
// makes two searches the same.
func statsKey(r search.Request) (text string, filters map[string][]string, key string) {
	text = corpus.FoldName(r.Query)
	filters = map[string][]string{}
	var b strings.Builder
	b.WriteString(text)
	for _, f := range search.FacetNames {
		vals := slices.Clone(r.Filters[f])
		if len(vals) == 0 {
			continue
		}
		slices.Sort(vals)
		vals = slices.Compact(vals)
		filters[f] = vals
		b.WriteString("\x00" + f + "=" + strings.Join(vals, ","))
	}
	return text, filters, b.String()
}

// record counts a search that found nothing.
func (q *queryStats) record(r search.Request) {
	text, filters, key := statsKey(r)
	if text == "" {
		return // filters alone: not a word an editor can add
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if now := q.now(); now.Sub(q.since) >= QueryStatsWindow {
		q.since = now
		clear(q.pending)
		clear(q.reported)
		q.dropped = 0
	}
	if rc := q.reported[key]; rc != nil {
		rc.Count++
		return
	}
	mac := hmac.New(sha256.New, q.key)
	mac.Write([]byte(key))
	var h [sha256.Size]byte
	copy(h[:], mac.Sum(nil))
	n := q.pending[h] + 1
	if n < QueryStatsThreshold {
		if _, ok := q.pending[h]; !ok && len(q.pending) >= maxPendingQueries {
			// Full: forget the rare searches and count afresh, rather
			// than grow without bound.
			clear(q.pending)
			q.dropped++
		}
		q.pending[h] = n
		return
	}
	delete(q.pending, h)
	if len(q.reported) >= maxReportedQueries {
		q.dropped++
		return
	}
	q.reported[key] = &queryCount{Query: text, Filters: filters, Count: n}
}

// queryStatsReport is the answer of GET /query-stats.
type queryStatsReport struct {
	// Since is when counting started; the counts cover the time since.
	Since time.Time `json:"since"`
	// Threshold is how often a search must be asked to be listed.
	Threshold int `json:"threshold"`
	// WindowSeconds is how long counts are kept before starting afresh.
	WindowSeconds int          `json:"window_seconds"`
	Queries       []queryCount `json:"queries"`
	// Dropped counts searches not counted because the table was full.
	Dropped int `json:"dropped"`
}

func (q *queryStats) report() queryStatsReport {
	q.mu.Lock()
	defer q.mu.Unlock()
	rep := queryStatsReport{Since: q.since.UTC(), Threshold: QueryStatsThreshold, WindowSeconds: int(QueryStatsWindow.Seconds()), Queries: []queryCount{}, Dropped: q.dropped}
	for _, rc := range q.reported {
		rep.Queries = append(rep.Queries, queryCount{Query: rc.Query, Filters: rc.Filters, Count: rc.Count})
	}
	sort.Slice(rep.Queries, func(i, j int) bool {
		a, b := rep.Queries[i], rep.Queries[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Query < b.Query
	})
	return rep
}

// searchedBy counts a search answered to a person: in the metrics, and in
// the query statistics when it found nothing and they are on. Instant
// searches (as the user types) and later pages are not counted there: they
// repeat a search rather than ask one.
func (srv *Server) searchedBy(req search.Request, res *search.Result) {
	srv.metrics.searched(res)
	if srv.queryStats == nil || res.Total != 0 || req.Prefix || req.Page > 1 {
		return
	}
	srv.queryStats.record(req)
}

// serveQueryStats answers GET /query-stats on the public listener under
// the same protection as /metrics: loopback clients only, and not at all
// when there is an admin listener. Without Config.QueryStats it is 404.
func (srv *Server) serveQueryStats(c echo.Context) error {
	if srv.queryStats == nil || srv.cfg.AdminListener {
		return echo.ErrNotFound
	}
	if a, ok := peerAddr(c.Request().RemoteAddr); !ok || !a.IsLoopback() {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, srv.queryStats.report())
}

// queryStatsHandler serves the report on the admin listener.
func (srv *Server) queryStatsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if srv.queryStats == nil {
			http.NotFound(w, r)
			return
		}
		c := srv.e.NewContext(r, w)
		c.JSON(http.StatusOK, srv.queryStats.report())
	})
}
