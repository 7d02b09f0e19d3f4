package mmm

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/sampler"
)

// rfTruth is the R&F channel of rfWorld, its frequency curve on the
// panel's frequency units.
type rfTruth struct {
	roi, alpha, k, slope float64   // k in raw frequency
	contrib              float64   // over the fitted periods
	series               []float64 // contribution per period
	optimal              float64   // the frequency that maximises S(f)/f
}

// rfWorld replaces channel 0 of a simulated world by a reach and
// frequency channel: reach and frequency vary independently, spend is a
// fixed cost per impression, and the KPI is rebuilt with the R&F effect
// computed directly (powers and a double loop, not the model's code).
func rfWorld(seed uint64, o simOptions) (simWorld, rfTruth) {
	w := simWorldGen(seed, o)
	d := &w.data
	n, nFit := len(d.KPI), len(d.KPI)-o.holdout
	rng := rand.New(rand.NewPCG(seed, 17))
	// The old channel 0's effect, removed from the KPI.
	c0 := w.truth[0]
	xs0, _, spend0 := scaledSeries(d.Spend[0], nFit)
	old := simSat(c0, xs0)
	oldSum := 0.0
	for _, v := range old[:nFit] {
		oldSum += v
	}
	beta0 := c0.roi * spend0 / oldSum
	tr := rfTruth{roi: 1.8, alpha: 0.5, k: 3, slope: 2.2}
	tr.optimal = tr.k * math.Pow(tr.slope-1, 1/tr.slope)
	reach, freq, spend := make([]float64, n), make([]float64, n), make([]float64, n)
	for t := range n {
		reach[t] = 6e5 * (0.4 + 1.2*rng.Float64())
		freq[t] = 1 + 6*rng.Float64()
		if t%9 == 4 {
			reach[t], freq[t] = 0, 0 // dark weeks
		}
		spend[t] = 0.004 * reach[t] * freq[t]
	}
	_, _, spendFit := scaledSeries(spend, nFit)
	rs, _, _ := scaledSeries(reach, nFit)
	h := make([]float64, n)
	for t := range h {
		if freq[t] > 0 {
			h[t] = rs[t] * math.Pow(freq[t], tr.slope) / (math.Pow(freq[t], tr.slope) + math.Pow(tr.k, tr.slope))
		}
	}
	eff := make([]float64, n)
	wsum := 0.0
	for l := 0; l <= 8; l++ {
		wsum += math.Pow(tr.alpha, float64(l))
	}
	for t := range eff {
		for l := 0; l <= 8 && l <= t; l++ {
			eff[t] += math.Pow(tr.alpha, float64(l)) / wsum * h[t-l]
		}
	}
	effSum := 0.0
	for _, v := range eff[:nFit] {
		effSum += v
	}
	beta := tr.roi * spendFit / effSum
	for t := range d.KPI {
		d.KPI[t] += beta*eff[t] - beta0*old[t]
	}
	tr.contrib = tr.roi * spendFit
	tr.series = make([]float64, n)
	for t, v := range eff {
		tr.series[t] = beta * v
	}
	d.Spend = append([][]float64(nil), d.Spend...)
	d.Spend[0] = spend
	d.Units = make([][]float64, len(d.Channels))
	d.Units[0] = reach
	d.Frequency = [][]float64{freq}
	fScale, nz := 0.0, 0
	for t := range nFit {
		if reach[t] > 0 {
			fScale += freq[t]
			nz++
		}
	}
	fScale /= float64(nz)
	w.spec.Channels[0] = ChannelSpec{Adstock: GeometricAdstock{}, MaxLag: 8, Saturation: HillSaturation{}}
	w.params.Channels[0] = ChannelParams{ROI: tr.roi, Adstock: []float64{tr.alpha}, Saturation: []float64{tr.k / fScale, tr.slope}}
	return w, tr
}

// scaledSeries returns x over its mean over the first nFit periods with
// x > 0, that scale and the total over those periods.
func scaledSeries(x []float64, nFit int) ([]float64, float64, float64) {
	tot, nz := 0.0, 0
	for _, v := range x[:nFit] {
		if v > 0 {
			tot += v
			nz++
		}
	}
	scale := tot / float64(nz)
	out := make([]float64, len(x))
	for t, v := range x {
		out[t] = v / scale
	}
	return out, scale, tot
}

