package report

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIntervalJSON(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		iv   Interval
		want string
	}{
		{Interval{1.5, 1, 2}, `{"mean":1.5,"lo":1,"hi":2}`},
		{Interval{1.5, nan, math.Inf(1)}, `{"mean":1.5,"lo":null,"hi":null}`},
		{Unknown, `null`},
		{Interval{nan, math.Inf(-1), math.Inf(1)}, `null`},
		{Interval{1e-7, 0, 3e21}, `{"mean":1e-7,"lo":0,"hi":3e+21}`},
	} {
		b, err := json.Marshal(tc.iv)
		require.NoError(t, err)
		assert.Equal(t, tc.want, string(b))
	}
	var back Interval
	require.NoError(t, json.Unmarshal([]byte(`{"mean":2,"lo":null,"hi":3}`), &back))
	assert.Equal(t, 2.0, back.Mean)
	assert.True(t, math.IsNaN(back.Lo))
	assert.Equal(t, 3.0, back.Hi)
	require.NoError(t, json.Unmarshal([]byte(`null`), &back))
	assert.False(t, back.Known())
	assert.Error(t, json.Unmarshal([]byte(`{"mean":"x"}`), &back))
}

// appendJSONFloat must agree with encoding/json on every finite float.
func TestAppendJSONFloatMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	xs := []float64{0, 1, -1, 0.1, 1e-6, 9.99e-7, 1e20, 1e21, 123456789.125, -3.5e-9, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for range 2000 {
		xs = append(xs, math.Pow(10, 60*rng.Float64()-30)*rng.NormFloat64())
	}
	for _, x := range xs {
		want, err := json.Marshal(x)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONFloat(nil, x)), "%v", x)
	}
}

// Per's ends must be the quantiles of a/X computed draw by draw.
func TestIntervalPerMatchesDrawwiseQuantiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	draws := make([]float64, 4001)
	for i := range draws {
		draws[i] = math.Exp(0.5 + 0.4*rng.NormFloat64())
	}
	q := func(x []float64, p float64) float64 {
		s := slices.Clone(x)
		slices.Sort(s)
		return s[int(math.Round(p*float64(len(s)-1)))]
	}
	const a = 250.0
	inv := make([]float64, len(draws))
	for i, d := range draws {
		inv[i] = a / d
	}
	iv := Interval{Mean: 1, Lo: q(draws, 0.05), Hi: q(draws, 0.95)}
	got := iv.Per(a)
	assert.InDelta(t, q(inv, 0.05), got.Lo, 1e-12)
	assert.InDelta(t, q(inv, 0.95), got.Hi, 1e-12)
	assert.Equal(t, a, got.Mean)

	open := Interval{Mean: 2, Lo: -1, Hi: 4}.Per(8)
	assert.True(t, math.IsInf(open.Hi, 1), "a contribution interval reaching zero leaves the cost unbounded")
	assert.Equal(t, 2.0, open.Lo)
	assert.False(t, Unknown.Per(1).Known())
}
