package simulate

import "math"

// oracleWeekly recomputes a channel's weekly contribution from its
// parameters by the textbook formulas, sharing no code with Response:
// weights via exp(log α · e), the adstock as an explicit convolution of the
// scaled spend, and Hill as a^s / (a^s + K^s).
func oracleWeekly(r Response, x []float64) []float64 {
	L := r.Adstock.MaxLag
	w := make([]float64, L+1)
	var ws float64
	for l := 0; l <= L; l++ {
		e := float64(l)
		if r.Adstock.Kind == "delayed" {
			e = (float64(l) - r.Adstock.Theta) * (float64(l) - r.Adstock.Theta)
		}
		w[l] = math.Exp(math.Log(r.Adstock.Alpha) * e)
		ws += w[l]
	}
	out := make([]float64, len(x))
	for t := range x {
		var a float64
		for l := 0; l <= L; l++ {
			if t-l >= 0 {
				a += w[l] / ws * x[t-l] / r.Scale
			}
		}
		if a > 0 {
			as := math.Pow(a, r.Saturation.Slope)
			out[t] = r.Beta * as / (as + math.Pow(r.Saturation.K, r.Saturation.Slope))
		}
	}
	return out
}

func oracleTotal(r Response, x []float64) float64 {
	var s float64
	for _, v := range oracleWeekly(r, x) {
		s += v
	}
	return s
}

func relDiff(a, b float64) float64 {
	return math.Abs(a-b) / math.Max(math.Abs(a), math.Abs(b))
}
