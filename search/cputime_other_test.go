//go:build !unix

package search

import "time"

// cpuTime is not measured here; the CPU-time metrics are then left out.
func cpuTime() time.Duration { return 0 }
