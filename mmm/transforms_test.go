package mmm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/stat/distuv"
)

func nan() float64 { return math.NaN() }

func TestAdstockHand(t *testing.T) {
	w := make([]float64, 3)
	Geometric{Alpha: 0.5}.Weights(w)
	// 1, 0.5, 0.25 normalised by 1.75.
	assert.InDeltaSlice(t, []float64{1 / 1.75, 0.5 / 1.75, 0.25 / 1.75}, w, 1e-15)
	dst := make([]float64, 4)
	Convolve(dst, []float64{1, 0, 0, 2}, w)
	assert.InDeltaSlice(t, []float64{1 / 1.75, 0.5 / 1.75, 0.25 / 1.75, 2 / 1.75}, dst, 1e-15)

	Delayed{Alpha: 0.5, Theta: 1}.Weights(w)
	// 0.5^1, 0.5^0, 0.5^1 → 0.5, 1, 0.5 over 2.
	assert.InDeltaSlice(t, []float64{0.25, 0.5, 0.25}, w, 1e-15)

	// Degenerate decays stay finite: α → 0 puts all weight on lag 0 (or θ).
	Geometric{Alpha: 0}.Weights(w)
	assert.Equal(t, []float64{1, 0, 0}, w)
	Delayed{Alpha: 1e-300, Theta: 1.4}.Weights(w)
	assert.InDeltaSlice(t, []float64{0, 1, 0}, w, 1e-15)

	// Weibull with shape 1 is exponential: geometric with α = e^(−1/scale).
	Weibull{Shape: 1, Scale: 2}.Weights(w)
	g := make([]float64, 3)
	Geometric{Alpha: math.Exp(-0.5)}.Weights(g)
	assert.InDeltaSlice(t, g, w, 1e-15)
	// Shape > 1 peaks after the period of spend: mode λ((k−1)/k)^(1/k) = 1.41
	// for k = 2, λ = 2, so lag 1 (midpoint 1.5) carries the most weight.
	w = make([]float64, 6)
	Weibull{Shape: 2, Scale: 2}.Weights(w)
	assert.Greater(t, w[1], w[0])
	assert.Greater(t, w[1], w[2])
	// Extreme parameters stay finite and normalised.
	for _, wb := range []Weibull{{Shape: 0.05, Scale: 0.01}, {Shape: 20, Scale: 50}, {Shape: 8, Scale: 0.1}} {
		wb.Weights(w)
		sum := 0.0
		for _, v := range w {
			assert.False(t, math.IsNaN(v) || math.IsInf(v, 0), "%+v", wb)
			sum += v
		}
		assert.InDelta(t, 1, sum, 1e-12, "%+v", wb)
	}
}

func TestSaturationHand(t *testing.T) {
	h := Hill{K: 2, S: 2}
	assert.InDelta(t, 0.5, h.Value(2), 1e-15)
	assert.InDelta(t, 1.0/5, h.Value(1), 1e-15) // 1/(1+4)
	assert.Equal(t, 0.0, h.Value(0))
	g := Logistic{Lambda: 1}
	assert.InDelta(t, (1-math.Exp(-3))/(1+math.Exp(-3)), g.Value(3), 1e-15)
	for _, x := range []float64{0.1, 0.7, 1.3, 3} {
		assert.InDelta(t, fd.Derivative(h.Value, x, nil), h.Deriv(x), 1e-6)
		assert.InDelta(t, fd.Derivative(g.Value, x, nil), g.Deriv(x), 1e-6)
	}
}

func TestPriorsAgainstGonum(t *testing.T) {
	for _, x := range []float64{0.05, 0.3, 0.9, 2.5} {
		ln := LogNormal{Mu: 0.2, Sigma: 0.9}
		assert.InDelta(t, distuv.LogNormal{Mu: 0.2, Sigma: 0.9}.LogProb(x), ln.LogProb(x), 1e-12)
		assert.InEpsilon(t, fd.Derivative(ln.LogProb, x, &fd.Settings{Formula: fd.Central}), ln.DLogProb(x), 1e-6)
		n := Normal{Mu: 0.5, Sigma: 0.3}
		assert.InDelta(t, distuv.Normal{Mu: 0.5, Sigma: 0.3}.LogProb(x), n.LogProb(x), 1e-12)
		assert.InEpsilon(t, fd.Derivative(n.LogProb, x, &fd.Settings{Formula: fd.Central}), n.DLogProb(x), 1e-6)
		hn := HalfNormal{Sigma: 0.3}
		assert.InDelta(t, distuv.Normal{Mu: 0, Sigma: 0.3}.LogProb(x)+math.Ln2, hn.LogProb(x), 1e-12)
		assert.InEpsilon(t, fd.Derivative(hn.LogProb, x, &fd.Settings{Formula: fd.Central}), hn.DLogProb(x), 1e-6)
		if x < 1 {
			b := Beta{A: 1.5, B: 3}
			assert.InDelta(t, distuv.Beta{Alpha: 1.5, Beta: 3}.LogProb(x), b.LogProb(x), 1e-12)
			assert.InEpsilon(t, fd.Derivative(b.LogProb, x, &fd.Settings{Formula: fd.Central}), b.DLogProb(x), 1e-6)
		}
	}
	assert.True(t, math.IsInf(Beta{A: 2, B: 2}.LogProb(1), -1))
	assert.True(t, math.IsInf(LogNormal{Sigma: 1}.LogProb(0), -1))
	assert.True(t, math.IsInf(HalfNormal{Sigma: 1}.LogProb(-1), -1))
}

func TestLogisticStable(t *testing.T) {
	for _, u := range []float64{-800, -30, -1, 0, 2, 40, 800} {
		p, lp, l1p := logistic(u)
		assert.False(t, math.IsNaN(p) || math.IsNaN(lp) || math.IsNaN(l1p), "u=%g", u)
		if math.Abs(u) < 30 {
			assert.InDelta(t, 1/(1+math.Exp(-u)), p, 1e-15)
			assert.InDelta(t, math.Log(p), lp, 1e-12)
			assert.InDelta(t, math.Log(1-p), l1p, 1e-12)
		}
	}
}
