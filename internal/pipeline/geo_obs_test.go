package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/mmm"
)

// A geo test becomes a lift term on exactly its treated geos: the moved
// share reproduces the test's spend from those geos' spend alone (not the
// national spend times a scope share), with scope 1; in roi_prior mode its
// prior is computed from the same geos' spend.
func TestGeoObservationTreatedGeos(t *testing.T) {
	w, err := simulate.Generate(simulate.Options{Seed: 4, Geos: 6, Weeks: 80})
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, w.WriteFiles(dir, "csv"))
	cfg, err := config.Load(filepath.Join(dir, "config.yaml"), map[string]string{"output.dir": t.TempDir(), "model.geo_model": "geo"})
	require.NoError(t, err)
	require.Equal(t, config.GeoModelGeo, cfg.GeoModel())
	in, err := Load(cfg)
	require.NoError(t, err)
	require.NotEmpty(t, in.Tests)
	gp := in.Panel.Geos
	for _, tt := range in.Tests {
		require.NotEmpty(t, tt.Geos)
		c, _ := in.calendar().Channel(tt.Channel)
		o, _, err := geoObservation(tt, in.Panel, in.paidChannels(), mmm.LiftObs{}, false)
		require.NoError(t, err, tt.ID)
		assert.Equal(t, 1.0, o.Scope)
		require.Len(t, o.Geos, len(tt.Geos))
		for i, g := range o.Geos {
			assert.Equal(t, tt.Geos[i], gp.Names[g])
		}
		moved := 0.0
		for i, r := range o.Moved {
			for _, g := range o.Geos {
				moved += r * gp.Spend[g][c][o.Start+i]
			}
		}
		assert.InDelta(t, tt.Spend, moved, 0.02*tt.Spend, "test %s: the moved share is of the treated geos' spend", tt.ID)
		assert.Less(t, tt.ScopeShare, 1.0, "the national view scales the test down")
	}

	cfg.Calibration.Mode = config.ROIPrior
	f := &fitted{mode: config.ROIPrior, data: modelData(in.Panel)}
	base, err := modelSpec(cfg, f.data)
	require.NoError(t, err)
	nat, err := mmm.NewModel(f.data, base)
	require.NoError(t, err)
	f.spec = nat.Spec()
	gs, err := f.calibratedGeoSpec(in, mmm.GeoSpec{Spec: base, Shocks: true})
	require.NoError(t, err)
	require.Len(t, f.priorNotes, len(in.Tests))
	for _, n := range f.priorNotes {
		assert.Greater(t, n.ROI, 0.0)
	}
	changed := 0
	for c := range gs.Channels {
		if gs.Channels[c].ROI != base.Channels[c].ROI {
			changed++
		}
	}
	assert.Positive(t, changed)
}
