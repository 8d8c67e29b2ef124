package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search"
	"vanelkaar/web"
)

// serveConfig is what `vanelkaar serve` is told.
type serveConfig struct {
	Addr string
	// Corpus is the --corpus folder and the limits of reading it.
	Corpus   corpusSource
	IndexDir string
	// Watch rebuilds the index when a file of the corpus folder changes,
	// once the folder has been quiet for WatchDelay.
	Watch      bool
	WatchDelay time.Duration
	LogFormat  string
	LogLevel   string
	// AdminToken turns on POST /api/v1/admin/reindex; it comes from the
	// environment only, so it does not show in the process list.
	AdminToken string
	RateLimit  float64
	RateBurst  int
	TrustProxy bool
	// ProxyNetworks is a comma-separated list of the networks whose
	// X-Forwarded-* headers --trust-proxy believes.
	ProxyNetworks string
	// AdminAddr, when set, serves /metrics (and the probes) on a listener
	// of its own; the public one then answers /metrics 404.
	AdminAddr string
	// QueryStats counts the searches that find nothing, for editors.
	QueryStats bool
	// MaxConns caps the open connections, MaxConnsPerClient those of one
	// client (an IPv4 address or IPv6 /64); 0 means no cap.
	MaxConns          int
	MaxConnsPerClient int
	IdleTimeout       time.Duration
	RequestTimeout    time.Duration
	ShutdownTimeout   time.Duration
	// CORSOrigins is a comma-separated list of the origins whose pages may
	// call the API (sites that embed the widget).
	CORSOrigins string
	PublicURL   string

	// wrap, when set, wraps the server's handler: tests use it to make
	// requests slow.
	wrap func(http.Handler) http.Handler
}

// wrapForTest is copied into serveConfig.wrap by runServe. Only tests that
// run this test binary as the command set it; it is nil otherwise.
var wrapForTest func(http.Handler) http.Handler

// serveEnv binds the flags of serve to environment variables.
var serveEnv = []envVar{
	{"addr", "VANELKAAR_ADDR"},
	{"corpus", "VANELKAAR_CORPUS"},
	{"max-file-bytes", "VANELKAAR_MAX_FILE_BYTES"},
	{"max-corpus-bytes", "VANELKAAR_MAX_CORPUS_BYTES"},
	{"follow-links", "VANELKAAR_FOLLOW_LINKS"},
	{"index", "VANELKAAR_INDEX"},
	{"watch", "VANELKAAR_WATCH"},
	{"watch-delay", "VANELKAAR_WATCH_DELAY"},
	{"log-format", "VANELKAAR_LOG_FORMAT"},
	{"log-level", "VANELKAAR_LOG_LEVEL"},
	{"rate-limit", "VANELKAAR_RATE_LIMIT"},
	{"rate-burst", "VANELKAAR_RATE_BURST"},
	{"trust-proxy", "VANELKAAR_TRUST_PROXY"},
	{"proxy-networks", "VANELKAAR_PROXY_NETWORKS"},
	{"admin-addr", "VANELKAAR_ADMIN_ADDR"},
	{"query-stats", "VANELKAAR_QUERY_STATS"},
	{"max-conns", "VANELKAAR_MAX_CONNS"},
	{"max-conns-per-client", "VANELKAAR_MAX_CONNS_PER_CLIENT"},
	{"idle-timeout", "VANELKAAR_IDLE_TIMEOUT"},
	{"request-timeout", "VANELKAAR_REQUEST_TIMEOUT"},
	{"shutdown-timeout", "VANELKAAR_SHUTDOWN_TIMEOUT"},
	{"cors-origins", "VANELKAAR_CORS_ORIGINS"},
	{"public-url", "VANELKAAR_PUBLIC_URL"},
}

// adminTokenEnv holds the admin token; it has no flag.
const adminTokenEnv = "VANELKAAR_ADMIN_TOKEN"

// Limits of the HTTP server that need no flag.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	// maxHeaderBytes bounds the request line and headers. net/http reads
	// headerSlack bytes beyond http.Server.MaxHeaderBytes before refusing,
	// so the server is given the difference.
	maxHeaderBytes = 16 << 10
	headerSlack    = 4 << 10
)

// Defaults of the connection flags.
const (
	defaultIdleTimeout       = 10 * time.Second
	defaultMaxConns          = 1024
	defaultMaxConnsPerClient = 64
	defaultProxyNetworks     = "127.0.0.0/8,::1/128"
)

