package calibrate

import (
	"fmt"
	"math"
	"slices"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
)

// DefaultHalfLifeWeeks is the age at which a test's log-scale SD doubles in
// roi_prior mode, and beyond which a test is stale.
const DefaultHalfLifeWeeks = 52

// heavyUpInflation widens a heavy-up's prior: it measures the return of
// extra spend, below the channel's average ROI on a concave curve by a
// factor roi_prior mode cannot know without the curve.
const heavyUpInflation = 2

// PriorOptions tune roi_prior mode.
type PriorOptions struct {
	// HalfLifeWeeks is the test age (in weeks) that doubles its log-scale
	// SD; 0 means DefaultHalfLifeWeeks.
	HalfLifeWeeks float64
	// AsOf is the day ages are measured to; 0 means the calendar's end.
	AsOf civil.Date
	// Base, when set, holds each channel's ROI prior without tests
	// (indexed as the calendar's channels). A channel's tests then combine
	// with it by precision on the log scale, so a test only adds
	// information: however stale, short or mismatched (and so inflated)
	// it is, the channel's prior never becomes wider than its base, and a
	// precise test pulls it most of the way to the test.
	Base []mmm.LogNormal
}

func (o PriorOptions) withDefaults(cal Calendar) PriorOptions {
	if !(o.HalfLifeWeeks > 0) {
		o.HalfLifeWeeks = DefaultHalfLifeWeeks
	}
	if o.AsOf == 0 {
		o.AsOf = cal.End()
	}
	return o
}

// PriorNote records how one test became an ROI prior, for the run log and
// the report.
type PriorNote struct {
	TestID, Channel string
	IROAS           float64 // measured incremental KPI / spend
	Floored         bool    // the estimate was raised to SE/2 (non-positive or barely positive test)
	NoPanelSpend    bool    // the panel has no spend in the window: Mismatch is 1, as for a 100% mismatch
	Capture         float64 // p: share of the adstock effect inside the measurement window
	ROI             float64 // (floored) iROAS / p: the point estimate of the channel's ROI
	Sigma0          float64 // log-scale SD from the test's SE alone
	Mismatch        float64 // test spend / (scope share · panel spend in the window) − 1; 0 for heavy-ups
	Duration        float64 // inflation for a test shorter than the carryover, ≥ 1
	AgeWeeks        float64
	Age             float64 // inflation for age, 2^(AgeWeeks / half-life)
	HeavyUp         float64 // inflation for a heavy-up's marginal (not average) return: 2, else 1
	Prior           mmm.LogNormal
}

// ROIPriors turns the included lift tests into LogNormal priors on their
// channels' ROI (roi_prior mode, Meridian-style); see the package
// documentation for the formulas. adstock(c) returns channel c's lag weights
// under the prior mean (any positive scale; nil or empty for no carryover).
// The map is keyed by channel index; channels without tests keep their
// default prior. With opts.Base each channel's tests are combined with its
// base prior; without, the map holds the tests' evidence alone. The notes
// come in test order.
func ROIPriors(tests []lift.Test, cal Calendar, adstock func(c int) []float64, opts PriorOptions) (map[int]mmm.LogNormal, []PriorNote, error) {
	if err := cal.validate(); err != nil {
		return nil, nil, err
	}
	opts = opts.withDefaults(cal)
	var notes []PriorNote
	byChannel := map[int][]mmm.LogNormal{}
	for _, t := range tests {
		if !t.Include {
			continue
		}
		c, ok := cal.Channel(t.Channel)
		if !ok {
			return nil, nil, fmt.Errorf("calibrate: lift test %s: unknown channel %q", t.ID, t.Channel)
		}
		var w []float64
		if adstock != nil {
			w = adstock(c)
		}
		n, err := testPrior(t, cal, c, w, opts)
		if err != nil {
			return nil, nil, fmt.Errorf("calibrate: lift test %s: %w", t.ID, err)
		}
		notes = append(notes, n)
		byChannel[c] = append(byChannel[c], n.Prior)
	}
	priors := make(map[int]mmm.LogNormal, len(byChannel))
	for c, ps := range byChannel {
		if opts.Base != nil {
			if c >= len(opts.Base) || !(opts.Base[c].Sigma > 0) {
				return nil, nil, fmt.Errorf("calibrate: no base ROI prior for channel %q", cal.Channels[c])
			}
			ps = append(ps, opts.Base[c])
		}
		priors[c] = CombineLogNormal(ps)
	}
	return priors, notes, nil
}

