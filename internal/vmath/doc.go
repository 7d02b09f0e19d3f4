// Package vmath holds the transcendental kernels of the saturation
// curves: e^x for x ≤ 0 and log x for x > 0, one value at a time and
// over a series, and the Hill saturation (value and gradient) fused over
// a series; and the sums, dot products and element-wise updates of the
// log densities' forward and backward passes (Dot, Sum, AddScaledShift,
// ScaleTo, AddConst, Mul), with Dot's and Sum's order of additions fixed
// by the length alone.
//
// The series functions run four values per instruction in AVX2 assembly
// on amd64 CPUs that have AVX2 and FMA (detected at run time), HillGrad
// eight in AVX-512F where the CPU has it too, and in pure Go elsewhere.
// All paths give the same bits: the assembly performs the pure-Go code's
// operations in the same order, with the one fused multiply-add the Go
// code asks for explicitly (math.FMA), so a fit is reproducible across
// CPUs. The pure-Go code rounds every product
// explicitly (float64(x*y)), which keeps compilers that fuse x*y + z
// (arm64, GOAMD64=v3) to the same bits as well.
//
// Imports of triad packages: none.
package vmath
