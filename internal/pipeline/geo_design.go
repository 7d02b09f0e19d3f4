package pipeline

import (
	"slices"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
)

// suggestGeos names, on a geo panel, the geos each suggested test should
// hold out: a set with the test's holdout share of the KPI over the last
// year (the whole panel if shorter) that tracks the other geos best. Under
// a geo fit the design is then redone on that set (calibrate.DesignGeoTest):
// its share, its own spend on the channel and each geo's noise from the
// geo model, not the national formula's even spread.
func suggestGeos(next []report.TestSuggestion, rec *calibrate.Result, p *panel.Panel, final posterior, level float64, seed uint64) {
	if p.Geos == nil {
		return
	}
	gp, _ := final.(*mmm.GeoPosterior)
	var noise []float64
	if gp != nil {
		noise = gp.GeoNoiseSD()
	}
	to := p.Len()
	from := max(0, to-365/p.StepDays)
	for k := range next {
		h, err := p.Geos.MatchedHoldout(next[k].HoldoutShare, from, to, seed)
		if err != nil {
			continue // too few geos for that share: the national design stands
		}
		corr := h.Correlation
		next[k].Geos, next[k].GeoCorrelation = h.Geos, &corr
		c := slices.Index(p.Channels, next[k].Channel)
		if noise == nil || c < 0 || k >= len(rec.TestNext) {
			continue
		}
		s := rec.TestNext[k]
		ws := final.AdstockWeights(c, level)
		w := make([]float64, len(ws))
		for l, iv := range ws {
			w[l] = iv.Mean
		}
		d, ok := calibrate.DesignGeoTest(geoHoldout(p.Geos, h, c, noise), h.Share, s.ROI.Mean, s.TargetSE, w, p.StepDays, calibrate.DesignOptions{})
		if !ok {
			continue
		}
		next[k].HoldoutShare, next[k].Weeks, next[k].CooldownWeeks = d.HoldoutShare, d.Weeks, d.CooldownWeeks
		next[k].ExpectedSE, next[k].Reaches = d.ExpectedSE, d.Reaches
	}
}

// geoHoldout is holdout h on channel c in calibrate's terms, with noise
// the geo model's residual SD per geo and period.
func geoHoldout(g *panel.GeoPanel, h panel.Holdout, c int, noise []float64) calibrate.GeoHoldout {
	out := calibrate.GeoHoldout{Spend: make([]float64, len(g.Spend[0][c])), Ratio: h.Share / (1 - h.Share)}
	for k, name := range g.Names {
		v := noise[k] * noise[k]
		if !slices.Contains(h.Geos, name) {
			out.ControlVar += v
			continue
		}
		out.TreatedVar += v
		for t, x := range g.Spend[k][c] {
			out.Spend[t] += x
		}
	}
	return out
}