func TestReachFrequencyGradient(t *testing.T) {
	for i, o := range []simOptions{
		{n: 60, channels: 3, trend: true, fourier: 1, controls: 1},
		{n: 80, channels: 3, delayed: true, logistic: true, holdout: 5},
	} {
		o.noise = 0.05
		w, _ := rfWorld(uint64(i+31), o)
		if i == 1 {
			w.spec.Channels[0].Adstock = DelayedAdstock{}
			w.spec.Channels[0].Saturation = LogisticSaturation{}
			w.params.Channels[0].Adstock = []float64{0.5, 1.5}
			w.params.Channels[0].Saturation = []float64{1.2}
		}
		m, err := NewModel(w.data, w.spec)
		require.NoError(t, err)
		assert.True(t, m.ReachFrequency(0))
		assert.False(t, m.ReachFrequency(1))
		checkGradientAround(t, m, w.params, uint64(i))
	}
}

// At the true parameters the model's contribution is the simulator's, its
// response is linear in spend (more reach at the same frequency), and the
// optimal frequency is the Hill curve's closed form.
func TestReachFrequencyAtTruth(t *testing.T) {
	w, tr := rfWorld(41, simOptions{n: 104, channels: 3, trend: true, noise: 0.03})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	x, err := m.Unconstrain(w.params)
	require.NoError(t, err)
	p := fixedPosterior(t, m, [][]float64{x, x})
	s := p.ChannelSummary(0.9)
	assert.InDelta(t, tr.contrib, s[0].Contribution.Mean, 1e-6*tr.contrib)
	per := p.PeriodContributions(0)[0]
	require.Len(t, per, len(tr.series))
	for i, v := range tr.series {
		assert.InDelta(t, v, per[i], 1e-6*tr.contrib/float64(len(per)), "period %d", i)
	}
	assert.InDelta(t, tr.roi, s[0].MROI.Mean, 1e-6, "marginal ROI equals ROI: the effect is linear in reach")
	r := p.SpendResponse()
	c1, c2 := make([]float64, 2), make([]float64, 2)
	r.Contribution(c1, 0, r.Current(0))
	r.Contribution(c2, 0, 2*r.Current(0))
	assert.InDelta(t, tr.contrib, c1[0], 1e-6*tr.contrib)
	assert.InDelta(t, 2*c1[0], c2[0], 1e-6*c1[0])

	of, ok := p.OptimalFrequency(0, 0.9)
	require.True(t, ok)
	assert.InDelta(t, tr.optimal, of.Frequency.Mean, frequencyStep/2+1e-9, "closed form K·(s−1)^(1/s)")
	// The ROI at the optimum is at least the ROI at the observed mix, and
	// at a constant frequency f equal to β·S(f)/f·ΣAdstock(impressions)/spend
	// computed directly.
	assert.GreaterOrEqual(t, of.ROI.Mean, tr.roi)
	f := of.Frequency.Mean
	sf := math.Pow(f, tr.slope) / (math.Pow(f, tr.slope) + math.Pow(tr.k, tr.slope))
	reach, freq, spend := w.data.Units[0], w.data.Frequency[0], w.data.Spend[0]
	rs, _, _ := scaledSeries(reach, len(reach))
	_, _, sp := scaledSeries(spend, len(spend))
	wts := make([]float64, 9)
	wsum := 0.0
	for l := range wts {
		wts[l] = math.Pow(tr.alpha, float64(l))
		wsum += wts[l]
	}
	adImp := 0.0
	for t := range reach {
		for l := 0; l <= 8 && l <= t; l++ {
			adImp += wts[l] / wsum * rs[t-l] * freq[t-l]
		}
	}
	beta := m.Constrain(x).Channels[0].Beta
	assert.InDelta(t, beta*sf/f*adImp/sp, of.ROI.Mean, 1e-6*of.ROI.Mean)
	assert.InDelta(t, 4.0, math.Round(of.Current), 1, "observed mean frequency about 4")
}

func TestReachFrequencyRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a model")
	}
	w, tr := rfWorld(55, simOptions{n: 156, channels: 3, trend: true, fourier: 2, noise: 0.03})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	p, err := Fit(context.Background(), m, FitConfig{Sampler: sampler.Config{Chains: 2, Warmup: 300, Draws: 300, Seed: 5}})
	require.NoError(t, err)
	roi := p.ChannelSummary(0.9)[0].ROI
	for c, cs := range p.ChannelSummary(0.9)[1:] {
		t.Logf("%s ROI %.3f (%.3f–%.3f), truth %.3f", cs.Name, cs.ROI.Mean, cs.ROI.Lo, cs.ROI.Hi, w.truth[c+1].roi)
	}
	of, ok := p.OptimalFrequency(0, 0.9)
	require.True(t, ok)
	t.Logf("R&F ROI %.3f (%.3f–%.3f), truth %.3f; optimal frequency %.2f (%.2f–%.2f), truth %.2f; R-hat %.3f, divergences %d",
		roi.Mean, roi.Lo, roi.Hi, tr.roi, of.Frequency.Mean, of.Frequency.Lo, of.Frequency.Hi, tr.optimal,
		p.Diagnostics().RHatMax, p.Diagnostics().Divergences)
	assert.True(t, roi.Lo < tr.roi && tr.roi < roi.Hi)
	assert.True(t, of.Frequency.Lo <= tr.optimal && tr.optimal <= of.Frequency.Hi)
}

func TestReachFrequencyErrors(t *testing.T) {
	w, _ := rfWorld(61, simOptions{n: 60, channels: 2})
	d := w.data
	bad := func(mod func(d *Data), want string) {
		t.Helper()
		e := d
		e.Units = append([][]float64(nil), d.Units...)
		e.Frequency = [][]float64{append([]float64(nil), d.Frequency[0]...)}
		mod(&e)
		_, err := NewModel(e, w.spec)
		assert.ErrorContains(t, err, want)
	}
	bad(func(d *Data) { d.Units[0] = nil }, `channel "tv" has a frequency but no reach`)
	bad(func(d *Data) { d.Frequency[0][3] = -1 }, `channel "tv" frequency in period 4 (2022-01-24) is -1, want finite and >= 0`)
	bad(func(d *Data) { d.Frequency[0] = d.Frequency[0][:10] }, `channel "tv" has 10 frequency values for 60 periods`)
	bad(func(d *Data) { d.Carry, d.CarryFrequency = [][]float64{{1, 2}}, [][]float64{{1, -2}} }, `channel "tv" frequency 2 before the panel is -2`)
	bad(func(d *Data) {
		for t := range d.Frequency[0] {
			d.Frequency[0][t] = 0
		}
	}, `channel "tv" has no frequency in the fitted periods with reach`)
}

// Lift tests on an R&F channel (a holdout of part of its reach, a
// heavy-up, and a test combined with another channel): the gradient
// matches finite differences, and the likelihood's predicted lift is the
// posterior's (LiftDraws), which evaluates the modified reach through the
// channel's whole transform.
func TestReachFrequencyLifts(t *testing.T) {
	w, _ := rfWorld(71, simOptions{n: 80, channels: 3, trend: true, noise: 0.05, holdout: 6})
	lifts := []LiftObs{
		{Channel: 0, Start: 20, Moved: []float64{0.5, 0.5, 0.5}, Measure: []float64{1, 1, 1, 1, 1}, Scope: 0.3, Measured: 3000, SD: 900},
		{Channel: 0, Start: 40, Moved: []float64{0.4, 0.4}, Measure: []float64{1, 1, 1, 0.5}, HeavyUp: true, Scope: 0.2, Measured: 1500, SD: 700},
		{Channel: 0, Start: 70, Moved: []float64{1, 1}, Measure: []float64{1, 1, 1, 1}, Scope: 0.25, Measured: 4000, SD: 1500,
			Also: []LiftPart{{Channel: 1, Moved: []float64{1, 1}}}},
	}
	w.spec.Lifts = lifts
	w.spec.LiftTau = 300
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	checkGradientAround(t, m, w.params, 9)

	x, err := m.Unconstrain(w.params)
	require.NoError(t, err)
	for _, o := range lifts[:2] {
		assertLiftTop(t, w, x, o)
	}
}