// testPrior is one test's prior on its channel's ROI.
func testPrior(t lift.Test, cal Calendar, c int, w []float64, opts PriorOptions) (PriorNote, error) {
	switch {
	case !(t.Spend > 0) || !stat.Finite(t.Spend):
		return PriorNote{}, fmt.Errorf("spend %g, want > 0", t.Spend)
	case !(t.SE > 0) || !stat.Finite(t.SE):
		return PriorNote{}, fmt.Errorf("standard error %g, want > 0", t.SE)
	case !stat.Finite(t.Incremental):
		return PriorNote{}, fmt.Errorf("incremental KPI %g", t.Incremental)
	case !(t.ScopeShare > 0 && t.ScopeShare <= 1):
		return PriorNote{}, fmt.Errorf("scope share %g, want in (0, 1]", t.ScopeShare)
	}
	s, f, err := cal.Window(t.Start, t.End)
	if err != nil {
		return PriorNote{}, fmt.Errorf("treatment %w", err)
	}
	_, g, err := cal.Window(t.Start, t.MeasureEnd())
	if err != nil {
		return PriorNote{}, fmt.Errorf("measurement %w", err)
	}
	n := PriorNote{TestID: t.ID, Channel: t.Channel, IROAS: t.Incremental / t.Spend}

	est := t.Incremental
	if floor := t.SE / 2; est < floor {
		est = floor
		n.Floored = true
	}
	n.Capture = CaptureShare(w, f, g)
	n.ROI = est / t.Spend / n.Capture
	n.Sigma0 = math.Sqrt(math.Log1p((t.SE / est) * (t.SE / est)))

	if t.Type != lift.HeavyUp {
		base := t.ScopeShare * dotFrom(cal.Spend[c], s, f)
		if base > 0 {
			n.Mismatch = t.Spend/base - 1
		} else {
			n.Mismatch, n.NoPanelSpend = 1, true
		}
	}
	L := float64(CarryoverPeriods(w))
	if len(w) == 0 {
		L = 1
	}
	n.Duration = math.Sqrt(max(1, L/stat.Sum(f)))
	n.AgeWeeks = max(0, float64(opts.AsOf-t.End)/7)
	n.Age = math.Exp2(n.AgeWeeks / opts.HalfLifeWeeks)

	n.HeavyUp = 1
	if t.Type == lift.HeavyUp {
		n.HeavyUp = heavyUpInflation
	}
	sigma := n.Sigma0 * (1 + math.Abs(n.Mismatch)) * n.Duration * n.Age * n.HeavyUp
	// The measurement's own LogNormal has mean ROI: μ = log ROI − σ0²/2.
	// Inflation widens it around the same median rather than moving it.
	n.Prior = mmm.LogNormal{Mu: math.Log(n.ROI) - n.Sigma0*n.Sigma0/2, Sigma: sigma}
	return n, nil
}

// CombineLogNormal combines independent pieces of evidence about one
// quantity by precision on the log scale:
//
//	1/σ² = Σ_k 1/σ_k²,  μ = σ² · Σ_k μ_k/σ_k²
//
// It returns the zero LogNormal for no input.
func CombineLogNormal(ps []mmm.LogNormal) mmm.LogNormal {
	switch len(ps) {
	case 0:
		return mmm.LogNormal{}
	case 1:
		return ps[0]
	}
	// Sorted for a sum independent of the caller's order.
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b mmm.LogNormal) int {
		if a.Mu != b.Mu {
			return cmpFloat(a.Mu, b.Mu)
		}
		return cmpFloat(a.Sigma, b.Sigma)
	})
	var prec, num float64
	for _, p := range ps {
		w := 1 / (p.Sigma * p.Sigma)
		prec += w
		num += w * p.Mu
	}
	return mmm.LogNormal{Mu: num / prec, Sigma: 1 / math.Sqrt(prec)}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
