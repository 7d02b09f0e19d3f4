package simulate

import (
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/triad-mmm/triad/internal/tabular"
)

func geoWorld(t *testing.T, seed uint64, geos int) *World {
	t.Helper()
	return generate(t, Options{Seed: seed, Geos: geos})
}

func TestGeoOptions(t *testing.T) {
	for _, n := range []int{-1, 1, MaxGeos + 1} {
		_, err := Generate(Options{Seed: 1, Geos: n})
		assert.Error(t, err, "%d geos", n)
	}
	a, b := geoWorld(t, 5, 12), geoWorld(t, 5, 12)
	assert.Equal(t, a, b)
	assert.Nil(t, generate(t, Options{Seed: 5}).Geos)
}

// TestGeoResponseOracle recomputes every geo's contribution from the
// national per-capita response by the textbook formulas: per capita, the
// geo's effect times β_c·Hill(adstock(x/pop)/s_c).
func TestGeoResponseOracle(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		w := geoWorld(t, seed, 20)
		for c, ch := range w.Channels {
			national := make([]float64, len(w.Dates))
			var spend float64
			for _, geo := range w.Geos {
				capita := make([]float64, len(w.Dates))
				for t2, v := range geo.Spend[c] {
					capita[t2] = v / geo.Population
				}
				want := oracleWeekly(ch.Response, capita)
				for t2 := range want {
					want[t2] *= geo.Population * geo.Effect[c]
					require.InDelta(t, want[t2], geo.Contribution[c][t2], 1e-9*math.Abs(want[t2])+1e-9)
					national[t2] += geo.Contribution[c][t2]
				}
				spend += floats.Sum(geo.Spend[c])
			}
			assert.InDeltaSlice(t, national, ch.Contribution, 1e-6)
			s := w.Truth.Channels[c]
			assert.InDelta(t, s.ROI, floats.Sum(national)/spend, 1e-9*s.ROI)
			assert.InDelta(t, s.Contribution, w.TrueContribution(c, ch.Spend), 1e-9*s.Contribution)
			assert.True(t, *s.GeoEta >= 0.15 && *s.GeoEta <= 0.35)
		}
	}
}

func TestGeoDecomposition(t *testing.T) {
	w := geoWorld(t, 4, 30)
	T := len(w.Dates)
	pops := make([]float64, len(w.Geos))
	var sumKPI float64
	for g, geo := range w.Geos {
		pops[g] = geo.Population
		sumKPI += floats.Sum(geo.KPI)
		require.Len(t, geo.KPI, T)
	}
	// National KPI is the sum of the geos'; media is the drawn share.
	assert.InDelta(t, sumKPI, floats.Sum(w.KPI), 1e-3)
	s := w.Truth.Series
	var noiseless float64
	for t2 := range w.KPI {
		noiseless += w.KPI[t2] - s.Noise[t2]
	}
	assert.InDelta(t, w.Truth.MediaShare, w.Truth.Media/noiseless, 1e-9)
	assert.InDelta(t, 1, stat.StdDev(s.Noise, nil)/w.Truth.NoiseSD, 0.3)
	// Unbalanced: a few big geos, a long tail of small ones, and small geos
	// noisier per capita.
	slices.Sort(pops)
	assert.Greater(t, pops[len(pops)-1]/pops[len(pops)/2], 5.0)
	big, small := w.Geos[0], w.Geos[0]
	for _, geo := range w.Geos {
		if geo.Population > big.Population {
			big = geo
		}
		if geo.Population < small.Population {
			small = geo
		}
	}
	assert.Greater(t, small.NoiseRel, 3*big.NoiseRel)
	// Names say nothing about size.
	assert.NotEqual(t, "geo_01", big.Name)
}

func TestGeoFlighting(t *testing.T) {
	w := geoWorld(t, 2, 10)
	tv := w.Channel("tv")
	// Every geo has its own TV flights: no two geos' schedules coincide.
	var maxCorr float64
	for a := range w.Geos {
		for b := a + 1; b < len(w.Geos); b++ {
			maxCorr = math.Max(maxCorr, stat.Correlation(w.Geos[a].Spend[tv], w.Geos[b].Spend[tv], nil))
		}
	}
	assert.Less(t, maxCorr, 0.9)
	// Per-geo ROIs differ around the national one.
	roi := make([]float64, len(w.Geos))
	for g, gs := range w.Truth.Geos {
		roi[g] = *gs.Channels[tv].ROI
	}
	assert.Greater(t, stat.StdDev(roi, nil), 0.05*w.Truth.Channels[tv].ROI)
}

