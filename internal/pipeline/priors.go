package pipeline

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// priorSection reports the ROI priors of m (the MMM alone) at level, and
// those of cal (the calibrated model, nil without one) where they differ,
// with the checks pc (nil when none ran).
func priorSection(m, cal *mmm.Model, checks *priorChecks, level float64) *report.Priors {
	info := m.MediaPrior()
	spec := m.Spec()
	p := &report.Priors{
		Family:     info.Family,
		Requested:  info.Requested,
		MediaShare: riv(m.PriorMediaShare(level)),
		FreeR2:     math.NaN(),
	}
	if checks != nil {
		p.Flags = checks.global
		if checks.free != nil {
			p.FreeR2 = checks.free.R2
		}
		p.SensitivityFit = "MMM alone"
		if cal != nil {
			p.SensitivityFit = "calibrated"
		}
	}
	for c, name := range m.Channels() {
		src := info.Family
		if info.Stated[c] {
			src = "stated"
		}
		pr := spec.Channels[c].ROI
		pc := report.PriorChannel{
			Name: name, Source: src, ROI: riv(logNormalInterval(pr, level)), Mu: pr.Mu, Sigma: pr.Sigma,
		}
		if checks != nil {
			pc.Sensitivity = checks.sensitivity(c)
			if c < len(checks.contract) {
				pc.SDRatio, pc.Z = checks.contract[c].SDRatio, checks.contract[c].Z
			}
		}
		if cal != nil {
			if q := cal.Spec().Channels[c].ROI; q != pr {
				pc.Calibrated = &report.LogNormalPrior{ROI: riv(logNormalInterval(q, level)), Mu: q.Mu, Sigma: q.Sigma}
			}
		}
		p.Channels = append(p.Channels, pc)
	}
	return p
}

// logNormalInterval is d's mean and central interval at level.
func logNormalInterval(d mmm.LogNormal, level float64) stat.Interval {
	z := distuv.UnitNormal.Quantile((1 + level) / 2)
	return stat.Interval{
		Mean: math.Exp(d.Mu + d.Sigma*d.Sigma/2),
		Lo:   math.Exp(d.Mu - z*d.Sigma),
		Hi:   math.Exp(d.Mu + z*d.Sigma),
	}
}