func runServe(ctx context.Context, e *env, args []string) error {
	cfg, err := parseServe(e, args)
	if err != nil {
		return err
	}
	logger, err := newLogger(e.stderr, cfg.LogFormat, cfg.LogLevel)
	if err != nil {
		fmt.Fprintf(e.stderr, "serve: %v\n", err)
		return errUsage
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	cfg.wrap = wrapForTest
	return serve(ctx, cfg, ln, logger)
}

// parseServe reads serve's configuration from the environment and the
// command line; the command line wins.
func parseServe(e *env, args []string) (serveConfig, error) {
	fs := newFlags(e, "serve", "[--addr 127.0.0.1:8080] [--corpus DIR] [--index DIR] [--watch] [flags]")
	var cfg serveConfig
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	cfg.Corpus.addFlags(fs, "corpus folder (default: the embedded corpus)")
	fs.StringVar(&cfg.IndexDir, "index", "", "index folder (built by `vanelkaar index`) to serve and to rebuild into (default: a temporary folder)")
	fs.BoolVar(&cfg.Watch, "watch", false, "rebuild the index when a file in the --corpus folder changes")
	fs.DurationVar(&cfg.WatchDelay, "watch-delay", 500*time.Millisecond, "with --watch, wait until the corpus has been quiet this long")
	fs.StringVar(&cfg.LogFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&cfg.LogLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.Float64Var(&cfg.RateLimit, "rate-limit", 10, "requests per second one client may make on average; 0 turns the limit off")
	fs.IntVar(&cfg.RateBurst, "rate-burst", 20, "requests one client may make at once")
	fs.BoolVar(&cfg.TrustProxy, "trust-proxy", false, "believe X-Forwarded-For and X-Forwarded-Proto from a peer in --proxy-networks (the client is the right-most address that is not a proxy)")
	fs.StringVar(&cfg.ProxyNetworks, "proxy-networks", defaultProxyNetworks, "comma-separated networks of the reverse proxies --trust-proxy believes")
	fs.StringVar(&cfg.AdminAddr, "admin-addr", "", "serve /metrics (and the probes) on this address instead; the public address then answers /metrics 404 (default: /metrics answers loopback clients only)")
	fs.BoolVar(&cfg.QueryStats, "query-stats", false, "count the searches that find nothing (no personal data) and report those asked 3 times or more at /query-stats, beside /metrics")
	fs.IntVar(&cfg.MaxConns, "max-conns", defaultMaxConns, "most open connections in all; 0 for no cap")
	fs.IntVar(&cfg.MaxConnsPerClient, "max-conns-per-client", defaultMaxConnsPerClient, "most open connections of one client (IPv4 address or IPv6 /64; the trusted proxies are exempt); 0 for no cap")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", defaultIdleTimeout, "close a keep-alive connection idle this long")
	fs.DurationVar(&cfg.RequestTimeout, "request-timeout", web.DefaultRequestTimeout, "time limit for one request")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", 15*time.Second, "on SIGTERM, time to let requests in flight finish")
	fs.StringVar(&cfg.CORSOrigins, "cors-origins", "", "comma-separated origins (https://www.example.nl) whose pages may call the API, such as sites that embed the widget")
	fs.StringVar(&cfg.PublicURL, "public-url", "", "the site's public address (https://host), for the links in quote citations (default: links relative to the site)")
	if err := bindEnv(fs, e, serveEnv); err != nil {
		return cfg, err
	}
	if err := parseFlags(fs, args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return cfg, errUsage
	}
	if cfg.Watch && cfg.Corpus.Dir == "" {
		fmt.Fprintln(e.stderr, "serve: --watch needs --corpus DIR: the embedded corpus never changes")
		return cfg, errUsage
	}
	if _, err := web.ParseNetworks(cfg.ProxyNetworks); err != nil {
		fmt.Fprintf(e.stderr, "serve: --proxy-networks: %v\n", err)
		return cfg, errUsage
	}
	if u, err := url.Parse(cfg.PublicURL); cfg.PublicURL != "" && (err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https") {
		fmt.Fprintf(e.stderr, "serve: --public-url %q must be an address such as https://zoeken.example.nl\n", cfg.PublicURL)
		return cfg, errUsage
	}
	cfg.AdminToken = e.getenv(adminTokenEnv)
	return cfg, nil
}

// serve answers on ln until ctx ends, then shuts down gracefully: it stops
// accepting connections and lets requests in flight finish.
//
// It listens at once and loads the index in the background, so /healthz
// answers meanwhile and /readyz once the index is loaded. The index comes
// from --index when it opens; otherwise (no folder given, or one that is
// missing, unreadable or corrupt) it is built from the corpus, into the
// --index folder when it can be written, else into a temporary folder.
// Later rebuilds (--watch, the admin route) go to the same place and are
// swapped in without failing a request; a rebuild that fails leaves the
// previous index serving.
func serve(ctx context.Context, cfg serveConfig, ln net.Listener, logger *slog.Logger) error {
	b := &builder{corpus: cfg.Corpus, dir: cfg.IndexDir, logger: logger}
	// Deferred calls run last first: the index is closed before its
	// temporary folder is removed, both after the server has shut down.
	defer b.removeTemp()
	s := &search.Searcher{}
	defer s.Close()
	rl := search.NewReloader(s, b.build, func(st search.ReloadStatus) { logReload(logger, st) })
	defer rl.Close()

	proxyNets, err := web.ParseNetworks(cfg.ProxyNetworks)
	if err != nil {
		ln.Close()
		return err
	}
	srv := web.New(web.Config{
		Logger:         logger,
		Reloader:       rl,
		AdminToken:     cfg.AdminToken,
		RateLimit:      cfg.RateLimit,
		RateBurst:      cfg.RateBurst,
		TrustProxy:     cfg.TrustProxy,
		ProxyNetworks:  proxyNets,
		RequestTimeout: cfg.RequestTimeout,
		CORSOrigins:    web.ParseOrigins(cfg.CORSOrigins),
		PublicURL:      cfg.PublicURL,
		AdminListener:  cfg.AdminAddr != "",
		QueryStats:     cfg.QueryStats,
	}, s)
	var h http.Handler = srv
	if cfg.wrap != nil {
		h = cfg.wrap(h)
	}
	hs := newHTTPServer(h, cfg, srv)
	ln = limitConns(ln, cfg.MaxConns, cfg.MaxConnsPerClient, func(a net.Addr) bool {
		return cfg.TrustProxy && inNetworks(a, proxyNets)
	})
	if cfg.AdminAddr != "" {
		adminLn, err := net.Listen("tcp", cfg.AdminAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("admin address: %w", err)
		}
		admin := newHTTPServer(srv.AdminHandler(), cfg, srv)
		go admin.Serve(adminLn)
		defer admin.Close()
		logger.Info("admin listening", "addr", "http://"+adminLn.Addr().String())
	}
	var watcher *corpusWatcher
	if cfg.Watch {
		var err error
		if watcher, err = newCorpusWatcher(cfg.Corpus.Dir, cfg.WatchDelay); err != nil {
			ln.Close()
			return err
		}
		defer watcher.Close()
	}

	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()
	logger.Info("listening", "addr", "http://"+ln.Addr().String(), "admin", cfg.AdminToken != "", "watch", cfg.Watch)
	loadErr := make(chan error, 1)
	go func() { loadErr <- startIndex(ctx, cfg, s, rl, b, logger) }()
	var wg sync.WaitGroup
	if watcher != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			watcher.run(ctx, rl.Reload, logger)
		}()
	}
	defer wg.Wait()

	loading := true
	for loading {
		select {
		case err := <-loadErr:
			loading = false
			if err != nil {
				hs.Close()
				return fmt.Errorf("no index to serve: %w", err)
			}
		case err := <-serveErr:
			return err
		case <-ctx.Done():
			loading = false
			defer func() { <-loadErr }() // the load stops with ctx; wait before closing the index
		}
	}
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing requests in flight")
	rl.Close()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// startIndex makes the first index available: the --index folder when it
// opens, else a build from the corpus.
func startIndex(ctx context.Context, cfg serveConfig, s *search.Searcher, rl *search.Reloader, b *builder, logger *slog.Logger) error {
	if cfg.IndexDir != "" {
		err := s.SwapDir(cfg.IndexDir)
		if err == nil {
			info := s.Info()
			logger.Info("index opened", "dir", cfg.IndexDir, "documents", info.Documents, "built_at", info.BuiltAt)
			return nil
		}
		logger.Error("cannot open the index folder; building a new index from the corpus",
			"dir", cfg.IndexDir, "err", err.Error(), "corpus", corpusName(cfg.Corpus.Dir))
	}
	err := rl.ReloadNow(ctx)
	if err == nil || cfg.IndexDir == "" || isCorpusError(err) || ctx.Err() != nil {
		return err
	}
	// The folder cannot be written either: serve from a temporary folder
	// rather than not at all.
	tmp, terr := b.useTemp()
	if terr != nil {
		return errors.Join(err, terr)
	}
	logger.Warn("cannot build into the index folder; building into a temporary folder instead",
		"dir", cfg.IndexDir, "err", err.Error(), "tmp", tmp)
	return rl.ReloadNow(ctx)
}

// builder builds an index of the corpus into an index folder; the reloader
// calls its build method.
type builder struct {
	corpus corpusSource
	logger *slog.Logger

	mu  sync.Mutex
	dir string // the index folder; "" until the first build makes a temporary one
	tmp string // the temporary folder this builder made, removed at the end
}

func (b *builder) build(ctx context.Context) (string, error) {
	c, err := b.corpus.load()
	if err != nil {
		return "", inCorpusDir(err, b.corpus.Dir)
	}
	for _, w := range c.Warnings {
		b.logger.Warn("corpus", "problem", problemIn(w, b.corpus.Dir).String())
	}
	dir := b.folder()
	if dir == "" {
		if dir, err = b.useTemp(); err != nil {
			return "", err
		}
	}
	return index.Build(ctx, c, dir, nil)
}

func (b *builder) folder() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.dir
}

