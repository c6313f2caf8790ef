//go:build unix

package runner

import "syscall"

// CPUTime returns the user plus system CPU time of the process so far, in seconds.
func CPUTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
