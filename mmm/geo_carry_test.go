package mmm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/sampler"
)

// geoWindow returns w's data cut to the periods from s0, the periods
// before becoming each geo's carry (the drive: units where there are).
func geoWindow(d GeoData, s0 int) GeoData {
	out := d
	out.Dates = d.Dates[s0:]
	cut := func(p [][][]float64) [][][]float64 {
		r := make([][][]float64, len(p))
		for c, geos := range p {
			if geos == nil {
				continue
			}
			r[c] = make([][]float64, len(geos))
			for g, s := range geos {
				r[c][g] = s[s0:]
			}
		}
		return r
	}
	out.KPI = make([][]float64, len(d.KPI))
	for g, s := range d.KPI {
		out.KPI[g] = s[s0:]
	}
	out.Spend, out.Units, out.Controls = cut(d.Spend), cut(d.Units), cut(d.Controls)
	out.Carry = make([][][]float64, len(d.Channels))
	for c := range d.Channels {
		out.Carry[c] = make([][]float64, len(d.Geos))
		for g := range d.Geos {
			out.Carry[c][g] = d.geoDrive(c, g)[:s0]
		}
	}
	return out
}

// shareShapes copies the adstock and saturation coordinates of every
// channel from x of model a to y of model b.
func shareShapes(a, b *GeoModel, x, y []float64) {
	for c := range a.ch {
		copy(b.ch[c].adU(y), a.ch[c].adU(x))
		copy(b.ch[c].satU(y), a.ch[c].satU(x))
	}
}

// TestGeoCarryMatchesFullSeries fits nothing: a model on the window with
// the rows before it as carry computes, at the same shapes, exactly the
// adstock and saturation of the full-series model in the window's
// periods, in the log density's forward pass, in the posterior's views
// and in a lift test's prediction.
func TestGeoCarryMatchesFullSeries(t *testing.T) {
	w := geoSimWorldGen(31, geoSimOptions{geos: 4, n: 60, channels: 2, organic: 1, delayed: true, noise: 0.05, eta: 0.2})
	const s0 = 20
	full, err := NewGeoModel(w.data, w.spec)
	require.NoError(t, err)
	win, err := NewGeoModel(geoWindow(w.data, s0), w.spec)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(3, 3))
	xf, xw := full.center(), win.center()
	for i := range xf {
		xf[i] += 0.2 * rng.NormFloat64()
	}
	shareShapes(full, win, xf, xw)
	require.True(t, full.forward(full.s, xf))
	require.True(t, win.forward(win.s, xw))
	nw := len(w.data.Dates) - s0
	for c := range full.ch {
		fc, wc := &full.ch[c], &win.ch[c]
		require.NotNil(t, wc.pre)
		for g := range full.G {
			for tt := range nw {
				// The drive is scaled per channel over the fitted periods:
				// compare in original per-capita units.
				af := full.s.ch[c].a[g*fc.need+s0+tt] * fc.scale
				aw := win.s.ch[c].a[g*wc.need+tt] * wc.scale
				require.InDelta(t, af, aw, 1e-12*math.Max(1, math.Abs(af)), "%s geo %d period %d adstock", fc.name, g, tt)
			}
		}
	}

	// The posterior's views: media over β is the saturation.
	post := func(m *GeoModel, x []float64) *GeoPosterior {
		p, err := newGeoPosterior(m, &sampler.Result{Dim: m.Dim(), Chains: []sampler.Chain{{Draws: [][]float64{x}, LogProb: []float64{0}}}}, 10)
		require.NoError(t, err)
		return p
	}
	// Saturation curves work on the scaled adstock, so the shapes only
	// agree when both models scale a channel alike: give the window model
	// the full model's scales for this check.
	for c := range win.ch {
		k := win.ch[c].scale / full.ch[c].scale
		win.ch[c].scale = full.ch[c].scale
		for g := range win.G {
			for tt := range win.ch[c].x[g] {
				win.ch[c].x[g][tt] *= k
			}
			for i := range win.ch[c].pre[g] {
				win.ch[c].pre[g][i] *= k
			}
		}
	}
	pf, pw := post(full, xf), post(win, xw)
	ev := &evaluator{}
	bf, bw := make([]float64, full.n), make([]float64, win.n)
	for c := range full.ch {
		for g := range full.G {
			pf.media(ev, bf, c, g, 0, full.ch[c].x[g])
			pw.media(ev, bw, c, g, 0, win.ch[c].x[g])
			for tt := range nw {
				sf, sw := bf[s0+tt]/pf.ch[c].beta[0][g], bw[tt]/pw.ch[c].beta[0][g]
				require.InDelta(t, sf, sw, 1e-12, "%s geo %d period %d saturation", full.ch[c].name, g, tt)
			}
		}
		// A one-geo holdout in the window's second week: its carryover
		// comes from before the window.
		obs := func(start int) GeoLiftObs {
			return GeoLiftObs{LiftObs: LiftObs{Channel: c, Start: start, Moved: []float64{1, 1}, Measure: []float64{1, 1, 1, 1},
				Scope: 1, Measured: 1, SD: 1, Contribution: full.Organic(c)}, Geos: []int{1}}
		}
		lf, lw := pf.GeoLiftDraws(obs(s0 + 1))[0]/pf.ch[c].beta[0][1], pw.GeoLiftDraws(obs(1))[0]/pw.ch[c].beta[0][1]
		require.InDelta(t, lf, lw, 1e-12*math.Max(1, math.Abs(lf)), "%s lift", full.ch[c].name)
	}

	// Without the carry the window's first periods lose their carryover.
	nc := geoWindow(w.data, s0)
	nc.Carry = nil
	bare, err := NewGeoModel(nc, w.spec)
	require.NoError(t, err)
	xb := bare.center()
	shareShapes(full, bare, xf, xb)
	require.True(t, bare.forward(bare.s, xb))
	assert.Less(t, bare.s.ch[0].a[0]*bare.ch[0].scale, full.s.ch[0].a[s0]*full.ch[0].scale-1e-9)
}

