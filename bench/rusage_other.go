//go:build !linux

package bench

import "os"

// peakRSS is not measured on this system: ru_maxrss has other units or
// does not exist.
func peakRSS(*os.ProcessState) int64 { return 0 }
