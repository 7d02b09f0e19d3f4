package pipeline

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/triad-mmm/triad/budget"
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// Thresholds of the prior–data conflict checks. They were set on the demo
// and simulated worlds (seeds 1–10), where none fires (see README, Priors).
const (
	// A prior mean media share outside [minPriorShare, maxPriorShare] of
	// the KPI is implausible: the priors say media do (almost) nothing, or
	// more than the whole KPI.
	minPriorShare, maxPriorShare = 0.02, 0.8
	// The fit is held back by the priors when the unregularised fit
	// explains freeGap more of the variance and leaves less than
	// 1/freeRatio of the unexplained variance.
	freeGap, freeRatio = 0.05, 1.5
	// A channel with at least dominatedSpend of the spend whose posterior
	// of log ROI is as wide as its prior (SD above dominatedRatio of the
	// prior's σ) and centred where the prior is (within dominatedZ prior σ
	// of μ, a median within about 25% of the prior's) is the prior's. The
	// centre matters: on simulated worlds (seed 8's search) a posterior as
	// wide as the prior had moved half a prior SD towards the truth, which
	// is the data speaking.
	dominatedSpend, dominatedRatio, dominatedZ = 0.05, 0.95, 0.25
	// A posterior mean of log ROI beyond tailZ prior σ from the prior's μ
	// is piled in the prior's tail.
	tailZ = 2.0
)

// refittable is a fit the checks after the fit can refit: a national
// *mmm.Posterior or an *mmm.GeoPosterior.
type refittable interface {
	posterior
	mmm.Refittable
	PriorContraction(priors []mmm.LogNormal) []mmm.PriorContraction
}

// priorChecks are the prior–data checks and the sensitivity analysis of a
// run.
type priorChecks struct {
	global   []report.Flag   // about the priors as a whole
	channel  [][]report.Flag // per channel
	contract []mmm.PriorContraction
	free     *mmm.Metrics          // the unregularised fit of the MMM alone; nil if it failed
	sens     *mmm.PriorSensitivity // the final fit's; nil if it failed
	driven   []bool                // per channel: prior-driven in the final fit
	secs     float64               // wall-clock seconds of the refits
}

