package vmath

import "math"

// HillGrad writes, for each a_t > 0, the Hill saturation
// S_t = logistic(z_t) with z_t = slope·log a_t + c0 into s, dS/da into
// dsda, S(1−S)·cScale (dS/dc for the coordinate c with c0 = c·cScale)
// into dc and S(1−S)·(z_t − off) into dls; zeros where a_t ≤ 0. It takes
// one exponential of −|z| for both signs of z, without overflow. The
// destinations must be at least as long as a and must not overlap it.
func HillGrad(s, dsda, dc, dls, a []float64, slope, c0, cScale, off float64) {
	n := len(a)
	if len(s) < n || len(dsda) < n || len(dc) < n || len(dls) < n {
		panic("vmath: destination shorter than a")
	}
	s, dsda, dc, dls = s[:n], dsda[:n], dc[:n], dls[:n]
	if !accel {
		hillGradGo(s, dsda, dc, dls, a, slope, c0, cScale, off)
		return
	}
	for i := 0; i < n; {
		if accel512 && n-i >= 8 {
			i += hillGrad8Blocks(&s[i], &dsda[i], &dc[i], &dls[i], &a[i], n-i, slope, c0, cScale, off)
		}
		if n-i >= 4 {
			i += hillGradBlocks(&s[i], &dsda[i], &dc[i], &dls[i], &a[i], n-i, slope, c0, cScale, off)
		}
		// The tail, or the block where the kernel stopped at a
		// subnormal, infinite or NaN a_t, which LogPos sends to math.Log.
		j := min(i+4, n)
		hillGradGo(s[i:j], dsda[i:j], dc[i:j], dls[i:j], a[i:j], slope, c0, cScale, off)
		i = j
	}
}

func hillGradGo(s, dsda, dc, dls, a []float64, slope, c0, cScale, off float64) {
	for t, v := range a {
		if v <= 0 {
			s[t], dsda[t], dc[t], dls[t] = 0, 0, 0, 0
			continue
		}
		z := float64(slope*LogPos(v)) + c0
		e := ExpNonPos(-math.Abs(z))
		inv := 1 / (1 + e)
		g := e * inv * inv // S(1−S)
		s[t] = ifNeg(z, e) * inv
		dsda[t] = g * slope / v
		dc[t] = g * cScale
		dls[t] = g * (z - off)
	}
}

// HillCurve writes the Hill curve logistic(slope·(log a_t − logK)) into
// s (0 where a_t ≤ 0), with HillGrad's exponential and logarithm. s may
// be a itself but must not overlap it otherwise.
func HillCurve(s, a []float64, slope, logK float64) {
	n := len(a)
	if len(s) < n {
		panic("vmath: destination shorter than a")
	}
	s = s[:n]
	if !accel {
		hillCurveGo(s, a, slope, logK)
		return
	}
	for i := 0; i < n; {
		if n-i >= 4 {
			i += hillCurveBlocks(&s[i], &a[i], n-i, slope, logK)
		}
		j := min(i+4, n)
		hillCurveGo(s[i:j], a[i:j], slope, logK)
		i = j
	}
}

func hillCurveGo(s, a []float64, slope, logK float64) {
	for t, x := range a {
		if x <= 0 {
			s[t] = 0
			continue
		}
		z := slope * (LogPos(x) - logK)
		e := ExpNonPos(-math.Abs(z))
		s[t] = ifNeg(z, e) / (1 + e)
	}
}

// ifNeg returns e where z < 0 and 1 elsewhere, by z's sign bit rather
// than a branch: S = ifNeg(z, e)/(1 + e) with e = exp(−|z|), and z's sign
// is as often one as the other for a channel near half saturation, where
// mispredicting it cost more than the exponential.
func ifNeg(z, e float64) float64 {
	neg := uint64(int64(math.Float64bits(z)) >> 63)
	return math.Float64frombits(math.Float64bits(e)&neg | math.Float64bits(1)&^neg)
}
