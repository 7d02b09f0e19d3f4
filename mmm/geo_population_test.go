package mmm

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		return e / float64(len(m.ch))
	}
	byPeriod := errAt(w.data)
	mean := w.data
	mean.PopulationByPeriod = nil
	flat := errAt(mean)
	t.Logf("mean relative ROI error: by period %.3f, mean population %.3f", byPeriod, flat)
	assert.Less(t, byPeriod, 0.1)
	assert.Less(t, byPeriod, 0.5*flat)
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
