//go:build !unix

package mmm

func cpuSeconds() float64 { return 0 }