// assertLiftTop checks that the log density at x, as a function of lift
// test o's measurement, peaks at the lift the posterior predicts at x: the
// likelihood and LiftDraws predict the same lift.
func assertLiftTop(t *testing.T, w simWorld, x []float64, o LiftObs) {
	t.Helper()
	lpAt := func(measured float64) float64 {
		s := w.spec
		q := o
		q.Measured = measured
		s.Lifts = []LiftObs{q}
		mm, err := NewModel(w.data, s)
		require.NoError(t, err)
		return mm.LogProbGrad(make([]float64, mm.Dim()), x)
	}
	s := w.spec
	s.Lifts = nil
	m, err := NewModel(w.data, s)
	require.NoError(t, err)
	pred := fixedPosterior(t, m, [][]float64{x}).LiftDraws(o)[0]
	// The log density is a parabola in Measured with its top there.
	lo, mid, hi := lpAt(pred-50), lpAt(pred), lpAt(pred+50)
	assert.InDelta(t, lo, hi, 1e-6*math.Abs(mid), "predicted %g", pred)
	assert.Greater(t, mid, lo)
}

// rfWindow cuts the first k periods of an R&F world off as carry: the
// model fits the rest while the cut periods' reach and frequency feed the
// adstock of the first ones. It returns the world and the true
// contribution per fitted period of the R&F channel.
func rfWindow(w simWorld, tr rfTruth, k int) (simWorld, []float64) {
	d := w.data
	cut := func(v [][]float64) [][]float64 {
		out := make([][]float64, len(v))
		for i, s := range v {
			if s != nil {
				out[i] = s[k:]
			}
		}
		return out
	}
	e := Data{Dates: d.Dates[k:], StepDays: d.StepDays, KPI: d.KPI[k:], Channels: d.Channels, Spend: cut(d.Spend),
		ControlNames: d.ControlNames, Controls: cut(d.Controls), Units: cut(d.Units), Frequency: cut(d.Frequency)}
	e.Carry = make([][]float64, len(d.Channels))
	for c := range d.Channels {
		e.Carry[c] = d.Spend[c][:k]
	}
	e.Carry[0] = d.Units[0][:k]
	e.CarryFrequency = [][]float64{d.Frequency[0][:k]}
	w.data = e
	// The R&F channel's parameters on the window's scales.
	nFit := len(e.KPI) - w.spec.Holdout
	contrib, spend, fs, nz := 0.0, 0.0, 0.0, 0
	for t := range nFit {
		contrib += tr.series[k+t]
		spend += e.Spend[0][t]
		if e.Units[0][t] > 0 {
			fs += e.Frequency[0][t]
			nz++
		}
	}
	w.params.Channels[0].ROI = contrib / spend
	w.params.Channels[0].Saturation = []float64{tr.k / (fs / float64(nz)), tr.slope}
	return w, tr.series[k:]
}

// With a fit window the R&F channel's carry (reach and frequency before
// the window) feeds the window's first periods: per-period contributions
// equal the simulator's over the whole series, and the gradient, with a
// lift test in the first weeks, matches finite differences.
func TestReachFrequencyCarry(t *testing.T) {
	w0, tr := rfWorld(81, simOptions{n: 90, channels: 3, trend: true, noise: 0.05})
	w, want := rfWindow(w0, tr, 10)
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	x, err := m.Unconstrain(w.params)
	require.NoError(t, err)
	per := fixedPosterior(t, m, [][]float64{x}).PeriodContributions(0)[0]
	for i := range want {
		assert.InDelta(t, want[i], per[i], 1e-9*math.Abs(want[0])+1e-6, "period %d", i)
	}
	w.spec.Lifts = []LiftObs{{Channel: 0, Start: 1, Moved: []float64{0.5, 0.5}, Measure: []float64{1, 1, 1, 1}, Scope: 0.3, Measured: 3000, SD: 900}}
	w.spec.LiftTau = 300
	m, err = NewModel(w.data, w.spec)
	require.NoError(t, err)
	checkGradientAround(t, m, w.params, 5)
	assertLiftTop(t, w, x, w.spec.Lifts[0])

	bad := w.data
	bad.CarryFrequency = nil
	_, err = NewModel(bad, w.spec)
	assert.ErrorContains(t, err, `channel "tv" has 10 periods of reach before the panel and not as many of frequency`)
}
