package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"vanelkaar/corpus"
	"vanelkaar/index"
	"vanelkaar/search"
	"vanelkaar/web"
)

// serveConfig is what `vanelkaar serve` is told: where to listen and log,
// the connection limits, the corpus and index folder, and the web server's
// own Config.
type serveConfig struct {
	Addr      string
	LogFormat string
	LogLevel  string
	// AdminAddr, when set, serves /metrics (and the probes) on a listener
	// of its own; the public one then answers /metrics 404.
	AdminAddr string
	// MaxConns caps the open connections, MaxConnsPerClient those of one
	// client (an IPv4 address or IPv6 /64); 0 means no cap.
	MaxConns          int
	MaxConnsPerClient int
	IdleTimeout       time.Duration
	// ShutdownTimeout is how long SIGTERM lets requests in flight finish.
	ShutdownTimeout time.Duration

	// Corpus is the --corpus folder and the limits of reading it.
	Corpus   corpusSource
	IndexDir string // "" for the corpus's default folder (index.DefaultDir)
	// Watch rebuilds the index when a file of the corpus folder changes,
	// once the folder has been quiet for WatchDelay.
	Watch      bool
	WatchDelay time.Duration

	// Web is the web server's configuration, read from flags; serve sets
	// its Logger, Reloader and AdminListener.
	Web web.Config

	// wrap, when set, wraps the server's handler: tests use it to make
	// requests slow (see env.wrap).
	wrap func(http.Handler) http.Handler
}

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

// indexPollInterval is how often serve looks whether its index folder
// names a new build.
const indexPollInterval = time.Second

// Defaults of the connection flags.
const (
	defaultIdleTimeout       = 10 * time.Second
	defaultMaxConns          = 1024
	defaultMaxConnsPerClient = 64
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
	cfg.wrap = e.wrap
	return serve(ctx, cfg, ln, logger)
}

// parseServe reads serve's configuration from the environment and the
// command line; the command line wins.
func parseServe(e *env, args []string) (serveConfig, error) {
	fs := newFlags(e, "serve", "[--addr 127.0.0.1:8080] [--corpus DIR] [--index DIR] [--watch] [flags]")
	var cfg serveConfig
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	cfg.Corpus.addFlags(fs, "corpus folder (default: the embedded corpus)")
	fs.StringVar(&cfg.IndexDir, "index", "", "index folder (built by `vanelkaar index`) to serve, to rebuild into and to watch for new builds (default: a folder of the corpus's own under the user's cache folder, kept from one start to the next)")
	fs.BoolVar(&cfg.Watch, "watch", false, "rebuild the index when a file in the --corpus folder changes")
	fs.DurationVar(&cfg.WatchDelay, "watch-delay", 500*time.Millisecond, "with --watch, wait until the corpus has been quiet this long")
	fs.StringVar(&cfg.LogFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&cfg.LogLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.StringVar(&cfg.AdminAddr, "admin-addr", "", "serve /metrics (and the probes) on this address instead; the public address then answers /metrics 404 (default: /metrics answers loopback clients only)")
	fs.IntVar(&cfg.MaxConns, "max-conns", defaultMaxConns, "most open connections in all; 0 for no cap")
	fs.IntVar(&cfg.MaxConnsPerClient, "max-conns-per-client", defaultMaxConnsPerClient, "most open connections of one client (IPv4 address or IPv6 /64; the trusted proxies are exempt); 0 for no cap")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", defaultIdleTimeout, "close a keep-alive connection idle this long")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", 15*time.Second, "on SIGTERM, time to let requests in flight finish")
	webFlags(fs, &cfg.Web)
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
	if u, err := url.Parse(cfg.Web.PublicURL); cfg.Web.PublicURL != "" && (err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https") {
		fmt.Fprintf(e.stderr, "serve: --public-url %q must be an address such as https://zoeken.example.nl\n", cfg.Web.PublicURL)
		return cfg, errUsage
	}
	cfg.Web.AdminToken = e.getenv(adminTokenEnv)
	return cfg, nil
}

