package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"vanelkaar/index"
	"vanelkaar/search"
	"vanelkaar/web"
)

// serveConfig is what `vanelkaar serve` is told.
type serveConfig struct {
	Addr      string
	CorpusDir string
	IndexDir  string
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--addr 127.0.0.1:8080] [--corpus DIR] [--index DIR]")
	var cfg serveConfig
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&cfg.CorpusDir, "corpus", "", "corpus folder (default: the embedded corpus)")
	fs.StringVar(&cfg.IndexDir, "index", "", "serve this index folder (built by `vanelkaar index`)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	return serve(ctx, cfg, ln, logger)
}

// serve answers on ln until ctx ends. It listens at once and loads the
// index in the background: /healthz answers meanwhile, /readyz once the
// index is loaded.
func serve(ctx context.Context, cfg serveConfig, ln net.Listener, logger *slog.Logger) error {
	s := &search.Searcher{}
	defer s.Close()
	srv := web.New(web.Config{Logger: logger}, s)
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	loadErr := make(chan error, 1)
	go func() { loadErr <- load(ctx, cfg, s, logger) }()
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()
	logger.Info("listening", "addr", "http://"+ln.Addr().String())
	select {
	case err := <-loadErr:
		if err != nil {
			hs.Close()
			return err
		}
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// load opens the index folder, or builds an index of the corpus in a
// temporary folder, and swaps it into the searcher.
func load(ctx context.Context, cfg serveConfig, s *search.Searcher, logger *slog.Logger) error {
	dir := cfg.IndexDir
	if dir == "" {
		c, err := loadCorpus(cfg.CorpusDir)
		if err != nil {
			return err
		}
		for _, w := range c.Warnings {
			logger.Warn("corpus", "problem", w.String())
		}
		tmp, err := os.MkdirTemp("", "vanelkaar-index-")
		if err != nil {
			return err
		}
		context.AfterFunc(ctx, func() { os.RemoveAll(tmp) })
		start := time.Now()
		if _, err := index.Build(ctx, c, tmp, nil); err != nil {
			return err
		}
		logger.Info("index built", "articles", len(c.Articles), "people", len(c.People), "took", time.Since(start).Round(time.Millisecond))
		dir = tmp
	}
	if err := s.SwapDir(dir); err != nil {
		return fmt.Errorf("load index: %w", err)
	}
	logger.Info("ready", "documents", s.Info().Documents)
	return nil
}
