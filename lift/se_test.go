package lift

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Known standard normal quantiles, from tables, as the oracle.
const (
	z90  = 1.2815516 // z(0.90)
	z95  = 1.6448536 // z(0.95)
	z975 = 1.9599640 // z(0.975)
	z995 = 2.5758293 // z(0.995)
)

func TestIntervalSEKnownZ(t *testing.T) {
	cases := []struct {
		name           string
		est, lo, hi, c float64
		sided          Sided
		want           float64
	}{
		{"two-sided 90%", 10, 10 - 2*z95, 10 + 2*z95, 0.90, TwoSided, 2},
		{"two-sided 95%", 0, -z975, z975, 0.95, TwoSided, 1},
		{"two-sided 99%", 5, 5 - 3*z995, 5 + 3*z995, 0.99, TwoSided, 3},
		{"two-sided 80%", 1, 1 - z90, 1 + z90, 0.80, TwoSided, 1},
		{"asymmetric two-sided uses width", 1, 0, 2 * z975, 0.95, TwoSided, 1},
		{"lower 90%", 100, 100 - 4*z90, 0, 0.90, LowerBound, 4},
		{"lower 95%", 3, 3 - z95, 0, 0.95, LowerBound, 1},
		{"upper 95%", 3, 0, 3 + 2*z95, 0.95, UpperBound, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			se, err := IntervalSE(tc.est, tc.lo, tc.hi, tc.c, tc.sided)
			require.NoError(t, err)
			assert.InDelta(t, tc.want, se, 1e-6*tc.want)
		})
	}
}

func TestIntervalSEErrors(t *testing.T) {
	_, err := IntervalSE(1, 2, 3, 0.9, LowerBound) // bound above the estimate
	assert.ErrorContains(t, err, "non-positive SE")
	_, err = IntervalSE(1, 3, 3, 0.9, TwoSided)
	assert.ErrorContains(t, err, "non-positive SE")
	_, err = IntervalSE(1, 0, 3, 1, TwoSided)
	assert.ErrorContains(t, err, "outside (0, 1)")
}

func TestPValueSEKnownZ(t *testing.T) {
	se, err := PValueSE(2*z975, 0.05)
	require.NoError(t, err)
	assert.InDelta(t, 2, se, 1e-6)
	se, err = PValueSE(-z95, 0.10) // sign of the estimate does not matter
	require.NoError(t, err)
	assert.InDelta(t, 1, se, 1e-6)
	se, err = PValueSE(z995, 0.01)
	require.NoError(t, err)
	assert.InDelta(t, 1, se, 1e-6)

	for _, p := range []float64{0, 1, -0.1, 1.5} {
		_, err = PValueSE(1, p)
		assert.Error(t, err, "p=%v", p)
	}
	_, err = PValueSE(0, 0.5)
	assert.ErrorContains(t, err, "non-positive SE")
}

func TestNormalizeConfidence(t *testing.T) {
	for in, want := range map[float64]float64{0.9: 0.9, 90: 0.9, 95: 0.95, 0.5: 0.5, 99.9: 0.999} {
		got, err := NormalizeConfidence(in)
		require.NoError(t, err)
		assert.InDelta(t, want, got, 1e-12, "in=%v", in)
	}
	for _, bad := range []float64{0, 1, 100, -5, 150} {
		_, err := NormalizeConfidence(bad)
		assert.ErrorContains(t, err, "outside (0, 1)", "in=%v", bad)
	}
	// Neither a share nor a plausible percentage: 1.5 is not read as 1.5%.
	for _, bad := range []float64{1.5, 5, 49.9} {
		_, err := NormalizeConfidence(bad)
		assert.ErrorContains(t, err, "is neither a share in (0, 1) nor a percentage from 50 to 100", "in=%v", bad)
	}
}

func TestParseSidedAndType(t *testing.T) {
	for in, want := range map[string]Sided{"": TwoSided, "two": TwoSided, "Two-Sided": TwoSided, "lower": LowerBound, "upper": UpperBound} {
		got, err := ParseSided(in)
		require.NoError(t, err)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseSided("left")
	assert.Error(t, err)
	for in, want := range map[string]Type{"": Holdout, "holdout": Holdout, "heavy_up": HeavyUp, "Heavy-Up": HeavyUp, "conversion_lift": ConversionLift} {
		got, err := ParseType(in)
		require.NoError(t, err)
		assert.Equal(t, want, got, in)
		back, err := ParseType(got.String())
		require.NoError(t, err)
		assert.Equal(t, got, back)
	}
	_, err = ParseType("matched_market")
	assert.EqualError(t, err, `unknown test_type "matched_market" (want holdout, heavy_up or conversion_lift)`)
	for _, f := range []Format{Canonical, Robyn, PyMC, GeoLift} {
		got, err := ParseFormat(f.String())
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	_, err = ParseFormat("meridian")
	assert.EqualError(t, err, `"meridian": want canonical, robyn, pymc or geolift`)
}