// webFlags binds the flags that set the web server's Config.
func webFlags(fs *flag.FlagSet, c *web.Config) {
	fs.Float64Var(&c.RateLimit, "rate-limit", 10, "requests per second one client may make on average; 0 turns the limit off")
	fs.IntVar(&c.RateBurst, "rate-burst", 20, "requests one client may make at once")
	fs.BoolVar(&c.TrustProxy, "trust-proxy", false, "believe X-Forwarded-For and X-Forwarded-Proto from a peer in --proxy-networks (the client is the right-most address that is not a proxy)")
	c.ProxyNetworks = web.DefaultProxyNetworks
	fs.Func("proxy-networks", "comma-separated networks of the reverse proxies --trust-proxy believes (default "+prefixes(web.DefaultProxyNetworks)+")", func(s string) (err error) {
		c.ProxyNetworks, err = web.ParseNetworks(s)
		return err
	})
	fs.BoolVar(&c.QueryStats, "query-stats", false, "count the searches that find nothing (no personal data) and report those asked 3 times or more at /query-stats, beside /metrics")
	fs.DurationVar(&c.RequestTimeout, "request-timeout", web.DefaultRequestTimeout, "time limit for one request")
	fs.Func("cors-origins", "comma-separated origins (https://www.example.nl) whose pages may call the API, such as sites that embed the widget", func(s string) error {
		c.CORSOrigins = web.ParseOrigins(s)
		return nil
	})
	fs.StringVar(&c.PublicURL, "public-url", "", "the site's public address (https://host), for the links in quote citations (default: links relative to the site)")
}

func prefixes(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, ",")
}

// serve answers on ln until ctx ends, then shuts down gracefully: it stops
// accepting connections and lets requests in flight finish.
//
// It listens at once and loads the index in the background, so /healthz
// answers meanwhile and /readyz once the index is loaded. The index comes
// from --index when it opens; otherwise (no folder given, or one that is
// missing, unreadable, corrupt or of another format) it is built from the
// corpus by an index.Builder. Later rebuilds (--watch, the admin route) are
// swapped in by a search.Reloader without failing a request; a rebuild
// that fails leaves the previous index serving.
func serve(ctx context.Context, cfg serveConfig, ln net.Listener, logger *slog.Logger) error {
	dir, checkCorpus := indexFolder(cfg, logger)
	b := index.NewBuilder(cfg.Corpus.load, cfg.Corpus.Dir, dir, logger.Warn)
	// Deferred calls run last first: the index is closed before its
	// temporary folder is removed, both after the server has shut down.
	defer b.Close()
	s := &search.Searcher{}
	defer s.Close()
	rl := search.NewReloader(s, buildFunc(b, logger), func(st search.ReloadStatus) { logReload(logger, st) })
	defer rl.Close()
	stale := func() string { return "" }
	if checkCorpus {
		stale = func() string { return staleIndex(b, logger) }
	}

	wc := cfg.Web
	wc.Logger, wc.Reloader, wc.AdminListener = logger, rl, cfg.AdminAddr != ""
	srv := web.New(wc, s)
	hs := newHTTPServer(srv, cfg, cfg.wrap)
	ln = limitConns(ln, cfg.MaxConns, cfg.MaxConnsPerClient, func(a net.Addr) bool {
		return wc.TrustProxy && inNetworks(a, wc.ProxyNetworks)
	})
	if cfg.AdminAddr != "" {
		closeAdmin, err := serveAdmin(srv, cfg, logger)
		if err != nil {
			ln.Close()
			return err
		}
		defer closeAdmin()
	}
	if cfg.Watch {
		stopWatch, err := watchCorpus(ctx, cfg, rl, logger)
		if err != nil {
			ln.Close()
			return err
		}
		defer stopWatch()
	}

	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()
	logger.Info("listening", "addr", "http://"+ln.Addr().String(), "admin", wc.AdminToken != "", "watch", cfg.Watch)
	loadErr := make(chan error, 1)
	go func() { loadErr <- startIndex(ctx, cfg, dir, stale, rl, s, logger) }()
	defer watchIndex(ctx, dir, rl, logger)()
	if err := awaitLoad(ctx, hs, serveErr, loadErr); err != nil || ctx.Err() == nil {
		return err
	}
	rl.Close()
	return shutdown(hs, cfg.ShutdownTimeout, logger)
}

// serveAdmin serves /metrics and the probes on --admin-addr until the
// function it returns is called.
func serveAdmin(srv *web.Server, cfg serveConfig, logger *slog.Logger) (closeAdmin func(), err error) {
	adminLn, err := net.Listen("tcp", cfg.AdminAddr)
	if err != nil {
		return nil, fmt.Errorf("admin address: %w", err)
	}
	admin := newHTTPServer(srv.AdminHandler(), cfg, nil)
	go admin.Serve(adminLn)
	logger.Info("admin listening", "addr", "http://"+adminLn.Addr().String())
	return func() { admin.Close() }, nil
}

// watchCorpus rebuilds the index after each change to the corpus folder,
// until the function it returns is called; that stops the watcher and
// waits for it.
func watchCorpus(ctx context.Context, cfg serveConfig, rl *search.Reloader, logger *slog.Logger) (stop func(), err error) {
	w, err := index.NewWatcher(cfg.Corpus.Dir, cfg.WatchDelay)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		w.Run(ctx, func() {
			logger.Info("corpus changed; rebuilding the index", "dir", cfg.Corpus.Dir)
			rl.Reload()
		}, logger.Warn)
	})
	return func() {
		cancel()
		wg.Wait()
		w.Close()
	}, nil
}

