package mmm

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The summaries that share the memo's history return, bit for bit, what
// evaluating every draw afresh gives (Model.beta, Posterior.media on the
// series in question), on a window with carry-in and on a reach and
// frequency channel, with a holdout and lift tests of both directions; and
// what they return is the caller's to change.
func TestMemoMatchesFreshEvaluation(t *testing.T) {
	o := simOptions{n: 70, channels: 3, delayed: true, logistic: true, holdout: 6}
	w := simWorldGen(9, o)
	m, err := NewModel(windowWorld(w, 12), w.spec)
	require.NoError(t, err)
	require.NotNil(t, m.ch[1].pre, "the window carries spend in")
	require.Less(t, m.nFit, m.n, "a holdout")
	checkMemo(t, m, 1)
	rw, _ := rfWorld(10, o)
	m, err = NewModel(rw.data, rw.spec)
	require.NoError(t, err)
	require.True(t, m.ReachFrequency(0))
	checkMemo(t, m, 0)
}

// checkMemo checks a posterior of random draws of m; its lift tests are
// on channel lift.
func checkMemo(t *testing.T, m *Model, lift int) {
	p := fixedPosterior(t, m, randomDraws(m, 3*drawChunk+5, 4))
	for c := range m.ch {
		pc := &p.ch[c]
		for d := range p.Draws() {
			require.Equal(t, m.beta(c, pc.roi[d], pc.w[d], pc.sat[d]), pc.beta[d], "channel %d draw %d", c, d)
		}
	}
	fresh := func(c, d int, xs []float64) ([]float64, float64) {
		dst := make([]float64, len(xs))
		return dst, p.media(&evaluator{}, dst, c, d, xs)
	}
	for c := range m.ch {
		per := p.PeriodContributions(c)
		dr := p.ChannelDraws(c)
		up := make([]float64, m.n)
		for t, v := range m.drive(c) {
			up[t] = 1.01 * v
		}
		up = p.scaled(c, up)
		total := 0.0
		for _, v := range m.data.Spend[c] {
			total += v
		}
		for d := range p.Draws() {
			row, sum := fresh(c, d, m.ch[c].x)
			require.Equal(t, row, per[d], "channel %d draw %d", c, d)
			require.Equal(t, sum, dr.Contribution[d])
			_, upSum := fresh(c, d, up)
			require.Equal(t, (upSum-sum)/(0.01*total), dr.MROI[d])
		}
		per[0][0], dr.ROI[0] = -1, -1
		assert.NotEqual(t, -1.0, p.PeriodContributions(c)[0][0], "a copy")
		assert.NotEqual(t, -1.0, p.ChannelDraws(c).ROI[0], "a copy")
	}
	for _, heavy := range []bool{false, true} {
		// From period 1, within the carried-in periods, to before the end.
		obs := LiftObs{Channel: lift, Start: 1, Moved: []float64{1, 0.5, 1}, Measure: []float64{1, 1, 1, 1, 0.5},
			HeavyUp: heavy, Scope: 0.3, Measured: 100, SD: 50}
		lt, err := m.newLiftTerm(0, obs)
		require.NoError(t, err)
		end := obs.Start + len(obs.Measure)
		xs := m.ch[lift].x[:end]
		mod := make([]float64, end)
		for t := range mod {
			mod[t] = lt.xmod(xs, t)
		}
		got := p.LiftDraws(obs)
		for d := range p.Draws() {
			sh, _ := fresh(lift, d, xs)
			sl, _ := fresh(lift, d, mod)
			if heavy {
				sh, sl = sl, sh
			}
			v := 0.0
			for i, wt := range obs.Measure {
				v += wt * (sh[obs.Start+i] - sl[obs.Start+i])
			}
			require.Equal(t, obs.Scope*v, got[d], "heavy-up %v draw %d", heavy, d)
		}
	}
	dec := p.Decomposition(0.9)
	dec.Media[0][0], dec.Baseline[0] = -1, -1
	again := p.Decomposition(0.9)
	assert.NotEqual(t, -1.0, again.Media[0][0])
	assert.NotEqual(t, -1.0, again.Baseline[0])
	assert.Same(t, p.SpendResponse(), p.SpendResponse(), "one response, prepared once")
}
