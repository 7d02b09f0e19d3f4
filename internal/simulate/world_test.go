package simulate

import (
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// seeds returns the seeds the property tests run over.
func seeds(t *testing.T) []uint64 {
	n := 12
	if testing.Short() {
		n = 4
	}
	s := make([]uint64, n)
	for i := range s {
		s[i] = uint64(i + 1)
	}
	return s
}

func generate(t *testing.T, o Options) *World {
	t.Helper()
	w, err := Generate(o)
	require.NoError(t, err)
	return w
}

func TestGenerateDeterministic(t *testing.T) {
	a := generate(t, Options{Seed: 7})
	prev := runtime.GOMAXPROCS(1)
	b := generate(t, Options{Seed: 7})
	runtime.GOMAXPROCS(prev)
	assert.Equal(t, a, b)

	c := generate(t, Options{Seed: 8})
	assert.NotEqual(t, a.KPI, c.KPI)
	assert.NotEqual(t, a.Truth.Channels[0].ROI, c.Truth.Channels[0].ROI)
}

func TestGenerateStreamsIndependent(t *testing.T) {
	// The number of lift tests and campaigns must not change the panel.
	a := generate(t, Options{Seed: 3, LiftTests: 3, Campaigns: 2})
	b := generate(t, Options{Seed: 3, LiftTests: 5, Campaigns: 4})
	assert.Equal(t, a.KPI, b.KPI)
	assert.Equal(t, a.Channels, b.Channels)
	assert.Len(t, a.LiftTests, 3)
	assert.Len(t, b.LiftTests, 5)
}

func TestOptions(t *testing.T) {
	w := generate(t, Options{Seed: 1})
	require.Len(t, w.Dates, 156)
	assert.Equal(t, "2022-01-03", w.Dates[0].String())
	assert.Equal(t, time.Monday, w.Dates[0].Weekday())
	for t2 := 1; t2 < len(w.Dates); t2++ {
		require.Equal(t, 7, int(w.Dates[t2]-w.Dates[t2-1]))
	}
	for _, bad := range []Options{{Weeks: 10}, {NoiseSD: -1}, {MediaShare: 0.95}, {LiftTests: 7}, {Campaigns: 5}} {
		_, err := Generate(bad)
		assert.Error(t, err, "%+v", bad)
	}
	w = generate(t, Options{Seed: 2, Weeks: 60, NoiseSD: 0.05, MediaShare: 0.2, LiftTests: 2, Campaigns: 3})
	assert.Len(t, w.KPI, 60)
	assert.Equal(t, 0.05, w.Truth.NoiseRelative)
	assert.InDelta(t, 0.2, w.Truth.Media/(floats.Sum(w.KPI)-floats.Sum(w.Truth.Series.Noise)), 1e-9)
	assert.Len(t, w.LiftTests, 2)
}

func TestDecompositionIdentity(t *testing.T) {
	for _, seed := range seeds(t) {
		w := generate(t, Options{Seed: seed})
		s := w.Truth.Series
		var noiseless float64
		for t2 := range w.KPI {
			media := 0.0
			for _, c := range s.Contributions {
				media += c.Values[t2]
			}
			rest := w.KPI[t2] - s.Baseline[t2] - s.Noise[t2]
			for _, c := range s.Controls {
				rest -= c.Values[t2]
			}
			require.InDelta(t, media, rest, 1e-6*w.KPI[t2], "seed %d week %d", seed, t2)
			noiseless += w.KPI[t2] - s.Noise[t2]
		}
		assert.InDelta(t, w.Truth.MediaShare, w.Truth.Media/noiseless, 1e-12)
		assert.InDelta(t, w.Truth.KPITotal, floats.Sum(w.KPI), 1e-6)
		// The noise is Normal with the recorded SD (rounding aside).
		sd := stat.StdDev(s.Noise, nil)
		assert.InDelta(t, 1, sd/w.Truth.NoiseSD, 0.25, "seed %d", seed)
	}
}

func TestChannelTruth(t *testing.T) {
	for _, seed := range seeds(t) {
		w := generate(t, Options{Seed: seed})
		share := w.Truth.MediaShare
		assert.True(t, share >= 0.15 && share <= 0.35, "seed %d media share %g", seed, share)
		assert.True(t, w.Truth.NoiseRelative >= 0.03 && w.Truth.NoiseRelative <= 0.06)
		require.Len(t, w.Channels, 6)
		for c, ch := range w.Channels {
			s := w.Truth.Channels[c]
			r := ch.Response
			// The contribution recomputed by the independent oracle.
			want := oracleWeekly(r, ch.Spend)
			for t2 := range want {
				require.InDelta(t, want[t2], ch.Contribution[t2], 1e-9*math.Abs(want[t2])+1e-9, "seed %d %s week %d", seed, ch.Name, t2)
			}
			assert.InDelta(t, s.Contribution, s.ROI*s.Spend, 1e-9*s.Contribution)
			assert.Equal(t, s.Contribution, w.TrueContribution(c, ch.Spend))
			assert.InDelta(t, s.Contribution, w.TrueContributionAt(c, s.Spend), 1e-9*s.Contribution)

			// Parameter ranges of the brief.
			assert.True(t, s.ROI >= 0.5 && s.ROI <= 5, "%s ROI %g", ch.Name, s.ROI)
			a := r.Adstock
			assert.True(t, a.Alpha >= 0.1 && a.Alpha <= 0.7, "%s alpha %g", ch.Name, a.Alpha)
			assert.Equal(t, 8, a.MaxLag)
			if a.Kind == "delayed" {
				assert.True(t, a.Theta >= 1 && a.Theta <= 3)
			}
			assert.True(t, r.Saturation.K >= 0.5 && r.Saturation.K <= 1.5)
			assert.True(t, r.Saturation.Slope >= 0.8 && r.Saturation.Slope <= 2.5)
			assert.InDelta(t, meanPositive(ch.Spend), r.Scale, 1e-9)
			weekly := s.Spend / float64(len(ch.Spend))
			assert.True(t, weekly > 5e3 && weekly < 200e3, "%s weekly spend %g", ch.Name, weekly)
			for _, v := range ch.Spend {
				require.True(t, v >= 0 && v == math.Round(v))
			}

			// Marginal ROI is the +1% difference quotient; check it against the
			// derivative of the response curve at current spend.
			d := fd.Derivative(func(x float64) float64 { return w.TrueContributionAt(c, x) }, s.Spend,
				&fd.Settings{Formula: fd.Central, Step: 1e-4 * s.Spend})
			assert.InDelta(t, d, s.MROI, 0.03*d, "seed %d %s mroi", seed, ch.Name)
		}
	}
}

func TestSpendPatterns(t *testing.T) {
	for _, seed := range seeds(t) {
		w := generate(t, Options{Seed: seed})
		tv, search := w.Channels[w.Channel("tv")], w.Channels[w.Channel("search")]
		// TV is flighted: silent weeks and bursts.
		var off int
		for _, v := range tv.Spend {
			if v == 0 {
				off++
			}
		}
		assert.True(t, off > 20 && off < 130, "seed %d: tv off %d weeks", seed, off)
		// Search is always on and follows baseline demand.
		assert.True(t, allPositive(search.Spend))
		r := stat.Correlation(search.Spend, w.Truth.Series.Baseline, nil)
		assert.Greater(t, r, 0.3, "seed %d: corr(search spend, baseline)", seed)
		assert.Equal(t, -1, w.Channel("radio"))
	}
}

func TestControls(t *testing.T) {
	w := generate(t, Options{Seed: 5})
	require.Equal(t, []string{"price", "promo"}, w.ControlNames)
	price, promo := w.Controls[0], w.Controls[1]
	var promos float64
	for t2 := range promo {
		require.True(t, promo[t2] == 0 || promo[t2] == 1)
		promos += promo[t2]
		require.Greater(t, price[t2], 0.0)
	}
	assert.True(t, promos > 3 && promos < 40, "promo weeks %g", promos)
	assert.Less(t, w.Truth.Controls[0].Coef, 0.0, "price effect is negative")
	assert.Greater(t, w.Truth.Controls[1].Coef, 0.0, "promo effect is positive")
	// Recompute the baseline from its parameters.
	b := w.Truth.Baseline
	for t2, d := range w.Dates {
		u := float64(t2) / float64(len(w.Dates)-1)
		f := 2 * math.Pi * d.DayOfYearFraction()
		want := b.Level * (1 + b.Trend*u + b.Curve*u*u + b.FourSin[0]*math.Sin(f) + b.FourCos[0]*math.Cos(f) +
			b.FourSin[1]*math.Sin(2*f) + b.FourCos[1]*math.Cos(2*f))
		require.InDelta(t, want, w.Truth.Series.Baseline[t2], 1e-9*want)
	}
	// Recompute the control effects from their coefficients.
	for t2 := range price {
		assert.InDelta(t, w.Truth.Controls[0].Coef*(price[t2]-w.Truth.Controls[0].Center), w.Truth.Series.Controls[0].Values[t2], 1e-6)
		assert.InDelta(t, w.Truth.Controls[1].Coef*promo[t2], w.Truth.Series.Controls[1].Values[t2], 1e-6)
	}
}

func BenchmarkGenerate(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Generate(Options{Seed: uint64(i + 1)}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestManyWorldsPlausible(t *testing.T) {
	n := 40
	if testing.Short() {
		n = 8
	}
	for _, weeks := range []int{52, 104, 156, 260} {
		for seed := uint64(100); seed < uint64(100+n); seed++ {
			w, err := Generate(Options{Seed: seed, Weeks: weeks})
			require.NoError(t, err, "seed %d weeks %d", seed, weeks)
			for t2, y := range w.KPI {
				require.Greater(t, y, 0.0, "seed %d week %d", seed, t2)
				require.Greater(t, w.Truth.Series.Baseline[t2], 0.0)
			}
			for _, c := range w.Truth.Channels {
				for _, v := range []float64{c.Spend, c.Contribution, c.ROI, c.MROI} {
					require.True(t, v > 0 && !math.IsInf(v, 0), "seed %d %s: %+v", seed, c.Name, c)
				}
			}
			require.True(t, len(w.LiftTests) >= 3 && len(w.LiftTests) <= 5)
			_, err = w.TruthJSON()
			require.NoError(t, err, "truth has no NaN or Inf")
		}
	}
}
