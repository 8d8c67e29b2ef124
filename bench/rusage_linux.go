package bench

import (
	"os"
	"syscall"
)

// peakRSS is the peak resident memory of a process that has ended, in
// bytes (Linux counts ru_maxrss in KiB).
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}
