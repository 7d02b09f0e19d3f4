package report

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormatSig(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string
	}{
		{0, "0"}, {2.134, "2.13"}, {0.4821, "0.482"}, {12.34, "12.3"}, {1234.6, "1235"},
		{9.996, "10.0"}, {0.09996, "0.100"}, {-1.5, "-1.50"}, {0.0001234, "0.000123"},
		{math.NaN(), "n/a"}, {math.Inf(1), "∞"}, {math.Inf(-1), "−∞"}, {2e16, "2e+16"},
	} {
		assert.Equal(t, tc.want, formatSig(tc.x), "%v", tc.x)
	}
}

func TestFormatCompact(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string
	}{
		{980, "980"}, {999.6, "1.00k"}, {45600, "45.6k"}, {1.234e6, "1.23M"}, {999.7e6, "1.00B"},
		{-2.5e6, "-2.50M"}, {3e12, "3.00T"}, {math.NaN(), "n/a"},
	} {
		assert.Equal(t, tc.want, formatCompact(tc.x), "%v", tc.x)
	}
	assert.Equal(t, "2.5M", formatTick(2.5e6))
	assert.Equal(t, "5M", formatTick(5e6))
	assert.Equal(t, "0.5", formatTick(0.5))
	assert.Equal(t, "800k", formatTick(8e5))
}

func TestFormatPercentAndIntervals(t *testing.T) {
	assert.Equal(t, "3.42%", formatPct(0.0342))
	assert.Equal(t, "90%", formatShortPct(0.9))
	assert.Equal(t, "+12.5%", signedPct(0.125))
	assert.Equal(t, "-30%", signedPct(-0.3))
	assert.Equal(t, "0.91", formatShort(0.91))
	assert.Equal(t, "1.006", formatRHat(1.0061))
	assert.Equal(t, "2.10 (1.60–2.70)", formatInterval(Interval{2.1, 1.6, 2.7}, formatSig))
	assert.Equal(t, "2.10", formatInterval(Interval{2.1, math.NaN(), math.NaN()}, formatSig))
	assert.Equal(t, "4.00 (2.00–∞)", formatInterval(Interval{2, -1, 4}.Per(8), formatSig))
	assert.Equal(t, "n/a", formatInterval(Unknown, formatSig))
}
