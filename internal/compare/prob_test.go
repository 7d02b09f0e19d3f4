package compare

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/stat/distuv"
)

// probGreater against the brute force over every pair, ties included.
func TestProbGreaterAgreesWithAllPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		a, b := make([]float64, 1+rng.IntN(40)), make([]float64, 1+rng.IntN(40))
		for i := range a {
			a[i] = float64(rng.IntN(10))
		}
		for i := range b {
			b[i] = float64(rng.IntN(10))
		}
		var want float64
		for _, x := range a {
			for _, y := range b {
				switch {
				case y > x:
					want++
				case y == x:
					want += 0.5
				}
			}
		}
		want /= float64(len(a) * len(b))
		assert.InDelta(t, want, probGreater(a, b), 1e-12)
	}
}

// For two normal posteriors the probability is Φ(Δ/√(σa²+σb²)).
func TestChangeOfNormalPosteriors(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	a, b := make([]float64, 4000), make([]float64, 4000)
	for i := range a {
		a[i] = 1 + 0.2*rng.NormFloat64()
		b[i] = 1.3 + 0.2*rng.NormFloat64()
	}
	iv, p, dir := change(a, b, 0.9)
	want := distuv.UnitNormal.CDF(0.3 / math.Sqrt(0.08))
	assert.InDelta(t, want, p, 0.01)
	assert.Equal(t, "up", dir)
	assert.InDelta(t, 0.3, iv.Mean, 0.02)
	assert.InDelta(t, 0.3+1.645*math.Sqrt(0.08), iv.Hi, 0.03)
	_, p, dir = change(b, a, 0.9)
	assert.InDelta(t, want, p, 0.01)
	assert.Equal(t, "down", dir)
	_, p, _ = change(nil, a, 0.9)
	assert.True(t, math.IsNaN(p))
}
