//go:build !unix

package sampler

func cpuSeconds() float64 { return 0 }
