//go:build unix

package sampler

import "syscall"

// cpuSeconds returns the process's user CPU time, so benchmarks can report
// figures that do not depend on how busy the machine is.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec) + float64(ru.Utime.Usec)/1e6
}
