package calibrate

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
)

func geometric(alpha float64, L int) []float64 {
	w := make([]float64, L+1)
	for l := range w {
		w[l] = math.Pow(alpha, float64(l))
	}
	return w
}

func ones(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = 1
	}
	return x
}

func TestCaptureShareHand(t *testing.T) {
	w := geometric(0.5, 3) // 1, .5, .25, .125; Σ = 1.875
	// n = 2, m = 2: ((w0+w1) + w0) / (2·1.875).
	assert.InDelta(t, 2.5/3.75, CaptureShare(w, ones(2), ones(2)), 1e-14)
	// n = 2, m = 4: (1.875 + 1.75) / 3.75.
	assert.InDelta(t, 3.625/3.75, CaptureShare(w, ones(2), ones(4)), 1e-14)
	// Measured long enough: everything captured.
	assert.InDelta(t, 1, CaptureShare(w, ones(2), ones(5)), 1e-14)
	// Partial first period, f = (.5, 1), g = (.5, 1, 1): effects .5, 1.25,
	// .625 per period → (.25 + 1.25 + .625) / (1.5 · 1.875).
	assert.InDelta(t, 2.125/2.8125, CaptureShare(w, []float64{0.5, 1}, []float64{0.5, 1, 1}), 1e-14)
	// No carryover or no spend: nothing is missed.
	assert.Equal(t, 1.0, CaptureShare(nil, ones(2), ones(2)))
	assert.Equal(t, 1.0, CaptureShare(w, nil, ones(2)))
	// The weights' scale does not matter.
	w2 := geometric(0.5, 3)
	for i := range w2 {
		w2[i] *= 7
	}
	assert.InDelta(t, 2.5/3.75, CaptureShare(w2, ones(2), ones(2)), 1e-14)
}

// The closed form for whole periods, and an independent route through the
// model's own adstock, agree with CaptureShare.
func TestCaptureShareOracles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		L := rng.IntN(9)
		w := geometric(rng.Float64(), L)
		n := 1 + rng.IntN(6)
		m := n + rng.IntN(6)
		var closed float64
		for i := 0; i < n; i++ {
			for l := 0; l <= min(L, m-1-i); l++ {
				closed += w[l]
			}
		}
		closed /= float64(n) * stat.Sum(w)
		assert.InDelta(t, closed, CaptureShare(w, ones(n), ones(m)), 1e-12)

		// Random partial spend and measurement weights: adstock a spend
		// series with mmm.Convolve and weight the periods.
		f := make([]float64, n)
		for i := range f {
			f[i] = rng.Float64()
		}
		g := make([]float64, m)
		for i := range g {
			g[i] = rng.Float64()
		}
		x := make([]float64, m+L+1)
		copy(x, f)
		ad := make([]float64, len(x))
		mmm.Convolve(ad, x, w)
		var num float64
		for i, gi := range g {
			num += gi * ad[i]
		}
		assert.InDelta(t, num/(stat.Sum(f)*stat.Sum(w)), CaptureShare(w, f, g), 1e-12)
	}
}

func TestCarryoverPeriods(t *testing.T) {
	// α = .5, L = 8: cumulative shares .501, .751, .877, .939.
	assert.Equal(t, 4, CarryoverPeriods(geometric(0.5, 8)))
	// α = .3: .700, .910.
	assert.Equal(t, 2, CarryoverPeriods(geometric(0.3, 8)))
	// Exactly 90% at two lags must count as reached.
	assert.Equal(t, 2, CarryoverPeriods([]float64{0.6, 0.3, 0.1}))
	assert.Equal(t, 1, CarryoverPeriods([]float64{1}))
	assert.Equal(t, 1, CarryoverPeriods(nil))
	// Delayed peak: nothing in the first period.
	assert.Equal(t, 3, CarryoverPeriods([]float64{0, 0.5, 0.45, 0.05}))
}
