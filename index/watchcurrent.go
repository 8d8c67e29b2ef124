package index

import (
	"context"
	"time"
)

// WatchCurrent calls changed each time the index folder dir's "current"
// names another build than before, until ctx ends: how a server that
// serves a folder another process builds into (a replica) learns of a new
// build. It polls: reading "current" is one small file every interval,
// and polling works where change notification does not (network and
// container file systems). A folder without a readable "current" is
// watched until it has one.
func WatchCurrent(ctx context.Context, dir string, interval time.Duration, changed func(build string)) {
	last, _ := ReadCurrent(dir)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cur, err := ReadCurrent(dir)
		if err != nil || cur.Build == last.Build {
			continue
		}
		last = cur
		changed(cur.Build)
	}
}
