//go:build long

package calibrate

import (
	"context"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/simulate"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/sampler"
)

// recoveryWorld is a simulated world in the shapes calibrate and mmm take.
type recoveryWorld struct {
	w     *simulate.World
	data  mmm.Data
	cal   Calendar
	tests []lift.Test
}

func newRecoveryWorld(t *testing.T, seed uint64) recoveryWorld {
	w, err := simulate.Generate(simulate.Options{Seed: seed})
	require.NoError(t, err)
	rw := recoveryWorld{w: w}
	rw.data = mmm.Data{Dates: w.Dates, StepDays: 7, KPI: w.KPI, ControlNames: w.ControlNames, Controls: w.Controls}
	rw.cal = Calendar{Calendar: civil.Calendar{Dates: w.Dates, StepDays: 7}}
	for _, ch := range w.Channels {
		rw.data.Channels = append(rw.data.Channels, ch.Name)
		rw.data.Spend = append(rw.data.Spend, ch.Spend)
	}
	rw.cal.Channels, rw.cal.Spend = rw.data.Channels, rw.data.Spend
	for _, st := range w.LiftTests {
		typ, err := lift.ParseType(st.Type)
		require.NoError(t, err)
		se := st.SE
		if se == 0 {
			se = (st.CIUpper - st.CILower) / (2 * zTwo(st.Confidence))
		}
		rw.tests = append(rw.tests, lift.Test{ID: st.ID, Channel: st.Channel, Start: st.Start, End: st.End,
			CooldownEnd: st.CooldownEnd, Spend: st.Spend, Incremental: st.Incremental, SE: se,
			ScopeShare: st.ScopeShare, Type: typ, Include: true})
	}
	return rw
}

func zTwo(c float64) float64 {
	switch c {
	case 0.9:
		return 1.6448536269514722
	case 0.95:
		return 1.959963984540054
	}
	panic(fmt.Sprintf("confidence %g", c))
}

func (rw recoveryWorld) fit(t *testing.T, spec mmm.Spec, seed uint64) *mmm.Posterior {
	m, err := mmm.NewModel(rw.data, spec)
	require.NoError(t, err)
	cfg := mmm.FitConfig{Sampler: sampler.Config{Chains: 4, Warmup: 500, Draws: 500, Seed: seed}}
	if os.Getenv("TRIAD_RECOVERY_METHOD") == "laplace" {
		cfg = mmm.FitConfig{Method: mmm.Laplace, Sampler: sampler.Config{Draws: 2000, Seed: seed}}
	}
	p, err := mmm.Fit(context.Background(), m, cfg)
	require.NoError(t, err)
	return p
}

// The fits compared: MMM alone, counterfactual, roi_prior with prior-mean
// adstock, roi_prior with the MMM-alone posterior-mean adstock.
const nVariants = 4

type recoveryStats struct {
	errTested, errUntested [nVariants]float64 // Σ relative |ROI error|
	nTested, nUntested     int
	covered                [nVariants]int
	pairs                  int
	mediaErr               [nVariants]float64
}

