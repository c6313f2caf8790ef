//go:build unix

package redis

import "syscall"

// processCPU returns the processor time (user and system) this process has used, in
// nanoseconds, and whether it is known.
func processCPU() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
