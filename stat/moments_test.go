package stat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSumMean(t *testing.T) {
	assert.Equal(t, 0.0, Sum(nil))
	assert.Equal(t, 10.5, Sum([]float64{1, 2.5, 3, 4}))
	assert.Equal(t, 2.625, Mean([]float64{1, 2.5, 3, 4}))
	assert.True(t, math.IsNaN(Mean(nil)))
}

func TestMeanVar(t *testing.T) {
	// Σ(x−5)² = 9+1+1+1+0+0+4+16 = 32 over n−1 = 7.
	x := []float64{2, 4, 4, 4, 5, 5, 7, 9}
	m, v := MeanVar(x)
	assert.Equal(t, 5.0, m)
	assert.InDelta(t, 32.0/7, v, 1e-15)
	_, sd := MeanSD(x)
	assert.InDelta(t, math.Sqrt(32.0/7), sd, 1e-15)

	// Two passes keep the variance exact under a large offset, where
	// E[x²]−E[x]² would lose every digit.
	m, v = MeanVar([]float64{1e9 + 1, 1e9 + 2, 1e9 + 3})
	assert.Equal(t, 1e9+2, m)
	assert.Equal(t, 1.0, v)

	m, v = MeanVar([]float64{3})
	assert.Equal(t, 3.0, m)
	assert.True(t, math.IsNaN(v))
	m, sd = MeanSD([]float64{3})
	assert.Equal(t, 3.0, m)
	assert.Equal(t, 0.0, sd)
	m, sd = MeanSD(nil)
	assert.True(t, math.IsNaN(m))
	assert.True(t, math.IsNaN(sd))
}
