package vmath

// The element-wise updates below change no rounding (each value is the
// same operations in the same order whichever path computes it); they are
// here because Go compiles them one value per instruction, and the
// forward and backward passes run them over every geo-period of every
// channel.

// AddScaledShift sets dst_i = dst_i + (a·x_i − c) for i < len(dst); x
// must be at least as long. With c = 0 it is floats.AddScaled, bit for
// bit.
func AddScaledShift(dst []float64, a float64, x []float64, c float64) {
	n := len(dst)
	if len(x) < n {
		panic("vmath: x shorter than dst")
	}
	x = x[:n]
	i := 0
	if accel && n >= 4 {
		i = axpyBlocks(&dst[0], &x[0], n&^3, a, c)
	}
	for ; i < n; i++ {
		dst[i] += float64(a*x[i]) - c
	}
}

// ScaleTo sets dst_i = a·x_i for i < len(dst); x must be at least as long.
func ScaleTo(dst []float64, a float64, x []float64) {
	n := len(dst)
	if len(x) < n {
		panic("vmath: x shorter than dst")
	}
	x = x[:n]
	i := 0
	if accel && n >= 4 {
		i = scaleBlocks(&dst[0], &x[0], n&^3, a)
	}
	for ; i < n; i++ {
		dst[i] = a * x[i]
	}
}

// AddConst adds c to every dst_i.
func AddConst(dst []float64, c float64) {
	n := len(dst)
	i := 0
	if accel && n >= 4 {
		i = addConstBlocks(&dst[0], n&^3, c)
	}
	for ; i < n; i++ {
		dst[i] += c
	}
}

// Mul sets dst_i = dst_i·x_i for i < len(dst); x must be at least as long.
func Mul(dst, x []float64) {
	n := len(dst)
	if len(x) < n {
		panic("vmath: x shorter than dst")
	}
	x = x[:n]
	i := 0
	if accel && n >= 4 {
		i = mulBlocks(&dst[0], &x[0], n&^3)
	}
	for ; i < n; i++ {
		dst[i] *= x[i]
	}
}