// TestCalibrationRecovery measures issue 4's targets on simulated worlds:
// the ROI error of tested and untested channels, 90% coverage and the total
// media error, for the MMM alone and calibrated in both modes.
// TRIAD_RECOVERY_SEEDS sets the number of seeds (default 10).
func TestCalibrationRecovery(t *testing.T) {
	seeds := 10
	if s, err := strconv.Atoi(os.Getenv("TRIAD_RECOVERY_SEEDS")); err == nil && s > 0 {
		seeds = s
	}
	var st recoveryStats
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		start := time.Now()
		rw := newRecoveryWorld(t, seed)
		base := mmm.DefaultSpec(rw.data)

		alone := rw.fit(t, base, seed)

		cf := base
		all, ok, warns := Observations(rw.tests, rw.cal)
		require.Empty(t, warns)
		cf.Lifts = Lifts(rw.tests, all, ok)
		calib := rw.fit(t, cf, seed)

		rp := base
		rp.Channels = append([]mmm.ChannelSpec(nil), base.Channels...)
		adstock := func(c int) []float64 {
			w := make([]float64, rp.Channels[c].MaxLag+1)
			mmm.Geometric{Alpha: 1.5 / 4.5}.Weights(w) // the default Beta(1.5, 3) prior's mean
			return w
		}
		priors, _, err := ROIPriors(rw.tests, rw.cal, adstock, PriorOptions{})
		require.NoError(t, err)
		for c, p := range priors {
			rp.Channels[c].ROI = p
		}
		prior := rw.fit(t, rp, seed)

		// roi_prior with the MMM-alone fit's posterior-mean lag weights.
		rq := base
		rq.Channels = append([]mmm.ChannelSpec(nil), base.Channels...)
		post := func(c int) []float64 {
			var w []float64
			for _, iv := range alone.AdstockWeights(c, 0.9) {
				w = append(w, iv.Mean)
			}
			return w
		}
		priors, _, err = ROIPriors(rw.tests, rw.cal, post, PriorOptions{})
		require.NoError(t, err)
		for c, p := range priors {
			rq.Channels[c].ROI = p
		}
		priorPost := rw.fit(t, rq, seed)

		tested := map[string]bool{}
		for _, tt := range rw.tests {
			tested[tt.Channel] = true
		}
		sums := [nVariants][]mmm.ChannelSummary{alone.ChannelSummary(0.9), calib.ChannelSummary(0.9), prior.ChannelSummary(0.9), priorPost.ChannelSummary(0.9)}
		line := fmt.Sprintf("seed %2d (%v) true→alone/cf/prior/post:", seed, time.Since(start).Round(time.Second))
		for c, truth := range rw.w.Truth.Channels {
			for k := range sums {
				roi := sums[k][c].ROI
				e := math.Abs(roi.Mean-truth.ROI) / truth.ROI
				if tested[truth.Name] {
					st.errTested[k] += e
				} else {
					st.errUntested[k] += e
				}
				if roi.Lo <= truth.ROI && truth.ROI <= roi.Hi {
					st.covered[k]++
				}
			}
			if tested[truth.Name] {
				st.nTested++
			} else {
				st.nUntested++
			}
			st.pairs++
			line += fmt.Sprintf(" %s%s %.2f→%.2f/%.2f/%.2f/%.2f", truth.Name, map[bool]string{true: "*"}[tested[truth.Name]],
				truth.ROI, sums[0][c].ROI.Mean, sums[1][c].ROI.Mean, sums[2][c].ROI.Mean, sums[3][c].ROI.Mean)
		}
		for k := range sums {
			media := 0.0
			for _, s := range sums[k] {
				media += s.Contribution.Mean
			}
			st.mediaErr[k] += math.Abs(media-rw.w.Truth.Media) / rw.w.Truth.Media
		}
		t.Log(line)
	}
	names := [nVariants]string{"MMM alone", "counterfactual", "roi_prior", "roi_prior/post"}
	for k, name := range names {
		t.Logf("%-14s tested ROI err %.3f  untested %.3f  coverage %.2f  media err %.3f", name,
			st.errTested[k]/float64(st.nTested), st.errUntested[k]/float64(st.nUntested),
			float64(st.covered[k])/float64(st.pairs), st.mediaErr[k]/float64(seeds))
	}
	assert.Less(t, st.errTested[1], 0.6*st.errTested[0], "counterfactual: tested channels' ROI error under 60% of the MMM alone")
	assert.LessOrEqual(t, st.mediaErr[1], st.mediaErr[0], "counterfactual: total media no further from the truth")
	cov := float64(st.covered[1]) / float64(st.pairs)
	assert.True(t, cov >= 0.8 && cov <= 0.97, "counterfactual coverage %.2f", cov)
}
