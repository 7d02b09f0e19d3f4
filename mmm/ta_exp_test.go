package mmm

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/sampler"
	"github.com/triad-mmm/triad/internal/simulate"
)

func TestTAExperiment(t *testing.T) {
	for _, ta := range []float64{0.8, 0.9} {
		for _, seed := range []uint64{3, 6, 10} {
			w, err := simulate.Generate(simulate.Options{Seed: seed})
			require.NoError(t, err)
			d, s := worldData(w)
			m, err := NewModel(d, s)
			require.NoError(t, err)
			c0 := cpuSeconds()
			p, err := Fit(context.Background(), m, FitConfig{Sampler: sampler.Config{Seed: seed, TargetAccept: ta}})
			require.NoError(t, err)
			nl := 0
			for _, ch := range p.Result().Chains {
				for _, v := range ch.NumLeapfrog {
					nl += v
				}
			}
			dg := p.Diagnostics()
			t.Logf("ta %.2f seed %d: div %d lf %.1f cpu %.1f", ta, seed, dg.Divergences, float64(nl)/float64(p.Draws()), cpuSeconds()-c0)
		}
	}
}
