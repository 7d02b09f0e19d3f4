package vmath

import "math"

// ExpNonPos returns e^x for x ≤ 0 within 1e-15 relative error (math.Exp
// to within a few ulp), about twice as fast as math.Exp: the saturation
// curves call it once per channel and period in every gradient, where it
// was the largest single cost. x is split as k·ln 2 + r, |r| ≤ ln2/2, and
// e^r summed as its Taylor series to r¹² (truncation below 2e-16) in
// Estrin's form, whose independent products pipeline better than Horner's
// chain. Below −708 it returns 0 (math.Exp returns a subnormal there).
func ExpNonPos(x float64) float64 {
	if !(x >= -708) {
		if math.IsNaN(x) {
			return x
		}
		return 0
	}
	k := math.Floor(float64(x*log2e) + 0.5)
	r := (x - float64(k*ln2Hi)) - float64(k*ln2Lo)
	r2 := r * r
	r4 := r2 * r2
	q03 := (1 + r) + float64(r2*(1.0/2+float64(r*(1.0/6))))
	q47 := (1.0/24 + float64(r*(1.0/120))) + float64(r2*(1.0/720+float64(r*(1.0/5040))))
	q8b := (1.0/40320 + float64(r*(1.0/362880))) + float64(r2*(1.0/3628800+float64(r*(1.0/39916800))))
	p := (q03 + float64(r4*q47)) + float64(float64(r4*r4)*(q8b+float64(r4*(1.0/479001600))))
	return p * math.Float64frombits(uint64(int64(k)+1023)<<52)
}

const (
	log2e = 1.4426950408889634
	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.90821492927058770002e-10
)

// logTab[i] holds 1/c and −log(1/c) for the centre c of the i-th of 128
// equal subintervals of the mantissa range of LogPos's reduced argument.
// The assembly loads its rows lane by lane.
var logTab = func() (t [128][2]float64) {
	for i := range t {
		lo := math.Float64frombits(logOff + uint64(i)<<45)
		hi := math.Float64frombits(logOff + uint64(i+1)<<45)
		invc := 2 / (lo + hi)
		t[i] = [2]float64{invc, -math.Log(invc)}
	}
	return t
}()

// logOff is the bit pattern of 0.6875, the bottom of the reduced range.
const logOff = 0x3fe6000000000000

// LogPos returns log x for x > 0 within 3e-16·max(1, |log x|) (math.Log
// to about an ulp), without math.Log's division: x = 2^k·z
// with z in [0.6875, 1.375), log z = log c + log1p(z/c − 1) with 1/c and
// log c from a table of 128 subintervals, so |z/c − 1| < 0.004 and log1p
// is its Taylor series to the 7th power (truncation below 1e-18). Zero,
// negative, subnormal and non-finite x go to math.Log.
func LogPos(x float64) float64 {
	bits := math.Float64bits(x)
	if !logNormal(bits) {
		return math.Log(x)
	}
	tmp := bits - logOff
	i := (tmp >> 45) & 127
	k := int64(tmp) >> 52
	z := math.Float64frombits(bits - uint64(k)<<52)
	e := &logTab[i]
	r := math.FMA(z, e[0], -1)
	kd := float64(k)
	w := float64(kd*ln2Hi) + e[1]
	hi := w + r
	lo := w - hi + r + float64(kd*ln2Lo)
	r2 := r * r
	// log1p(r) − r = −r²/2 + r³/3 − … + r⁷/7
	p := float64(r2 * ((-0.5 + float64(r*(1.0/3))) + float64(r2*((-0.25+float64(r*0.2))+float64(r2*(-1.0/6+float64(r*(1.0/7))))))))
	return hi + (lo + p)
}

// logNormal reports whether x's bits are those of a positive normal
// finite number, LogPos's table range.
func logNormal(bits uint64) bool {
	return bits-0x0010000000000000 < 0x7ff0000000000000-0x0010000000000000
}
