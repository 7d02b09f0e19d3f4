package mmm

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Controls may vary by geo or be national (the same series in every geo).
// Both are recovered at the posterior mode, the national one despite the
// shared weekly shocks that could absorb it: its one coefficient explains
// every period at once, where the shocks would need one deviation each.
func TestGeoControlsByGeoAndNational(t *testing.T) {
	w := geoSimWorldGen(8, geoSimOptions{geos: 12, n: 104, channels: 2, controls: 2, geoControl: true,
		fourier: 1, trend: true, shocks: true, noise: 0.03, eta: 0.1})
	m, err := NewGeoModel(w.data, w.spec)
	require.NoError(t, err)
	// ctrl1 is national: one series in every geo.
	require.Equal(t, w.data.Controls[1][0], w.data.Controls[1][5])
	require.NotEqual(t, w.data.Controls[0][0], w.data.Controls[0][5])
	x, _, err := m.findMode(context.Background(), m.NewTarget(), m.center())
	require.NoError(t, err)
	for j, name := range w.data.ControlNames {
		// The simulator adds 0.3 per capita per unit of each control.
		got := x[m.iCtrl+j] * m.yBar / m.ctrlSD[j]
		t.Logf("%s: effect per capita per unit %.3f, truth 0.3", name, got)
		assert.InDelta(t, 0.3, got, 0.03, name)
	}
	// Without the shocks the national control is recovered as well.
	s := w.spec
	s.Shocks = false
	m2, err := NewGeoModel(w.data, s)
	require.NoError(t, err)
	x2, _, err := m2.findMode(context.Background(), m2.NewTarget(), m2.center())
	require.NoError(t, err)
	assert.InDelta(t, 0.3, x2[m2.iCtrl+1]*m2.yBar/m2.ctrlSD[1], 0.03)
}
