//go:build amd64 && !purego

package vmath

import (
	"math"

	"golang.org/x/sys/cpu"
)

// accel: the AVX2 kernels also need FMA for LogPos's one fused
// multiply-add (every AVX2 CPU made has it, but the flags are separate).
var accel = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// accel512: HillGrad also has an eight-lane AVX-512F kernel (the same
// bits; x/sys/cpu checks that the OS saves the ZMM registers).
var accel512 = accel && cpu.X86.HasAVX512F

// The kernels below process whole blocks of four from the start of their
// arguments and return how many values they wrote: n rounded down to a
// multiple of 4, or fewer where a block holds an input that only the Go
// code handles (hillGradBlocks, hillCurveBlocks and logBlocks stop at a
// positive subnormal, infinite or NaN input; logBlocks also at x ≤ 0).

//go:noescape
func hillGradBlocks(s, dsda, dc, dls, a *float64, n int, slope, c0, cScale, off float64) int

//go:noescape
func hillGrad8Blocks(s, dsda, dc, dls, a *float64, n int, slope, c0, cScale, off float64) int

//go:noescape
func hillCurveBlocks(s, a *float64, n int, slope, logK float64) int

//go:noescape
func expBlocks(dst, x *float64, n int) int

//go:noescape
func logBlocks(dst, x *float64, n int) int

// kc holds the kernels' constants, each in four lanes, in the order of
// the offsets defined in kernel_amd64.s.
var kc = [...][4]float64{
	splat(1), splat(0.5), splat(log2e), splat(ln2Hi), splat(ln2Lo), splat(-708),
	splat(1<<52 + 1023),
	splat(1.0 / 6), splat(1.0 / 24), splat(1.0 / 120), splat(1.0 / 720), splat(1.0 / 5040),
	splat(1.0 / 40320), splat(1.0 / 362880), splat(1.0 / 3628800), splat(1.0 / 39916800), splat(1.0 / 479001600),
	bits(logOff), bits(127 << 4), bits(0xfff0000000000000), bits(1 << 63), bits(0x4330000000000000),
	splat(1<<52 + 2048),
	splat(1.0 / 3), splat(0.2), splat(-1.0 / 6), splat(1.0 / 7), splat(-0.5), splat(-0.25),
	bits(0x0010000000000000), bits(0x7fe0000000000000 - 1),
}

func splat(x float64) [4]float64 { return [4]float64{x, x, x, x} }
func bits(b uint64) [4]float64   { return splat(math.Float64frombits(b)) }

// The reductions and element-wise updates (reduce.go, axpy.go), over n
// values, n a multiple of 4; the updates return n.

//go:noescape
func dotBlocks(x, y *float64, n int) float64

//go:noescape
func sumBlocks(x *float64, n int) float64

//go:noescape
func axpyBlocks(dst, x *float64, n int, a, c float64) int

//go:noescape
func scaleBlocks(dst, x *float64, n int, a float64) int

//go:noescape
func addConstBlocks(dst *float64, n int, c float64) int

//go:noescape
func mulBlocks(dst, x *float64, n int) int
