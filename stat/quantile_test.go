package stat

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuantileType7(t *testing.T) {
	// R: quantile(c(1, 2, 3, 4, 10), c(0.05, 0.5, 0.95)) = 1.2, 3, 8.8.
	s := []float64{1, 2, 3, 4, 10}
	assert.InDelta(t, 1.2, Quantile(s, 0.05), 1e-12)
	assert.Equal(t, 3.0, Quantile(s, 0.5))
	assert.InDelta(t, 8.8, Quantile(s, 0.95), 1e-12)
	// h = 0.3 and 2.7 on {1, 2, 4, 8}: 1 + 0.3·1 and 4 + 0.7·4.
	s = []float64{1, 2, 4, 8}
	assert.InDelta(t, 1.3, Quantile(s, 0.1), 1e-15)
	assert.InDelta(t, 6.8, Quantile(s, 0.9), 1e-15)

	// At p = k/(n−1) type 7 is the k-th order statistic exactly.
	for k, v := range s {
		assert.Equal(t, v, Quantile(s, float64(k)/3), k)
	}
	assert.Equal(t, 1.0, Quantile(s, -0.5))
	assert.Equal(t, 8.0, Quantile(s, 1))
	assert.Equal(t, 8.0, Quantile(s, math.Inf(1)))
	assert.Equal(t, 7.0, Quantile([]float64{7}, 0.3))
	assert.True(t, math.IsNaN(Quantile(nil, 0.5)))
	assert.True(t, math.IsNaN(Quantile(s, math.NaN())))
}

func TestCentral(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	x := []float64{nan, 3, 1, inf, 2, 5, 4}
	orig := slices.Clone(x)

	// Finite values 1..5: quartiles at h = 1 and h = 3.
	m, lo, hi, n := Central(x, 0.5, Finite)
	assert.Equal(t, []float64{3, 2, 4}, []float64{m, lo, hi})
	assert.Equal(t, 5, n)

	// Keeping +Inf: sorted 1, 2, 3, 4, 5, Inf; h = 1.25 and 3.75.
	m, lo, hi, n = Central(x, 0.5, NotNaN)
	assert.Equal(t, inf, m)
	assert.InDelta(t, 2.25, lo, 1e-15)
	assert.InDelta(t, 4.75, hi, 1e-15)
	assert.Equal(t, 6, n)
	assert.Equal(t, len(orig), len(x))
	for i := range x {
		assert.True(t, x[i] == orig[i] || math.IsNaN(x[i]) && math.IsNaN(orig[i]), "x modified at %d", i)
	}

	// No filter: 90% interval of 1..11 is [1.5, 10.5].
	y := []float64{11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
	m, lo, hi, n = Central(y, 0.9, nil)
	assert.Equal(t, []float64{6, 1.5, 10.5}, []float64{m, lo, hi})
	assert.Equal(t, 11, n)

	m, lo, hi, n = Central([]float64{nan, inf}, 0.9, Finite)
	assert.Zero(t, n)
	assert.True(t, math.IsNaN(m) && math.IsNaN(lo) && math.IsNaN(hi))
}

func TestFilters(t *testing.T) {
	assert.True(t, Finite(0) && Finite(-1e308))
	assert.False(t, Finite(math.NaN()) || Finite(math.Inf(-1)))
	assert.True(t, NotNaN(math.Inf(-1)))
	assert.False(t, NotNaN(math.NaN()))
}

func ExampleCentral() {
	draws := []float64{0.8, 1.1, math.NaN(), 1.0, 1.3, 0.9}
	mean, lo, hi, n := Central(draws, 0.5, Finite)
	fmt.Printf("%d draws: %.2f [%.2f, %.2f]\n", n, mean, lo, hi)
	// Output: 5 draws: 1.02 [0.90, 1.10]
}
