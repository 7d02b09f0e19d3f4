//go:build long

package tabular

func init() { fullSweep = true }
