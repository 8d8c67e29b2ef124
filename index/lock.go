package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

const lockFile = ".lock"

// lockDir takes the build lock of an index folder, waiting while another
// process or goroutine builds into it. Without the lock, two builders (a
// server reindexing and `vanelkaar index`) would each clear the other's
// half-written build as stale. The lock is an flock on DIR/.lock, so the
// kernel releases it when a builder dies, even by SIGKILL.
func lockDir(ctx context.Context, dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock index folder: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("lock index folder: %w", err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("lock index folder: another build is running: %w", ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
