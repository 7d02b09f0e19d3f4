package mmm

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/sampler"
	"github.com/triad-mmm/triad/stat"
)

// TestGeoPopulationByPeriod fits, at the posterior mode, a world whose geos
// grow and shrink by up to ×1.8 over the panel, with spend and KPI per head
// of each period. Divided by each period's population the model recovers
// the ROIs; divided by the geos' mean population (what it did before
// PopulationByPeriod) the growth reads as media effect and the ROIs are off.
func TestGeoPopulationByPeriod(t *testing.T) {
	if testing.Short() {
		t.Skip("finds two modes")
	}
	w := geoSimWorldGen(5, geoSimOptions{geos: 10, n: 104, channels: 2, fourier: 1, trend: true,
		noise: 0.03, eta: 0.1, popGrowth: 1.2})
	var post *GeoPosterior
	errAt := func(d GeoData) float64 {
		m, err := NewGeoModel(d, w.spec)
		require.NoError(t, err)
		x, _, err := m.findMode(context.Background(), m.NewTarget(), m.center())
		require.NoError(t, err)
		e := 0.0
		for c := range m.ch {
			roi := math.Exp(x[m.ch[c].iROI])
			t.Logf("  %s: ROI %.3f, truth %.3f", m.ch[c].name, roi, w.roi[c])
			e += math.Abs(roi/w.roi[c] - 1)
		}
		if post == nil {
			res := &sampler.Result{Dim: m.Dim(), Chains: []sampler.Chain{{Draws: [][]float64{x}, LogProb: []float64{0}}}}
			post, err = newGeoPosterior(m, res, 10)
			require.NoError(t, err)
		}
		return e / float64(len(m.ch))
	}
	byPeriod := errAt(w.data)
	mean := w.data
	mean.PopulationByPeriod = nil
	flat := errAt(mean)
	t.Logf("mean relative ROI error: by period %.3f, mean population %.3f", byPeriod, flat)
	assert.Less(t, byPeriod, 0.1)
	assert.Less(t, byPeriod, 0.5*flat)

	// At the mode, the KPI-unit views count each period's people: every
	// geo's fit follows its growth, and the contributions are the true ones.
	b := post.Breakdown(0.9)
	for g, f := range b.GeoFits {
		t.Logf("geo %s R2 %.3f", w.data.Geos[g], f.InSample.R2)
		assert.Greater(t, f.InSample.R2, 0.8, "geo %s", w.data.Geos[g])
	}
	for c := range w.data.Channels {
		got, want := 0.0, 0.0
		for g := range w.data.Geos {
			got += stat.Sum(b.Geos[g].Media[c])
			want += stat.Sum(w.contrib[c][g])
		}
		assert.InDelta(t, 1, got/want, 0.1, "channel %d contribution %g, truth %g", c, got, want)
	}
}

func TestGeoPopulationByPeriodInvalid(t *testing.T) {
	w := geoSimWorldGen(5, geoSimOptions{geos: 3, n: 30, channels: 1, popGrowth: 0.5})
	d := w.data
	d.PopulationByPeriod = [][]float64{d.PopulationByPeriod[0], d.PopulationByPeriod[1]}
	_, err := NewGeoModel(d, w.spec)
	assert.ErrorContains(t, err, "population by period for 2 geos")
	d = w.data
	row := append([]float64(nil), d.PopulationByPeriod[1]...)
	row[4] = 0
	d.PopulationByPeriod = [][]float64{d.PopulationByPeriod[0], row, d.PopulationByPeriod[2]}
	_, err = NewGeoModel(d, w.spec)
	assert.ErrorContains(t, err, `geo "g1" has population 0 on`)
}
