//go:build !linux

package bench

import "errors"

// watchPeakRSS does not measure on this system: it has no /proc/PID/status.
func watchPeakRSS(int) (stop func() int64) { return func() int64 { return 0 } }

// PeakRSSOf is not measured on this system.
func PeakRSSOf(int) (int64, error) { return 0, errors.ErrUnsupported }
