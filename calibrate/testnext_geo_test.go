package calibrate

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With each geo's noise variance in proportion to its KPI and the treated
// geos' spend their share of it, a geo design is the national one.
func TestDesignGeoTestMatchesNationalWhenProportional(t *testing.T) {
	const h, sigma, spend, roi = 0.2, 50.0, 1000.0, 2.0
	w := []float64{0.5, 0.3, 0.2}
	o := DesignOptions{Shares: []float64{h}}
	for _, target := range []float64{0.5, 0.05, 1e-6} {
		nat, ok := DesignTest(spend, roi, sigma, target, w, 7, o)
		require.True(t, ok)
		geo, ok := DesignGeoTest(GeoHoldout{Spend: []float64{0, h * spend, h * spend},
			TreatedVar: h * sigma * sigma, ControlVar: (1 - h) * sigma * sigma, Ratio: h / (1 - h)}, h, roi, target, w, 7, o)
		require.True(t, ok)
		assert.Equal(t, nat.Weeks, geo.Weeks, "target %g", target)
		assert.Equal(t, nat.Reaches, geo.Reaches)
		assert.Equal(t, nat.CooldownWeeks, geo.CooldownWeeks)
		assert.InDelta(t, nat.ExpectedSE, geo.ExpectedSE, 1e-9*nat.ExpectedSE)
		assert.InDelta(t, nat.ExpectedLift, geo.ExpectedLift, 1e-9*nat.ExpectedLift)
	}
}

// Treated geos that are noisier than their KPI share (small geos, whose
// per-capita noise is larger) make the test less precise; treated geos
// with more of the channel's spend than their KPI share, more precise.
func TestDesignGeoTestUsesTheTreatedGeos(t *testing.T) {
	base := GeoHoldout{Spend: []float64{100, 100}, TreatedVar: 400, ControlVar: 1600, Ratio: 0.25}
	o := DesignOptions{MinWeeks: 4, MaxWeeks: 4}
	ref, ok := DesignGeoTest(base, 0.2, 1, 1, nil, 7, o)
	require.True(t, ok)
	noisy := base
	noisy.TreatedVar *= 4
	d, _ := DesignGeoTest(noisy, 0.2, 1, 1, nil, 7, o)
	assert.Greater(t, d.ExpectedSE, ref.ExpectedSE)
	rich := base
	rich.Spend = []float64{300, 300}
	d, _ = DesignGeoTest(rich, 0.2, 1, 1, nil, 7, o)
	assert.InDelta(t, ref.ExpectedSE/3, d.ExpectedSE, 1e-12)
	_, ok = DesignGeoTest(GeoHoldout{Spend: []float64{0}, TreatedVar: 1, Ratio: 1}, 0.2, 1, 1, nil, 7, o)
	assert.False(t, ok)
}
