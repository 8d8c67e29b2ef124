package search

import (
	"context"
	"sync"
	"time"

	"vanelkaar/index"
)

// BuildFunc builds a new index and returns the folder to open it from
// (anything Open accepts). It is run in the background by a Reloader and
// tells report, when it can, how far it is.
type BuildFunc func(ctx context.Context, report func(BuildProgress)) (dir string, err error)

// BuildProgress is how far a build is: its stage (a word of a fixed
// vocabulary, such as "loading" or "writing"), the documents done of the
// total in that stage (Total 0 while unknown), the time since it started
// and the time it is expected to take still (negative when unknown).
type BuildProgress struct {
	Stage              string
	Done, Total        int
	Elapsed, Remaining time.Duration
}

// ReloadStatus describes the index a Reloader serves and its last rebuild.
type ReloadStatus struct {
	// Documents and BuiltAt describe the index being served; Documents is
	// 0 while none is loaded.
	Documents int
	BuiltAt   string
	// Running is true while a rebuild is under way; Progress then says
	// how far it is, once the build has reported.
	Running  bool
	Progress *BuildProgress
	// Last is when the last rebuild ended; zero before the first one.
	Last time.Time
	// LastErr is why the last rebuild failed; nil when it succeeded. A
	// failed rebuild leaves the previous index serving.
	LastErr error
	// LastTook is how long the last rebuild took.
	LastTook time.Duration
	// Succeeded and Failed count the rebuilds so far.
	Succeeded, Failed int
}

// Reloader rebuilds the index of a Searcher in the background and swaps
// each good build in. Swapping goes through Searcher.SwapDir, which takes
// the write lock only to replace the index: requests in flight finish on
// the old index, which is closed after them, and later requests see the new
// one, so a reload fails no request. A build that fails leaves the old
// index serving; its error is kept in the status.
//
// Reload requests that arrive during a build are coalesced into one more
// build after it, so a burst of corpus changes costs at most two builds and
// the last change is always included.
type Reloader struct {
	s        *Searcher
	build    BuildFunc
	onReload func(ReloadStatus)

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	buildMu sync.Mutex // held during a build and swap
	served  string     // the folder of the index being served; guarded by buildMu

	mu      sync.Mutex // guards the fields below
	running bool       // the background loop is running
	again   bool       // a reload was asked for during the running build
	closed  bool
	status  ReloadStatus
}

// NewReloader makes a Reloader that rebuilds s's index with build.
// onReload, when not nil, is called after each rebuild with the status;
// it is where the caller logs.
func NewReloader(s *Searcher, build BuildFunc, onReload func(ReloadStatus)) *Reloader {
	ctx, cancel := context.WithCancel(context.Background())
	return &Reloader{s: s, build: build, onReload: onReload, ctx: ctx, cancel: cancel}
}

// Reload starts a rebuild in the background and returns at once. If one is
// running, another follows it.
func (r *Reloader) Reload() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	if r.running {
		r.again = true
		return
	}
	r.running = true
	r.status.Running = true
	r.wg.Add(1)
	go r.loop()
}

func (r *Reloader) loop() {
	defer r.wg.Done()
	for {
		r.ReloadNow(r.ctx)
		r.mu.Lock()
		if !r.again || r.closed {
			r.running = false
			r.mu.Unlock()
			return
		}
		r.again = false
		r.mu.Unlock()
	}
}

// Start makes the first index available. When the index in dir (not "")
// opens, it serves it at once; then, when stale (if not nil) gives a
// reason, it rebuilds in the background, serving the old index meanwhile.
// Otherwise (dir is missing, corrupt, or of another format: see
// index.ErrFormat) notOpened, when not nil, is told why, and the first
// build runs before Start returns; requests meanwhile get ErrNotReady.
// opened reports whether dir was opened.
func (r *Reloader) Start(ctx context.Context, dir string, stale func() string, notOpened func(why error)) (opened bool, err error) {
	if dir != "" {
		// Whether the index is stale is known before it serves, so that
		// /readyz says a rebuild runs from its first 200 on.
		rebuild := stale != nil && stale() != ""
		_, err := r.Pick(dir)
		if err == nil {
			if rebuild {
				r.Reload()
			}
			return true, nil
		}
		if notOpened != nil {
			notOpened(err)
		}
	}
	return false, r.ReloadNow(ctx)
}

// ReloadNow rebuilds and swaps in the new index before it returns: for
// the first load at start-up, when there is nothing to serve meanwhile. It
// waits for a background rebuild that is running.
func (r *Reloader) ReloadNow(ctx context.Context) error {
	r.buildMu.Lock()
	defer r.buildMu.Unlock()
	r.setRunning(true)
	start := time.Now()
	dir, err := r.build(ctx, r.setProgress)
	if err == nil {
		err = r.swapIn(dir)
	}
	r.mu.Lock()
	r.status.Running, r.status.Progress = false, nil
	r.status.Last = time.Now()
	r.status.LastTook = time.Since(start)
	r.status.LastErr = err
	if err == nil {
		r.status.Succeeded++
	} else {
		r.status.Failed++
	}
	r.mu.Unlock()
	if r.onReload != nil {
		r.onReload(r.Status())
	}
	return err
}

// swapIn opens the index in dir and serves it; the caller holds buildMu.
func (r *Reloader) swapIn(dir string) error {
	if err := r.s.SwapDir(dir); err != nil {
		return err
	}
	r.served = dir
	return nil
}

// Pick serves the build that the index folder dir names now, unless it is
// the one being served: what a replica does when another process has
// switched the folder to a new build. Requests in flight finish on the old
// index. A build that does not open (another format, say) is refused with
// the error, and the index being served stays.
func (r *Reloader) Pick(dir string) (picked bool, err error) {
	path, err := index.Resolve(dir)
	if err != nil {
		return false, err
	}
	r.buildMu.Lock()
	defer r.buildMu.Unlock()
	if path == r.served {
		return false, nil
	}
	if err := r.swapIn(path); err != nil {
		return false, err
	}
	return true, nil
}

func (r *Reloader) setProgress(p BuildProgress) {
	r.mu.Lock()
	r.status.Progress = &p
	r.mu.Unlock()
}

func (r *Reloader) setRunning(v bool) {
	r.mu.Lock()
	r.status.Running, r.status.Progress = v, nil
	r.mu.Unlock()
}

// Status reports the index being served and the last rebuild.
func (r *Reloader) Status() ReloadStatus {
	r.mu.Lock()
	st := r.status
	r.mu.Unlock()
	info := r.s.Info()
	st.Documents, st.BuiltAt = info.Documents, info.BuiltAt
	return st
}

// Close stops a running rebuild (its context is cancelled, so the old index
// stays) and waits for it. Reload does nothing after Close.
func (r *Reloader) Close() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.cancel()
	r.wg.Wait()
}
