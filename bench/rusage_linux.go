package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// peakInterval is how often a child's peak RSS is read while it runs.
const peakInterval = 20 * time.Millisecond

// watchPeakRSS reads a running process's peak resident memory (VmHWM of
// /proc/PID/status) until stop is called, and stop returns the last
// value read, in bytes. Not ru_maxrss: Linux carries the parent's
// high-water mark into a child at its exec (the child shares the
// parent's memory until then), so a child of a large bench would report
// the bench's size; VmHWM belongs to the memory the program itself maps
// after exec. What the child adds in its last peakInterval is missed.
func watchPeakRSS(pid int) (stop func() int64) {
	var (
		mu   sync.Mutex
		peak int64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	read := func() {
		if n, err := PeakRSSOf(pid); err == nil {
			mu.Lock()
			peak = max(peak, n)
			mu.Unlock()
		}
	}
	wg.Go(func() {
		t := time.NewTicker(peakInterval)
		defer t.Stop()
		for {
			read()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() int64 {
		close(done)
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// PeakRSSOf reads a running process's peak resident memory in bytes
// (VmHWM of /proc/PID/status).
func PeakRSSOf(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
}