func TestGeoLiftTests(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 4} {
		w := geoWorld(t, seed, 40)
		require.Len(t, w.LiftTests, 4)
		for k, l := range w.LiftTests {
			tt := w.Truth.Tests[k]
			assert.Equal(t, l.Geos, tt.Geos)
			assert.True(t, slices.IsSorted(l.Geos))
			assert.True(t, len(l.Geos) >= 6 && len(l.Geos) <= 10, "%d geos", len(l.Geos))
			assert.Zero(t, l.ScopeShare)
			// The record's lift, recomputed geo by geo by the oracle.
			c := w.Channel(l.Channel)
			i, j, m := tt.StartWeek, tt.EndWeek, tt.MeasureEndWeek
			var want, window float64
			for _, name := range l.Geos {
				geo := w.Geos[w.GeoIndex(name)]
				moved := append([]float64(nil), geo.Spend[c]...)
				for t2 := i; t2 <= j; t2++ {
					window += moved[t2]
					moved[t2] = 0
				}
				a, b := oracleWeekly(geo.Response[c], geo.Spend[c]), oracleWeekly(geo.Response[c], moved)
				for t2 := i; t2 <= m; t2++ {
					want += a[t2] - b[t2]
				}
			}
			assert.InDelta(t, window, l.Spend, 0.01)
			assert.InDelta(t, want, tt.Lift, 1e-9*want)
			got, err := w.TrueLift(l)
			require.NoError(t, err)
			assert.InDelta(t, want, got, 1e-6*want)
			assert.InDelta(t, tt.Scope, l.Spend/floats.Sum(w.Channels[c].Spend[i:j+1]), 1e-12)
		}
	}
	w := geoWorld(t, 1, 40)
	bad := w.LiftTests[0]
	bad.Geos = []string{"atlantis"}
	_, err := w.TrueLift(bad)
	assert.ErrorContains(t, err, "atlantis")
}

func TestGeoMTA(t *testing.T) {
	w := geoWorld(t, 3, 8)
	// MTA spend of a geo-week is the panel's spend, to the cent.
	type key struct {
		geo, platform string
		week          int
	}
	spend := map[key]float64{}
	for _, r := range w.MTA {
		require.NotEmpty(t, r.Geo)
		wk, _ := w.week(r.Date)
		spend[key{r.Geo, r.Channel, wk}] += r.Spend
	}
	for _, geo := range w.Geos {
		for c, ch := range w.Channels {
			if ch.Offline {
				continue
			}
			for t2, v := range geo.Spend[c] {
				require.InDelta(t, v, spend[key{geo.Name, ch.Platform, t2}], 1e-6)
			}
		}
	}
	// Factors differ by geo; the national factor hits its target range.
	for c, s := range w.Truth.Channels {
		if s.IncrementalityFactor == nil {
			continue
		}
		f := *s.IncrementalityFactor
		assert.True(t, f > 0.25 && f < 0.95, "%s IF %g", s.Name, f)
		var fs []float64
		for _, g := range w.Truth.Geos {
			fs = append(fs, *g.Channels[c].IncrementalityFactor)
		}
		assert.Greater(t, stat.StdDev(fs, nil), 0.02, s.Name)
	}
}

func TestGeoFiles(t *testing.T) {
	w := geoWorld(t, 1, 6)
	dir := t.TempDir()
	require.NoError(t, w.WriteFiles(dir, "csv"))
	p, err := tabular.Read(filepath.Join(dir, "panel.csv"), []tabular.Column{
		{Name: "date", Kind: tabular.Date}, {Name: "geo", Kind: tabular.String},
		{Name: "population", Kind: tabular.Float}, {Name: "revenue", Kind: tabular.Float}})
	require.NoError(t, err)
	assert.Equal(t, 6*len(w.Dates), p.Len())
	l, err := tabular.Read(filepath.Join(dir, "lift_tests.csv"), []tabular.Column{
		{Name: "geos", Kind: tabular.String}, {Name: "scope_share", Kind: tabular.Float, Optional: true}})
	require.NoError(t, err)
	for i, g := range l.Strings("geos") {
		assert.Equal(t, strings.Join(w.LiftTests[i].Geos, ";"), g)
	}
	cfg := w.ConfigYAML("csv")
	for _, want := range []string{"  geo: geo\n", "population: population\n", "geo_model: sum\n", "  channel: channel\n  geo: geo\n"} {
		assert.Contains(t, cfg, want)
	}
	assert.NotContains(t, cfg, "campaign:")
}