// useTemp makes a temporary folder and builds into it from now on.
func (b *builder) useTemp() (string, error) {
	tmp, err := os.MkdirTemp("", "vanelkaar-index-")
	if err != nil {
		return "", fmt.Errorf("temporary index folder: %w", err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
	b.dir, b.tmp = tmp, tmp
	return tmp, nil
}

// removeTemp removes the temporary folder, if one was made. It runs after
// the server has shut down and the index is closed.
func (b *builder) removeTemp() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
}

// logReload logs the outcome of a rebuild, with each corpus problem on a
// line of its own as path:line: message.
func logReload(logger *slog.Logger, st search.ReloadStatus) {
	took := st.LastTook.Round(time.Millisecond)
	if st.LastErr == nil {
		logger.Info("index built", "documents", st.Documents, "took", took)
		return
	}
	msg := "index build failed"
	if st.Documents > 0 {
		msg = "index build failed; the previous index keeps serving"
	}
	var ps corpus.Problems
	if errors.As(st.LastErr, &ps) {
		for _, p := range ps {
			if p.Severity == corpus.Error {
				logger.Error("corpus", "problem", p.String())
			}
		}
	}
	logger.Error(msg, "err", st.LastErr.Error(), "took", took)
}

func isCorpusError(err error) bool {
	var ps corpus.Problems
	return errors.As(err, &ps)
}

// inCorpusDir puts the corpus folder in front of the paths of corpus
// problems, so they read as paths an editor can open.
func inCorpusDir(err error, dir string) error {
	var ps corpus.Problems
	if dir == "" || !errors.As(err, &ps) {
		return err
	}
	out := make(corpus.Problems, len(ps))
	for i, p := range ps {
		out[i] = problemIn(p, dir)
	}
	return out
}

func problemIn(p corpus.Problem, dir string) corpus.Problem {
	if dir != "" {
		p.Path = filepath.Join(dir, filepath.FromSlash(p.Path))
	}
	return p
}

func corpusName(dir string) string {
	if dir == "" {
		return "embedded"
	}
	return dir
}

// newHTTPServer is an http.Server with the limits of serve.
func newHTTPServer(h http.Handler, cfg serveConfig, srv *web.Server) *http.Server {
	idle := cfg.IdleTimeout
	if idle <= 0 {
		idle = defaultIdleTimeout
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idle,
		MaxHeaderBytes:    maxHeaderBytes - headerSlack,
		ErrorLog:          srv.ErrorLog(),
	}
}

// inNetworks tells whether a connection's peer is in one of nets.
func inNetworks(a net.Addr, nets []netip.Prefix) bool {
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return false
	}
	ip := ap.Addr().Unmap()
	for _, n := range nets {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}
