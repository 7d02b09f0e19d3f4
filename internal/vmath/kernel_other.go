//go:build !amd64 || purego

package vmath

// accel is false: without the assembly the series functions run the
// pure-Go code on every value and never call the block kernels below.
const accel = false

func hillGradBlocks(s, dsda, dc, dls, a *float64, n int, slope, c0, cScale, off float64) int {
	return 0
}
func hillCurveBlocks(s, a *float64, n int, slope, logK float64) int { return 0 }
func expBlocks(dst, x *float64, n int) int                          { return 0 }
func logBlocks(dst, x *float64, n int) int                          { return 0 }
