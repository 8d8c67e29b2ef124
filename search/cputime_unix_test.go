//go:build unix

package search

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used so far, user and system,
// on all its threads (the garbage collector's too). Benchmarks report it
// beside wall time because it hardly grows when other processes compete
// for the cores, which wall time does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
