package eval

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
)

// TestTruthRecoveryShort runs the whole pipeline on one world with the fast
// MAP + Laplace path and checks that every metric can be computed and is
// sane. The real validation is TestTruthRecoveryLong (build tag long).
func TestTruthRecoveryShort(t *testing.T) {
	start := time.Now()
	w, r := runWorld(t, 2, func(c *config.Config) {
		c.Sampler.Method = mmm.Laplace
		c.Sampler.Draws = 300
	})
	res, err := Evaluate(w, r)
	require.NoError(t, err)
	s := Summary{Results: []Result{res}}
	t.Logf("laplace, seed 2, %.1f s\n%s\n%s", time.Since(start).Seconds(), s, s.Channels())

	require.True(t, res.HasCalibrated, "the world has lift tests")
	assert.Equal(t, len(w.Channels), res.Alone.N)
	assert.Positive(t, res.TestedCalibrated.N)
	for _, a := range []Accuracy{res.Alone, res.Calibrated, res.TestedAlone, res.TestedCalibrated} {
		assert.False(t, math.IsNaN(a.Coverage()))
		for _, x := range []float64{a.MeanAbsROIError, a.MeanRelROIError, a.SpendWeightedError, a.TotalMediaError} {
			assert.False(t, math.IsNaN(x) || math.IsInf(x, 0), "%+v", a)
		}
	}
	require.NotEmpty(t, res.IF)
	assert.False(t, math.IsNaN(MeanIFError(res.IF)))
	require.NotNil(t, res.Budget)
	assert.Positive(t, res.Budget.Ratio(), "the plan gains under the true curves")
}
