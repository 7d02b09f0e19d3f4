package vmath

// Dot returns Σ x_i·y_i over the first len(x) values (y must be at least
// as long), in a fixed order that four-lane vector code can follow: the
// whole blocks of 16 go to 16 partial sums, p_j for i ≡ j (mod 16), the
// remaining whole blocks of 4 to p_0…p_3, the lanes combine as
// q_l = (p_l + p_{4+l}) + (p_{8+l} + p_{12+l}) and
// (q_0 + q_2) + (q_1 + q_3), and the last len(x) mod 4 products are added
// one by one. A single running sum is one chain of dependent additions,
// one per add latency; sixteen independent ones keep the vector adders
// busy. The order (not the CPU or core count) fixes the rounding, so the
// AVX2 and pure-Go paths give the same bits.
func Dot(x, y []float64) float64 {
	n := len(x)
	if len(y) < n {
		panic("vmath: y shorter than x")
	}
	y = y[:n]
	var s float64
	i := n &^ 3
	if accel && i > 0 {
		s = dotBlocks(&x[0], &y[0], i)
	} else {
		s = dotGo(x[:i], y[:i])
	}
	for ; i < n; i++ {
		s += float64(x[i] * y[i])
	}
	return s
}

// dotGo is Dot's sum over whole blocks of 4 (len(x) a multiple of 4),
// with the 16 partial sums in locals so that they stay in registers.
func dotGo(x, y []float64) float64 {
	n := len(x)
	y = y[:n]
	var p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15 float64
	i := 0
	for ; i+16 <= n; i += 16 {
		x, y := x[i:i+16], y[i:i+16]
		p0 += float64(x[0] * y[0])
		p1 += float64(x[1] * y[1])
		p2 += float64(x[2] * y[2])
		p3 += float64(x[3] * y[3])
		p4 += float64(x[4] * y[4])
		p5 += float64(x[5] * y[5])
		p6 += float64(x[6] * y[6])
		p7 += float64(x[7] * y[7])
		p8 += float64(x[8] * y[8])
		p9 += float64(x[9] * y[9])
		p10 += float64(x[10] * y[10])
		p11 += float64(x[11] * y[11])
		p12 += float64(x[12] * y[12])
		p13 += float64(x[13] * y[13])
		p14 += float64(x[14] * y[14])
		p15 += float64(x[15] * y[15])
	}
	for ; i+4 <= n; i += 4 {
		x, y := x[i:i+4], y[i:i+4]
		p0 += float64(x[0] * y[0])
		p1 += float64(x[1] * y[1])
		p2 += float64(x[2] * y[2])
		p3 += float64(x[3] * y[3])
	}
	return combine(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15)
}

// combine is the lane reduction of Dot and Sum.
func combine(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15 float64) float64 {
	q0 := (p0 + p4) + (p8 + p12)
	q1 := (p1 + p5) + (p9 + p13)
	q2 := (p2 + p6) + (p10 + p14)
	q3 := (p3 + p7) + (p11 + p15)
	return (q0 + q2) + (q1 + q3)
}

// Sum returns Σ x_i in Dot's order.
func Sum(x []float64) float64 {
	n := len(x)
	var s float64
	i := n &^ 3
	if accel && i > 0 {
		s = sumBlocks(&x[0], i)
	} else {
		s = sumGo(x[:i])
	}
	for ; i < n; i++ {
		s += x[i]
	}
	return s
}

func sumGo(x []float64) float64 {
	n := len(x)
	var p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15 float64
	i := 0
	for ; i+16 <= n; i += 16 {
		x := x[i : i+16]
		p0 += x[0]
		p1 += x[1]
		p2 += x[2]
		p3 += x[3]
		p4 += x[4]
		p5 += x[5]
		p6 += x[6]
		p7 += x[7]
		p8 += x[8]
		p9 += x[9]
		p10 += x[10]
		p11 += x[11]
		p12 += x[12]
		p13 += x[13]
		p14 += x[14]
		p15 += x[15]
	}
	for ; i+4 <= n; i += 4 {
		x := x[i : i+4]
		p0 += x[0]
		p1 += x[1]
		p2 += x[2]
		p3 += x[3]
	}
	return combine(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15)
}
