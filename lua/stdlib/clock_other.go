//go:build !unix

package stdlib

import "time"

var processStart = time.Now()

// processCPUSeconds approximates C's clock() / CLOCKS_PER_SEC by the time since the process
// started, where the processor time is not available.
func processCPUSeconds() float64 { return time.Since(processStart).Seconds() }
