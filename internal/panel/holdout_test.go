package panel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A matched holdout moves more like the other geos than random sets of the
// same share do (three geos follow their own cycle), keeps the KPI share
// near the target and is reproducible.
func TestMatchedHoldout(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const G, T = 12, 60
	g := &GeoPanel{}
	for k := 0; k < G; k++ {
		g.Names = append(g.Names, fmt.Sprintf("g%02d", k))
		size := 100 * float64(1+k%4)
		y := make([]float64, T)
		for tt := range y {
			shape := 1 + 0.3*math.Sin(float64(tt)/5)
			if k < 3 { // odd geos: their own cycle
				shape = 1 + 0.3*math.Cos(float64(tt)/3)
			}
			y[tt] = size * shape * (1 + 0.02*rng.NormFloat64())
		}
		g.KPI = append(g.KPI, y)
	}
	h, err := g.MatchedHoldout(0.25, 0, T, 7)
	require.NoError(t, err)
	assert.InDelta(t, 0.25, h.Share, 0.25*0.25)
	assert.Greater(t, h.Correlation, 0.9)
	// Against random sets of about the same share.
	better, n := 0, 0
	for range 300 {
		var tr, rest [T]float64
		var size, all float64
		for _, y := range g.KPI {
			pick := rng.Float64() < 0.25
			for tt, v := range y {
				all += v
				if pick {
					tr[tt] += v
					size += v
				} else {
					rest[tt] += v
				}
			}
		}
		if s := size / all; s < 0.1875 || s > 0.3125 {
			continue
		}
		n++
		if h.Correlation >= correlation(tr[:], rest[:]) {
			better++
		}
	}
	require.Greater(t, n, 50)
	assert.Equal(t, n, better, "the matched set beats every random set")
	again, err := g.MatchedHoldout(0.25, 0, T, 7)
	require.NoError(t, err)
	assert.Equal(t, h, again)

	_, err = g.MatchedHoldout(1.5, 0, T, 7)
	assert.Error(t, err)
	_, err = g.MatchedHoldout(0.2, 0, 2, 7)
	assert.Error(t, err)
}

func BenchmarkMatchedHoldout40(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	g := &GeoPanel{}
	for k := 0; k < 40; k++ {
		g.Names = append(g.Names, fmt.Sprintf("g%02d", k))
		y := make([]float64, 104)
		for tt := range y {
			y[tt] = 1e5 / float64(k+1) * (1 + 0.2*math.Sin(float64(tt)/8) + 0.05*rng.NormFloat64())
		}
		g.KPI = append(g.KPI, y)
	}
	for b.Loop() {
		if _, err := g.MatchedHoldout(0.2, 0, 104, 1); err != nil {
			b.Fatal(err)
		}
	}
}