func TestGeoCarryGradient(t *testing.T) {
	cases := []geoSimOptions{
		{geos: 3, n: 50, channels: 2, organic: 1, lifts: 3, shocks: true, eta: 0.3},
		{geos: 4, n: 50, channels: 3, delayed: true, logistic: true, lifts: 3, holdout: 5, trend: true},
	}
	for i, o := range cases {
		o.noise = 0.05
		t.Run(fmt.Sprintf("case%d", i), func(t *testing.T) {
			w := geoSimWorldGen(uint64(i+41), o)
			const s0 = 12
			d := geoWindow(w.data, s0)
			w.spec.LiftTau = 3000
			// The world's tests, moved into the window (some at its start,
			// where the carry matters).
			var lifts []GeoLiftObs
			for k, l := range w.spec.Lifts {
				l.Start = k % 3
				lifts = append(lifts, l)
			}
			w.spec.Lifts = lifts
			m, err := NewGeoModel(d, w.spec)
			require.NoError(t, err)
			checkGeoGradientAround(t, m, rand.New(rand.NewPCG(uint64(i), 5)))
		})
	}
}

func TestGeoCarryInvalid(t *testing.T) {
	w := geoSimWorldGen(3, geoSimOptions{geos: 3, n: 40, channels: 1})
	d := geoWindow(w.data, 10)
	d.Carry[0] = d.Carry[0][:2]
	_, err := NewGeoModel(d, w.spec)
	assert.ErrorContains(t, err, `channel "ch0" has carry for 2 geos, want 3`)
	d = geoWindow(w.data, 10)
	d.Carry[0][1] = []float64{1, -1}
	_, err = NewGeoModel(d, w.spec)
	assert.ErrorContains(t, err, `channel "ch0" carry value 2 in geo "g1" is -1`)
}