// checkPriors runs the checks on the fits in f: the prior's implied media
// share (before the fit), the unregularised fit, each channel's posterior
// against its prior (MMM alone) and the final fit's sensitivity to its ROI
// priors. Each finding is a warning and a flag.
func checkPriors(ctx context.Context, in *Inputs, f *fitted, opts Options) (*priorChecks, error) {
	start := time.Now()
	m := f.national
	names := m.Channels()
	pc := &priorChecks{channel: make([][]report.Flag, len(names)), driven: make([]bool, len(names))}
	flag := func(c int, code, msg string) {
		opts.warn(msg)
		if c < 0 {
			pc.global = append(pc.global, report.Flag{Code: code, Message: msg})
		} else {
			pc.channel[c] = append(pc.channel[c], report.Flag{Code: code, Message: msg})
		}
	}
	if s := m.PriorMediaShare(0.9); s.Mean < minPriorShare || s.Mean > maxPriorShare {
		flag(-1, report.FlagPriorConflict, fmt.Sprintf("prior_conflict: the ROI priors put media at %.3g%% of the KPI before the data (%s family); spend and KPI may be in different units: model.media_prior: share is the same in any units",
			100*s.Mean, m.MediaPrior().Family))
	}
	// The checks after the fit refit the fitted model (national or geo)
	// from its mode; the MMM alone's where there is one.
	alone, okAlone := f.alone.(refittable)
	final, okFinal := f.final().(refittable)
	if !okAlone {
		alone, okAlone = final, okFinal
	}
	if !okAlone || !okFinal {
		opts.info("prior checks after the fit and prior sensitivity skipped: the fit cannot be refitted")
		pc.secs = time.Since(start).Seconds()
		return pc, nil
	}
	cfg := mmm.SensitivityConfig{Draws: 400, Seed: in.Config.Sampler.Seed}
	var wg sync.WaitGroup
	var freeErr, sensErr error
	var free mmm.Metrics
	var sens mmm.PriorSensitivity
	wg.Add(2)
	go func() { defer wg.Done(); free, freeErr = mmm.FreeFit(ctx, alone) }()
	go func() { defer wg.Done(); sens, sensErr = mmm.ROISensitivity(ctx, final, cfg) }()
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	fitR2 := alone.Fit(0.9).InSample.R2
	if freeErr != nil {
		opts.warn(fmt.Sprintf("the unregularised comparison fit failed: %v", freeErr))
	} else {
		pc.free = &free
		if free.R2-fitR2 > freeGap && (1-fitR2) > freeRatio*(1-free.R2) {
			flag(-1, report.FlagPriorConflict, fmt.Sprintf("prior_conflict: the MMM alone explains R² %.2f of the KPI where the same design with flat ROI priors reaches %.2f: the ROI priors hold the media back", fitR2, free.R2))
		}
	}
	pc.contract = alone.PriorContraction(alone.ROIPriors())
	for c, k := range pc.contract {
		if dominated(k) {
			flag(c, report.FlagPriorDominated, fmt.Sprintf("prior_dominated: %s (%.0f%% of spend): the posterior of its log ROI is as wide as the prior (SD %.0f%% of the prior's) and centred %.2f prior SDs from it; the data say little about it and its ROI is the prior's", names[c], 100*k.SpendShare, 100*k.SDRatio, math.Abs(k.Z)))
		}
		if math.Abs(k.Z) > tailZ {
			side := "upper"
			if k.Z < 0 {
				side = "lower"
			}
			flag(c, report.FlagPriorConflict, fmt.Sprintf("prior_conflict: %s: the posterior of its ROI sits %.1f prior SDs from the prior's centre, in its %s tail: the data pull against the prior", names[c], math.Abs(k.Z), side))
		}
	}
	if sensErr != nil {
		opts.warn(fmt.Sprintf("the prior sensitivity refits failed: %v", sensErr))
	} else {
		pc.sens = &sens
		level := in.Config.Report.Interval
		for c, name := range names {
			roi := stat.Summarize(final.ParamDraws("roi["+name+"]"), level)
			if mv := sens.Move(c); mv > (roi.Hi-roi.Lo)/2 {
				pc.driven[c] = true
				flag(c, report.FlagPriorDriven, fmt.Sprintf("prior_driven: %s: its ROI moves by %.3g under a wider or shifted ROI prior, more than half its interval (%.3g–%.3g); the budget plan keeps its spend", name, mv, roi.Lo, roi.Hi))
			}
		}
	}
	pc.secs = time.Since(start).Seconds()
	return pc, nil
}

// dominated reports whether a channel's posterior is its prior: material
// spend, a posterior as wide as the prior and centred where it is.
func dominated(k mmm.PriorContraction) bool {
	return k.SpendShare >= dominatedSpend && k.SDRatio > dominatedRatio && math.Abs(k.Z) < dominatedZ
}

// sensitivityRows reports the sensitivity of channel c.
func (pc *priorChecks) sensitivity(c int) *report.PriorSensitivity {
	if pc == nil || pc.sens == nil {
		return nil
	}
	s := pc.sens
	return &report.PriorSensitivity{Default: s.Default[c], Wider: s.Wider[c], Lower: s.Lower[c], Higher: s.Higher[c],
		Move: s.Move(c), PriorDriven: pc.driven[c]}
}

// lockDriven locks the prior-driven channels at their current spend, unless
// budget.channels sets their bounds: a plan should not move money on a
// prior's say-so.
func (pc *priorChecks) lockDriven(cfg *config.Config, prob *budget.Problem) {
	if pc == nil {
		return
	}
	for c, d := range pc.driven {
		if !d || c >= len(prob.Bounds) || slices.ContainsFunc(cfg.Budget.Channels, func(b config.BudgetChannel) bool { return b.Name == cfg.Model.Channels[c].Name }) {
			continue
		}
		prob.Bounds[c].Locked = true
	}
}

// markDriven marks the budget's prior-driven channels.
func (pc *priorChecks) markDriven(b *report.Budget) {
	if pc == nil || b == nil {
		return
	}
	for c := range b.Channels {
		b.Channels[c].PriorDriven = c < len(pc.driven) && pc.driven[c]
	}
}
