package stat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSummarize(t *testing.T) {
	// Type-7 quantiles of 4, 8, 12, 16 at 25% and 75%: 7 and 13.
	want := Interval{Mean: 10, Lo: 7, Hi: 13}
	assert.Equal(t, want, Summarize([]float64{16, 4, 12, 8}, 0.5))
	x := []float64{16, math.NaN(), 4, 12, math.Inf(1), 8, math.Inf(-1)}
	assert.Equal(t, want, Summarize(x, 0.5), "non-finite draws left out")
	assert.True(t, math.IsInf(x[4], 1), "input untouched")

	// 0..100 at 90%: quantiles 0.05 and 0.95 are 5 and 95 exactly.
	y := make([]float64, 101)
	for i := range y {
		y[i] = float64(100 - i)
	}
	iv := Summarize(y, 0.9)
	assert.Equal(t, 50.0, iv.Mean)
	assert.InDelta(t, 5, iv.Lo, 1e-12)
	assert.InDelta(t, 95, iv.Hi, 1e-12)
	assert.Equal(t, 100.0, y[0], "input left unsorted")
	assert.Equal(t, Interval{Mean: 3, Lo: 3, Hi: 3}, Summarize([]float64{3}, 0.9))
	assert.True(t, Summarize(y, 0.9).Known())

	for _, none := range [][]float64{nil, {math.NaN()}, {math.Inf(1), math.NaN()}} {
		iv := Summarize(none, 0.9)
		assert.False(t, iv.Known(), "%v", none)
		assert.True(t, math.IsNaN(iv.Mean) && math.IsNaN(iv.Lo) && math.IsNaN(iv.Hi))
	}
}