// newHTTPServer is an http.Server of h with the limits of serve; wrap,
// when set, wraps h.
func newHTTPServer(h http.Handler, cfg serveConfig, wrap func(http.Handler) http.Handler) *http.Server {
	errorLog := slog.NewLogLogger(slog.DiscardHandler, slog.LevelError)
	if srv, ok := h.(*web.Server); ok {
		errorLog = srv.ErrorLog()
	}
	if wrap != nil {
		h = wrap(h)
	}
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
		ErrorLog:          errorLog,
	}
}

// awaitLoad waits for the first index and then for the end of ctx. It
// returns the error of a load that failed (the server is closed then, as
// there is nothing to serve) or of the server, or nil when ctx ended; a
// load in progress then stops with ctx, and awaitLoad waits for it, so the
// index is not closed under it.
func awaitLoad(ctx context.Context, hs *http.Server, serveErr, loadErr <-chan error) error {
	select {
	case err := <-loadErr:
		if err != nil {
			hs.Close()
			return fmt.Errorf("no index to serve: %w", err)
		}
	case err := <-serveErr:
		return err
	case <-ctx.Done():
		<-loadErr
		return nil
	}
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
		return nil
	}
}

// shutdown stops hs gracefully: it lets requests in flight finish, for at
// most timeout.
func shutdown(hs *http.Server, timeout time.Duration, logger *slog.Logger) error {
	logger.Info("shutting down: finishing requests in flight")
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// indexFolder is the index folder serve serves and builds into: --index,
// or else the corpus's default folder (index.DefaultDir), which lasts from
// one start to the next; "" (a temporary folder) when there is no cache
// folder. checkCorpus says whether the index is to be compared with the
// corpus at start: not for an --index of its own without --corpus, as a
// replica of a folder built elsewhere serves what it is given.
func indexFolder(cfg serveConfig, logger *slog.Logger) (dir string, checkCorpus bool) {
	if cfg.IndexDir != "" {
		return cfg.IndexDir, cfg.Corpus.Dir != ""
	}
	dir, err := index.DefaultDir(cfg.Corpus.Dir)
	if err != nil {
		logger.Warn("no default index folder; building into a temporary folder", "err", err.Error())
		return "", false
	}
	return dir, true
}

// startIndex makes the first index available and logs where it came from.
func startIndex(ctx context.Context, cfg serveConfig, dir string, stale func() string, rl *search.Reloader, s *search.Searcher, logger *slog.Logger) error {
	opened, err := rl.Start(ctx, dir, stale, func(why error) {
		msg := "no index yet; building a new index from the corpus; requests get 503 until it is ready"
		if !errors.Is(why, index.ErrNoIndex) && !errors.Is(why, fs.ErrNotExist) {
			msg = "cannot open the index folder; building a new index from the corpus; requests get 503 until it is ready"
		}
		logger.Error(msg, "dir", dir, "err", why.Error(), "corpus", index.CorpusName(cfg.Corpus.Dir))
	})
	if opened {
		info := s.Info()
		logger.Info("index opened", "dir", dir, "documents", info.Documents, "built_at", info.BuiltAt)
	}
	return err
}

// staleIndex says why the index being served is out of date with the
// corpus, and logs that it is rebuilt in the background.
func staleIndex(b *index.Builder, logger *slog.Logger) string {
	why := b.Stale()
	if why != "" {
		logger.Info("rebuilding the index in the background; the current index serves meanwhile",
			"why", why, "expected", b.Expected().Round(time.Second))
	}
	return why
}

// buildFunc is the Reloader's build: b's, with its progress logged.
func buildFunc(b *index.Builder, logger *slog.Logger) search.BuildFunc {
	return func(ctx context.Context, report func(search.BuildProgress)) (string, error) {
		var pl progressLog
		return b.Build(ctx, func(r index.Report) {
			p := search.BuildProgress(r)
			pl.log(logger, p)
			report(p)
		})
	}
}

// watchIndex picks up each new build that another process switches the
// index folder dir to, until the function it returns is called.
func watchIndex(ctx context.Context, dir string, rl *search.Reloader, logger *slog.Logger) (stop func()) {
	if dir == "" {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		index.WatchCurrent(ctx, dir, indexPollInterval, func(build string) {
			switch picked, err := rl.Pick(dir); {
			case err != nil:
				logger.Error("the index folder names a new build that cannot be served; the current index keeps serving",
					"dir", dir, "build", build, "err", err.Error())
			case picked:
				logger.Info("index switched to a new build", "dir", dir, "build", build, "documents", rl.Status().Documents)
			}
		})
	})
	return func() { cancel(); wg.Wait() }
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
