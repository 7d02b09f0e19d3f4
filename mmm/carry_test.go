package mmm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// windowWorld cuts the first cut periods of a simulated world off into
// Data.Carry, as a fit window does.
func windowWorld(w simWorld, cut int) Data {
	d := w.data
	out := d
	out.Dates, out.KPI = d.Dates[cut:], d.KPI[cut:]
	out.Spend = make([][]float64, len(d.Spend))
	out.Carry = make([][]float64, len(d.Spend))
	for c, s := range d.Spend {
		out.Spend[c], out.Carry[c] = s[cut:], s[:cut]
	}
	out.Controls = make([][]float64, len(d.Controls))
	for j, s := range d.Controls {
		out.Controls[j] = s[cut:]
	}
	return out
}

// With the carry, the adstock of a window's first periods is the adstock
// of the whole series, computed directly (double loop) as an oracle.
func TestCarryAdstock(t *testing.T) {
	w := simWorldGen(4, simOptions{n: 70, channels: 3, delayed: true})
	const cut = 12
	m, err := NewModel(windowWorld(w, cut), w.spec)
	require.NoError(t, err)
	for c := range m.ch {
		ch := &m.ch[c]
		require.Len(t, ch.pre, ch.spec.MaxLag)
		wts := make([]float64, ch.spec.MaxLag+1)
		u := make([]float64, ch.nAd)
		ch.spec.Adstock.Center(u)
		ch.spec.Adstock.Weights(wts, u)
		a := make([]float64, len(ch.x))
		Convolve(a, ch.x, wts)
		addCarry(a, ch.pre, wts)
		full := w.data.Spend[c]
		for p := range a {
			want := 0.0
			for l, wl := range wts {
				if k := p + cut - l; k >= 0 {
					want += wl * full[k]
				}
			}
			assert.InDelta(t, want, a[p]*ch.scale, 1e-9*math.Max(1, want), "channel %d period %d", c, p)
		}
	}
}

func TestCarryGradient(t *testing.T) {
	for i, o := range []simOptions{
		{n: 80, channels: 3, trend: true, fourier: 1, controls: 1},
		{n: 90, channels: 4, lifts: 3, delayed: true, logistic: true, weibull: true, holdout: 5},
	} {
		o.noise = 0.05
		w := simWorldGen(uint64(i+31), o)
		d := windowWorld(w, 10)
		s := w.spec
		for k := range s.Lifts {
			s.Lifts[k].Start -= 10
		}
		if len(s.Lifts) > 0 {
			s.Lifts[0].Start = 2 // its adstock reaches into the carry
		}
		s.LiftTau = 300
		m, err := NewModel(d, s)
		require.NoError(t, err)
		checkGradientAround(t, m, w.params, uint64(i))
	}
}
