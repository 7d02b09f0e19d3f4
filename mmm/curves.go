package mmm

import "github.com/triad-mmm/triad/stat"

// LiftDraws returns, per draw, the lift the model predicts for obs, by the
// formula of its likelihood term (KPI units). It returns nil if obs does
// not fit the panel.
func (p *Posterior) LiftDraws(obs LiftObs) []float64 {
	if len(obs.Also) > 0 {
		// A combined test predicts the sum of its channels' lifts.
		one := obs
		one.Also = nil
		out := p.LiftDraws(one)
		for _, part := range obs.Also {
			one.Channel, one.Moved = part.Channel, part.Moved
			more := p.LiftDraws(one)
			if out == nil || more == nil {
				return nil
			}
			for d, v := range more {
				out[d] += v
			}
		}
		return out
	}
	lt, err := p.m.newLiftTerm(0, obs)
	if err != nil {
		return nil
	}
	c := obs.Channel
	end := obs.Start + len(obs.Measure)
	xs := p.m.ch[c].x[:end]
	mod := make([]float64, end)
	for t := range mod {
		mod[t] = lt.xmod(xs, t)
	}
	// The unmoved series is the historical one up to end: adstock looks
	// back only and saturation is per period, so its contributions are the
	// first end of the history's.
	hist, _ := p.history()
	out := make([]float64, p.Draws())
	p.parallelDraws(func(_, lo0, hi0 int, ev *evaluator) {
		moved := make([]float64, end)
		for d := lo0; d < hi0; d++ {
			if !obs.Contribution {
				// A contribution test subtracts nothing: moved stays 0.
				p.media(ev, moved, c, d, mod)
			}
			sh, sl := hist[c][d][:end], moved
			if obs.HeavyUp {
				sh, sl = sl, sh
			}
			v := 0.0
			for i, w := range obs.Measure {
				t := obs.Start + i
				v += w * (sh[t] - sl[t])
			}
			out[d] = obs.Scope * v
		}
	})
	return out
}

// CurvePoint is one point of a response curve.
type CurvePoint struct {
	Multiplier   float64 // of the historical spend, flighting kept
	Spend        float64 // total over the panel
	Contribution Interval
	ROI          Interval // average ROI at this spend
	MROI         Interval // marginal ROI (+1% spend) at this spend
}

// ResponseCurve returns channel c's total contribution over the panel when
// its spend in every period is multiplied by each of multipliers. It
// returns nil for an unknown channel or a negative or non-finite multiplier.
func (p *Posterior) ResponseCurve(c int, multipliers []float64, level float64) []CurvePoint {
	m := p.m
	if c < 0 || c >= len(m.ch) {
		return nil
	}
	for _, k := range multipliers {
		if !(k >= 0) || !stat.Finite(k) {
			return nil
		}
	}
	// The curve scales the series that drives the channel (units when it
	// has them: at a constant cost per unit, k × spend buys k × units);
	// Spend and ROI are in money.
	spend := m.drive(c)
	total := 0.0
	for _, v := range m.data.Spend[c] {
		total += v
	}
	nd := p.Draws()
	c0, c1 := make([]float64, nd), make([]float64, nd)
	roi, mroi := make([]float64, nd), make([]float64, nd)
	s := make([]float64, len(spend))
	out := make([]CurvePoint, len(multipliers))
	for i, k := range multipliers {
		for t, v := range spend {
			s[t] = k * v
		}
		p.ContributionDraws(c0, c, s)
		for t, v := range spend {
			s[t] = 1.01 * k * v
		}
		p.ContributionDraws(c1, c, s)
		pt := CurvePoint{Multiplier: k, Spend: k * total, Contribution: stat.Summarize(c0, level)}
		if k > 0 {
			for d := range c0 {
				roi[d] = c0[d] / (k * total)
				mroi[d] = (c1[d] - c0[d]) / (0.01 * k * total)
			}
			pt.ROI, pt.MROI = stat.Summarize(roi, level), stat.Summarize(mroi, level)
		} else {
			// At zero spend the curve's slope is the limit of small spend.
			for t, v := range spend {
				s[t] = 1e-4 * v
			}
			p.ContributionDraws(c1, c, s)
			for d := range c1 {
				mroi[d] = c1[d] / (1e-4 * total)
			}
			pt.MROI = stat.Summarize(mroi, level)
			pt.ROI = pt.MROI
		}
		out[i] = pt
	}
	return out
}
