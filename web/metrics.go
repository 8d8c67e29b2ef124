package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"vanelkaar/search"
)

// metrics are the Prometheus metrics of one Server, in a registry of its
// own (not the global one), so several servers in one process, as in the
// tests, each count their own.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	searches    prometheus.Counter
	zeroResults prometheus.Counter
}

// latencyBuckets suit a search that takes well under a millisecond on the
// series and a few on a large corpus.
var latencyBuckets = []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

func newMetrics(r Reloader) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vanelkaar_http_requests_total",
			Help: "HTTP requests answered, by route template, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "vanelkaar_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route template and method.",
			Buckets: latencyBuckets,
		}, []string{"route", "method"}),
		searches: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "vanelkaar_searches_total",
			Help: "Searches answered.",
		}),
		zeroResults: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "vanelkaar_search_zero_results_total",
			Help: "Searches answered with no results: what users look for and the corpus lacks.",
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.searches, m.zeroResults,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if r != nil {
		m.reg.MustRegister(indexCollectors(r)...)
	}
	return m
}

// indexCollectors report the index being served and its rebuilds, read
// from the reloader at each scrape.
func indexCollectors(r Reloader) []prometheus.Collector {
	gauge := func(name, help string, f func(search.ReloadStatus) float64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 { return f(r.Status()) })
	}
	reindexes := func(outcome string, f func(search.ReloadStatus) int) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name:        "vanelkaar_reindex_total",
			Help:        "Index rebuilds since start, by outcome (success or failure).",
			ConstLabels: prometheus.Labels{"outcome": outcome},
		}, func() float64 { return float64(f(r.Status())) })
	}
	return []prometheus.Collector{
		gauge("vanelkaar_index_documents", "Documents in the index being served.",
			func(s search.ReloadStatus) float64 { return float64(s.Documents) }),
		gauge("vanelkaar_reindex_last_timestamp_seconds", "When the last rebuild ended, in Unix seconds; 0 before the first.",
			func(s search.ReloadStatus) float64 {
				if s.Last.IsZero() {
					return 0
				}
				return float64(s.Last.UnixMilli()) / 1000
			}),
		gauge("vanelkaar_reindex_last_success", "1 when the last rebuild succeeded, 0 when it failed (the previous index still serves).",
			func(s search.ReloadStatus) float64 {
				if s.LastErr != nil {
					return 0
				}
				return 1
			}),
		gauge("vanelkaar_reindex_last_duration_seconds", "How long the last rebuild took.",
			func(s search.ReloadStatus) float64 { return s.LastTook.Seconds() }),
		gauge("vanelkaar_reindex_running", "1 while a rebuild is under way.",
			func(s search.ReloadStatus) float64 {
				if s.Running {
					return 1
				}
				return 0
			}),
		reindexes("success", func(s search.ReloadStatus) int { return s.Succeeded }),
		reindexes("failure", func(s search.ReloadStatus) int { return s.Failed }),
	}
}

var knownMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodPost: true, http.MethodPut: true,
	http.MethodPatch: true, http.MethodDelete: true, http.MethodOptions: true,
}

// observe counts one answered request.
func (m *metrics) observe(route, method string, status int, took time.Duration) {
	if !knownMethods[method] {
		method = "other" // clients choose methods: keep label values bounded
	}
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route, method).Observe(took.Seconds())
}

// searched counts a search and whether it found nothing.
func (m *metrics) searched(res *search.Result) {
	m.searches.Inc()
	if res.Total == 0 {
		m.zeroResults.Inc()
	}
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// serveMetrics answers GET /metrics on the public listener: only to a
// client on the same machine (a loopback peer, whatever the forwarding
// headers say), and not at all when the metrics have a listener of their
// own (Config.AdminListener). Others get 404, as for any unknown path.
func (srv *Server) serveMetrics(c echo.Context) error {
	if srv.cfg.AdminListener {
		return echo.ErrNotFound
	}
	if a, ok := peerAddr(c.Request().RemoteAddr); !ok || !a.IsLoopback() {
		return echo.ErrNotFound
	}
	srv.metricsHandler.ServeHTTP(c.Response(), c.Request())
	return nil
}

// AdminHandler serves /metrics, /query-stats, /healthz and /readyz for a listener of
// their own (--admin-addr), which the operator keeps off the internet.
func (srv *Server) AdminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", srv.metricsHandler)
	mux.Handle("GET /query-stats", srv.queryStatsHandler())
	mux.Handle("GET /healthz", srv)
	mux.Handle("GET /readyz", srv)
	return mux
}
