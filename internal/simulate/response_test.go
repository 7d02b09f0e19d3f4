package simulate

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdstockWeights(t *testing.T) {
	g := Adstock{Kind: "geometric", Alpha: 0.5, MaxLag: 2}
	assert.InDeltaSlice(t, []float64{1 / 1.75, 0.5 / 1.75, 0.25 / 1.75}, g.Weights(), 1e-15)

	// Delayed with θ = 1: α^1, α^0, α^1, α^4 for l = 0..3.
	d := Adstock{Kind: "delayed", Alpha: 0.3, Theta: 1, MaxLag: 3}
	raw := []float64{0.3, 1, 0.3, 0.0081}
	s := raw[0] + raw[1] + raw[2] + raw[3]
	for l, v := range d.Weights() {
		assert.InDelta(t, raw[l]/s, v, 1e-15, "lag %d", l)
	}
}

func TestAdstockApply(t *testing.T) {
	a := Adstock{Kind: "geometric", Alpha: 0.5, MaxLag: 2}
	dst := make([]float64, 5)
	a.Apply(dst, []float64{1.75, 0, 0, 3.5, 0})
	// By hand: a pulse of 1.75 gives 1, 0.5, 0.25, then nothing past lag 2.
	assert.InDeltaSlice(t, []float64{1, 0.5, 0.25, 2, 1}, dst, 1e-12)
}

func TestHill(t *testing.T) {
	h := Hill{K: 0.8, Slope: 2}
	assert.Equal(t, 0.0, h.At(0))
	assert.Equal(t, 0.0, h.At(-1))
	assert.InDelta(t, 0.5, h.At(0.8), 1e-15)
	assert.InDelta(t, 1.0/(1+0.64), h.At(1), 1e-15) // 1/(1+(K/x)^2)
	assert.InDelta(t, 1.0, h.At(1e300), 1e-15)
	prev := 0.0
	for x := 0.01; x < 5; x += 0.01 {
		v := h.At(x)
		require.Greater(t, v, prev)
		prev = v
	}
}

func TestResponseLinearInBeta(t *testing.T) {
	r := Response{Adstock: Adstock{Kind: "geometric", Alpha: 0.4, MaxLag: 8}, Saturation: Hill{K: 1, Slope: 1.5}, Scale: 100, Beta: 1}
	x := []float64{100, 0, 50, 200, 150, 0, 0, 80}
	one := r.Total(x)
	r.Beta = 3.5
	assert.InDelta(t, 3.5*one, r.Total(x), 1e-12)
	assert.True(t, one > 0 && !math.IsNaN(one))
}

func TestSplitCents(t *testing.T) {
	parts := splitCents(1001, []float64{1, 1, 1})
	var cents int64
	for _, p := range parts {
		cents += int64(math.Round(p * 100))
	}
	assert.Equal(t, int64(100100), cents)
	assert.Equal(t, []float64{333.67, 333.67, 333.66}, parts)
	assert.Equal(t, []float64{0, 0}, splitCents(0, []float64{1, 2}))
}
