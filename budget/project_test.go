package budget

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProjectIsTheEuclideanProjection(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for range 500 {
		n := 1 + rng.IntN(8)
		y, lo, hi, x := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		var sLo, sHi float64
		for i := range n {
			lo[i] = 1e5 * rng.Float64()
			hi[i] = lo[i] + 1e5*rng.Float64()*float64(rng.IntN(2)) // some fixed channels
			y[i] = 3e5 * (rng.Float64() - 0.3)
			sLo += lo[i]
			sHi += hi[i]
		}
		total := sLo + rng.Float64()*(sHi-sLo)
		project(x, y, lo, hi, total)
		requireFeasible(t, x, lo, hi, total)
		// KKT: x = clip(y − τ), so y − x is one shift τ on every channel
		// strictly inside its bounds, ≥ τ at a maximum and ≤ τ at a minimum.
		var shifts []float64
		for i := range n {
			if x[i] > lo[i]+1e-6 && x[i] < hi[i]-1e-6 { // fixSum may nudge a bound by an ulp
				shifts = append(shifts, y[i]-x[i])
			}
		}
		if len(shifts) == 0 {
			continue
		}
		tau := shifts[0]
		for _, s := range shifts {
			require.InDelta(t, tau, s, 1e-6)
		}
		for i := range n {
			if x[i] == hi[i] && hi[i] > lo[i] {
				require.GreaterOrEqual(t, y[i]-x[i], tau-1e-6)
			}
			if x[i] == lo[i] && hi[i] > lo[i] {
				require.LessOrEqual(t, y[i]-x[i], tau+1e-6)
			}
		}
	}
}

func TestFixSumMeetsTotalExactly(t *testing.T) {
	x := []float64{0.1, 0.2, 0.3}
	lo := []float64{0, 0, 0}
	hi := []float64{1, 0.2, 1}
	fixSum(x, lo, hi, 1)
	assert.Equal(t, 1.0, x[0]+x[1]+x[2])
	assert.Equal(t, 0.2, x[1])
}
