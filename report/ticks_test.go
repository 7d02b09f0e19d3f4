package report

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNiceTicksKnownCases(t *testing.T) {
	assert.Equal(t, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}, niceTicks(0, 1, 6))
	assert.Equal(t, []float64{0, 20, 40, 60, 80, 100}, niceTicks(3, 97, 6))
	assert.Equal(t, []float64{800000, 1e6, 1.2e6, 1.4e6, 1.6e6, 1.8e6}, niceTicks(8.1e5, 1.71e6, 6))
	assert.Equal(t, []float64{-10, -5, 0, 5}, niceTicks(-7, 3, 4))
	assert.Equal(t, []float64{4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6}, niceTicks(5, 5, 5), "a single value is widened")
	assert.Equal(t, []float64{-1e308, 1e308}, niceTicks(-1e308, 1e308, 5), "an overflowing span still ends")
	assert.Equal(t, []float64{0, 0.5, 1}, niceTicks(math.NaN(), 1, 3), "a non-finite range falls back to [0, 1]")
}

// Properties for random ranges: the ticks cover the range, are evenly
// spaced by 1, 2 or 5 times a power of ten, and are not too many.
func TestNiceTicksProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		scale := math.Pow(10, 12*rng.Float64()-6)
		lo := (rng.Float64()*2 - 1) * scale
		hi := lo + rng.Float64()*scale*3
		n := 2 + rng.IntN(10)
		ticks := niceTicks(lo, hi, n)
		require.GreaterOrEqual(t, len(ticks), 2)
		step := ticks[1] - ticks[0]
		assert.LessOrEqual(t, ticks[0], lo+1e-9*step)
		assert.GreaterOrEqual(t, ticks[len(ticks)-1], hi-1e-9*step)
		assert.LessOrEqual(t, len(ticks), 2*n+2, "range [%g, %g] n=%d", lo, hi, n)
		m := step / math.Pow(10, math.Floor(math.Log10(step)))
		nice := false
		for _, v := range []float64{1, 2, 5, 10} {
			nice = nice || math.Abs(m-v) < 1e-6
		}
		assert.True(t, nice, "step %g is not 1, 2 or 5 × 10^k", step)
		for i := 1; i < len(ticks); i++ {
			assert.InEpsilon(t, step, ticks[i]-ticks[i-1], 1e-6)
		}
	}
}
