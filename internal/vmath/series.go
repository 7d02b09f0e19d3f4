package vmath

// ExpNonPosTo writes ExpNonPos(x_i) into dst, which must be at least as
// long as x and may be x itself.
func ExpNonPosTo(dst, x []float64) {
	n := len(x)
	if len(dst) < n {
		panic("vmath: destination shorter than x")
	}
	i := 0
	if accel && n >= 4 {
		i = expBlocks(&dst[0], &x[0], n)
	}
	for ; i < n; i++ {
		dst[i] = ExpNonPos(x[i])
	}
}

// LogPosTo writes LogPos(x_i) into dst, which must be at least as long
// as x and may be x itself.
func LogPosTo(dst, x []float64) {
	n := len(x)
	if len(dst) < n {
		panic("vmath: destination shorter than x")
	}
	for i := 0; i < n; {
		if accel && n-i >= 4 {
			i += logBlocks(&dst[i], &x[i], n-i)
		}
		// The tail, or the block where the kernel stopped at an x that
		// is not a positive normal number (LogPos sends it to math.Log).
		j := min(i+4, n)
		for ; i < j; i++ {
			dst[i] = LogPos(x[i])
		}
	}
}
