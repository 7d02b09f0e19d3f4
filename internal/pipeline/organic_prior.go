package pipeline

import (
	"math"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// organicPriors turns roi_prior mode's tests on organic channels into
// priors on their contribution's share of the KPI, the coordinate an
// organic channel has instead of an ROI. Such a test measured the
// channel's contribution in its window (as counterfactual mode reads it);
// under the prior carryover and no saturation (as roi_prior mode assumes
// for paid channels) that is share × total KPI × the window's part of the
// channel's adstocked units, so
//
//	share = measured / (ΣKPI · Σ_{t in window} g_t·A_t / Σ_t A_t),
//
// with the test's log-scale SD, widened for its age as a paid test's is,
// and combined by precision with the channel's base prior. filled is the
// spec of the MMM alone with its defaults; the priors go into spec.
func (in *Inputs) organicPriors(filled mmm.Spec, spec *mmm.Spec, halfLife float64) []calibrate.PriorNote {
	if !(halfLife > 0) {
		halfLife = calibrate.DefaultHalfLifeWeeks
	}
	var notes []calibrate.PriorNote
	byChannel := map[int][]mmm.LogNormal{}
	kpi := stat.Sum(in.Panel.KPI)
	for _, t := range in.Tests {
		c, ok := in.Panel.Channel(t.Channel)
		if !t.Include || t.Combined() || !ok || !in.isOrganic(c) {
			continue
		}
		n, ok := in.organicPrior(t, c, priorAdstock(filled.Channels[c]), kpi, halfLife)
		if !ok {
			continue
		}
		notes = append(notes, n)
		byChannel[c] = append(byChannel[c], n.Prior)
	}
	for c, ps := range byChannel {
		spec.Channels[c].Contribution = calibrate.CombineLogNormal(append(ps, filled.Channels[c].ROI))
	}
	return notes
}

// organicPrior is one organic test's prior on its channel's share.
func (in *Inputs) organicPrior(t lift.Test, c int, w []float64, kpi, halfLife float64) (calibrate.PriorNote, bool) {
	p := in.Panel
	s, g, err := p.Calendar.Window(t.Start, t.MeasureEnd())
	if err != nil || !(t.SE > 0) || !(kpi > 0) {
		return calibrate.PriorNote{}, false
	}
	a := make([]float64, p.Len())
	mmm.Convolve(a, p.Impressions[c], w)
	inWindow := 0.0
	for i, gi := range g {
		inWindow += gi * a[s+i]
	}
	part := inWindow / stat.Sum(a)
	if !(part > 0) {
		return calibrate.PriorNote{}, false
	}
	n := calibrate.PriorNote{TestID: t.ID, Channel: t.Channel, IROAS: t.Incremental, Capture: part}
	est := t.Incremental
	if floor := t.SE / 2; est < floor {
		est, n.Floored = floor, true
	}
	n.ROI = est / (kpi * part)
	n.Sigma0 = math.Sqrt(math.Log1p((t.SE / est) * (t.SE / est)))
	n.Duration, n.HeavyUp = 1, 1
	n.AgeWeeks = max(0, float64(p.End()-t.End)/7)
	n.Age = math.Exp2(n.AgeWeeks / halfLife)
	n.Prior = mmm.LogNormal{Mu: math.Log(n.ROI) - n.Sigma0*n.Sigma0/2, Sigma: n.Sigma0 * n.Age}
	return n, true
}

// priorWarnings are the report's lines on how each test became a prior.
// On an organic channel the note's ROI is its share of the KPI and IROAS
// the measured contribution.
func (in *Inputs) priorWarnings(notes []calibrate.PriorNote) []string {
	var out []string
	for _, n := range notes {
		c, ok := in.Panel.Channel(n.Channel)
		out = append(out, report.PriorNoteText(ok && in.isOrganic(c), n.TestID, n.Channel, n.IROAS, n.Capture, n.Prior.Mu, n.Prior.Sigma))
	}
	return out
}
