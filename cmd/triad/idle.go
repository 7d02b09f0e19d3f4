package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
)

// cpuTime is the process's processor time so far, as the Go scheduler
// counts it: total is GOMAXPROCS × wall time, idle the part in which a
// processor had nothing to run (GC work done only because it was idle
// included).
type cpuTime struct{ idle, total float64 }

func readCPUTime() (cpuTime, error) {
	s := []metrics.Sample{
		{Name: "/cpu/classes/idle:cpu-seconds"},
		{Name: "/cpu/classes/gc/mark/idle:cpu-seconds"},
		{Name: "/cpu/classes/total:cpu-seconds"},
	}
	// The runtime brings these counters up to date at the end of a
	// garbage collection.
	runtime.GC()
	metrics.Read(s)
	for _, v := range s {
		if v.Value.Kind() != metrics.KindFloat64 {
			return cpuTime{}, fmt.Errorf("runtime metric %s unavailable", v.Name)
		}
	}
	return cpuTime{idle: s[0].Value.Float64() + s[1].Value.Float64(), total: s[2].Value.Float64()}, nil
}

// idleSince is the idle share of the processor time between from and to.
// Unlike CPU utilisation measured from outside, it does not depend on what
// else the machine runs: a batch that keeps its cores busy has a share
// near 0 on a loaded machine too.
func idleSince(from, to cpuTime) (float64, error) {
	if !(to.total > from.total) {
		return 0, fmt.Errorf("no processor time recorded")
	}
	return (to.idle - from.idle) / (to.total - from.total), nil
}

// idleText is the idle share since from as a percentage, or "unknown".
func idleText(from cpuTime, fromErr error) string {
	to, err := readCPUTime()
	if err != nil || fromErr != nil {
		return "unknown"
	}
	v, err := idleSince(from, to)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%.1f%%", 100*v)
}
