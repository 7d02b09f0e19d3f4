//go:build long

package mmm

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/triad-mmm/triad/sampler"
)

// TestGeoCalibrationUntestedLong asks whether geo tests move the channels
// they do not test, on worlds where the model is the truth's: per seed, the
// posterior mode without and with the tests (two channels tested of four),
// and the paired change of the untested channels' |ROI error| over seeds.
// It also counts how often the Laplace 90% ROI intervals hold the truth.
func TestGeoCalibrationUntestedLong(t *testing.T) {
	var dU, dT []float64
	covered, pairs := 0, 0
	for seed := uint64(1); seed <= 16; seed++ {
		w := geoSimWorldGen(seed, geoSimOptions{geos: 12, n: 104, channels: 4, fourier: 2, trend: true, shocks: true,
			noise: 0.06, eta: 0.2, lifts: 2})
		errs := [2][]float64{}
		for k, lifts := range [][]GeoLiftObs{nil, w.spec.Lifts} {
			s := w.spec
			s.Lifts = lifts
			m, err := NewGeoModel(w.data, s)
			require.NoError(t, err)
			mode, _, err := m.findMode(context.Background(), m.NewTarget(), m.center())
			require.NoError(t, err)
			p, err := newGeoPosterior(m, &sampler.Result{Method: "map", Dim: m.dim, Chains: []sampler.Chain{{Draws: [][]float64{mode}}}}, 0)
			require.NoError(t, err)
			for c, cs := range p.ChannelSummary(0.9) {
				errs[k] = append(errs[k], math.Abs(cs.ROI.Mean-w.roi[c]))
			}
			lp, err := GeoFit(context.Background(), m, FitConfig{Method: Laplace, Sampler: sampler.Config{Draws: 400, Seed: seed}})
			require.NoError(t, err)
			for c, cs := range lp.ChannelSummary(0.9) {
				pairs++
				if cs.ROI.Lo <= w.roi[c] && w.roi[c] <= cs.ROI.Hi {
					covered++
				}
			}
		}
		tested := map[int]bool{}
		for _, l := range w.spec.Lifts {
			tested[l.Channel] = true
		}
		for c := range errs[0] {
			d := errs[1][c] - errs[0][c]
			if tested[c] {
				dT = append(dT, d)
			} else {
				dU = append(dU, d)
			}
			t.Logf("seed %d ch%d tested %v: |ROI error| %.3f → %.3f", seed, c, tested[c], errs[0][c], errs[1][c])
		}
	}
	mu, se := meanSE(dU)
	mt, st := meanSE(dT)
	t.Logf("untested: mean change of |ROI error| %+.4f ± %.4f over %d; tested %+.4f ± %.4f over %d", mu, se, len(dU), mt, st, len(dT))
	t.Logf("Laplace 90%% ROI intervals cover %d/%d = %.2f (alone and calibrated fits)", covered, pairs, float64(covered)/float64(pairs))
	require.Less(t, mt, 0.0, "the tests help the tested channels")
	require.Less(t, mu, 2*se, "calibration makes the untested channels systematically worse")
}

func meanSE(x []float64) (float64, float64) {
	n := float64(len(x))
	m := 0.0
	for _, v := range x {
		m += v / n
	}
	v := 0.0
	for _, y := range x {
		v += (y - m) * (y - m)
	}
	return m, math.Sqrt(v / (n - 1) / n)
}
