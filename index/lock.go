package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

const lockFile = ".lock"

// lockRetry is how often a builder that waits for the lock tries again.
const lockRetry = 50 * time.Millisecond

// lockDir takes the build lock of an index folder, waiting while another
// process or goroutine builds into it. Without the lock, two builders (a
// server reindexing and `vanelkaar index`) would each clear the other's
// half-written build as stale. The lock is the operating system's file
// lock on DIR/.lock (flock on Unix, LockFileEx on Windows), so it is
// released when a builder dies, even by SIGKILL.
func lockDir(ctx context.Context, dir string) (unlock func(), err error) {
	l := flock.New(filepath.Join(dir, lockFile))
	ok, err := l.TryLockContext(ctx, lockRetry)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("lock index folder: another build is running: %w", err)
		}
		return nil, fmt.Errorf("lock index folder: %w", err)
	}
	if !ok { // TryLockContext reports a failure to lock as an error; be safe
		return nil, fmt.Errorf("lock index folder: another build is running")
	}
	return func() { l.Unlock() }, nil
}
