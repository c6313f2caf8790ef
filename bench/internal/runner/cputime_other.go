//go:build !unix

package runner

// CPUTime returns 0 where the process's CPU time is not available.
func CPUTime() float64 { return 0 }
