//go:build !amd64 || purego

package vmath

// accel is false: without the assembly the series functions run the
// pure-Go code on every value and never call the block kernels below.
const accel, accel512 = false, false

func hillGradBlocks(s, dsda, dc, dls, a *float64, n int, slope, c0, cScale, off float64) int {
	return 0
}
func hillCurveBlocks(s, a *float64, n int, slope, logK float64) int { return 0 }
func expBlocks(dst, x *float64, n int) int                          { return 0 }
func logBlocks(dst, x *float64, n int) int                          { return 0 }
func dotBlocks(x, y *float64, n int) float64                        { return 0 }
func sumBlocks(x *float64, n int) float64                           { return 0 }
func axpyBlocks(dst, x *float64, n int, a, c float64) int           { return 0 }
func scaleBlocks(dst, x *float64, n int, a float64) int             { return 0 }
func addConstBlocks(dst *float64, n int, c float64) int             { return 0 }
func mulBlocks(dst, x *float64, n int) int                          { return 0 }
func hillGrad8Blocks(s, dsda, dc, dls, a *float64, n int, slope, c0, cScale, off float64) int {
	return 0
}
