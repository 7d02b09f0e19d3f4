package calibrate

import (
	"math"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// DesignOptions tune the "test next" ranking and the suggested tests.
// Zero values take the defaults.
type DesignOptions struct {
	Shares   []float64 // holdout shares considered; default 0.1, 0.2, 0.3, 0.5
	MinWeeks int       // default 2
	MaxWeeks int       // default 12
	// The target SE on ROI is TargetFraction × the posterior ROI SD, but
	// never below MinRelative × the posterior mean ROI. Defaults 0.5, 0.2.
	TargetFraction, MinRelative float64
	// Score multipliers for channels without a test and with only stale
	// tests; defaults 2 and 1.5.
	UntestedBoost, StaleBoost float64
	// RecentWeeks is the span whose spend level a suggested test assumes;
	// default 52.
	RecentWeeks int
}

func (o DesignOptions) withDefaults() DesignOptions {
	if len(o.Shares) == 0 {
		o.Shares = []float64{0.1, 0.2, 0.3, 0.5}
	}
	if o.MinWeeks <= 0 {
		o.MinWeeks = 2
	}
	if o.MaxWeeks < o.MinWeeks {
		o.MaxWeeks = max(12, o.MinWeeks)
	}
	if !(o.TargetFraction > 0) {
		o.TargetFraction = 0.5
	}
	if !(o.MinRelative > 0) {
		o.MinRelative = 0.2
	}
	if !(o.UntestedBoost > 0) {
		o.UntestedBoost = 2
	}
	if !(o.StaleBoost > 0) {
		o.StaleBoost = 1.5
	}
	if o.RecentWeeks <= 0 {
		o.RecentWeeks = 52
	}
	return o
}

// Suggestion is a channel worth testing next and a geo holdout that would
// measure its ROI to the target precision.
type Suggestion struct {
	Channel string
	Rank    int     // 1 = test first
	Score   float64 // Spend × ROISD × the boost of Boost
	// Boost is the flag that raised the score: FlagUntested, FlagStaleTest
	// or 0 for none.
	Boost FlagCode
	Spend float64  // over the panel
	ROI   Interval // the final fit's ROI now
	ROISD float64  // its posterior SD
	Design
}

// Design is a suggested geo holdout and its power under the model.
type Design struct {
	HoldoutShare  float64 // share of the business held out, h
	Weeks         int     // treatment weeks
	CooldownWeeks int     // weeks of measurement after the treatment to catch the carryover
	TargetSE      float64 // SE on ROI the test should reach
	ExpectedSE    float64 // SE on ROI the model expects it to reach
	ExpectedLift  float64 // incremental KPI the model expects the test to measure
	Reaches       bool    // ExpectedSE ≤ TargetSE; if false the design is the most precise considered
}

// DesignTest finds the cheapest geo holdout (smallest h × weeks, then
// fewest weeks) whose ROI standard error reaches target (see the package
// documentation for the power model). spend is the channel's spend per
// period while it is on, roi its ROI, sigma the model's residual SD per
// period, w its lag weights (nil for none) and stepDays the period length.
// When no design reaches the target the most precise one is returned with
// Reaches false. ok is false when the inputs allow no estimate (no spend,
// no ROI, no noise).
func DesignTest(spend, roi, sigma, target float64, w []float64, stepDays int, o DesignOptions) (d Design, ok bool) {
	o = o.withDefaults()
	if !(spend > 0) || !stat.Finite(roi) || !(sigma > 0) || !(target > 0) || stepDays <= 0 {
		return Design{}, false
	}
	cool := 0
	if len(w) > 0 {
		cool = CarryoverPeriods(w) - 1
	}
	var best Design
	found := false
	better := func(a, b Design) bool { // a cheaper than b
		ca, cb := a.HoldoutShare*float64(a.Weeks), b.HoldoutShare*float64(b.Weeks)
		if ca != cb {
			return ca < cb
		}
		if a.Weeks != b.Weeks {
			return a.Weeks < b.Weeks
		}
		return a.HoldoutShare < b.HoldoutShare
	}
	for _, h := range o.Shares {
		if !(h > 0 && h < 1) {
			continue
		}
		for weeks := o.MinWeeks; weeks <= o.MaxWeeks; weeks++ {
			n := max(1, int(math.Round(float64(weeks)*7/float64(stepDays))))
			m := n + cool
			p := CaptureShare(w, unitSeries(n), unitSeries(m))
			seLift := sigma * math.Sqrt(float64(m)*h/(1-h))
			moved := h * float64(n) * spend
			c := Design{
				HoldoutShare:  h,
				Weeks:         weeks,
				CooldownWeeks: (cool*stepDays + 6) / 7,
				TargetSE:      target,
				ExpectedSE:    seLift / (p * moved),
				ExpectedLift:  p * moved * roi,
			}
			c.Reaches = c.ExpectedSE <= target
			switch {
			case !found:
				best, found = c, true
			case c.Reaches && (!best.Reaches || better(c, best)):
				best = c
			case !c.Reaches && !best.Reaches && c.ExpectedSE < best.ExpectedSE:
				best = c
			}
		}
	}
	return best, found
}

// testNext ranks the channels by spend × posterior ROI SD of the final
// fit, boosted for channels without a test or with only stale ones, and
// designs a test for each.
func testNext(in Input, r *Result) []Suggestion {
	o := in.Design
	cal := in.Calendar
	var out []Suggestion
	for c, ch := range r.Channels {
		mean, sd := stat.MeanSD(finiteOnly(ch.roiFinal))
		if !stat.Finite(mean) || !(sd > 0) || !(ch.Spend > 0) {
			continue
		}
		s := Suggestion{Channel: ch.Name, Spend: ch.Spend, ROISD: sd, Score: ch.Spend * sd}
		if iv := stat.Summarize(ch.roiFinal, in.Level); iv.Known() {
			s.ROI = iv
		}
		switch {
		case ch.HasFlag(FlagUntested):
			s.Score *= o.UntestedBoost
			s.Boost = FlagUntested
		case ch.HasFlag(FlagStaleTest):
			s.Score *= o.StaleBoost
			s.Boost = FlagStaleTest
		}
		target := max(o.TargetFraction*sd, o.MinRelative*math.Abs(mean))
		var w []float64
		if in.Adstock != nil {
			w = in.Adstock(c)
		}
		if d, ok := DesignTest(recentSpend(cal.Spend[c], cal.StepDays, o.RecentWeeks), mean, in.ResidualSD, target, w, cal.StepDays, o); ok {
			s.Design = d
		} else {
			s.Design = Design{TargetSE: target}
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		if a.Score != b.Score {
			return cmpFloat(b.Score, a.Score)
		}
		return strings.Compare(a.Channel, b.Channel)
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// recentSpend is the channel's mean spend per period over the periods with
// spend in the last weeks (all periods if none there): the level a test
// switched on now would hold out.
func recentSpend(x []float64, stepDays, weeks int) float64 {
	n := max(1, weeks*7/stepDays)
	for _, span := range [][]float64{x[max(0, len(x)-n):], x} {
		var s float64
		var k int
		for _, v := range span {
			if v > 0 {
				s += v
				k++
			}
		}
		if k > 0 {
			return s / float64(k)
		}
	}
	return 0
}

func finiteOnly(x []float64) []float64 {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if stat.Finite(v) {
			out = append(out, v)
		}
	}
	return out
}

// unitSeries returns n ones: constant spend or measurement weights.
func unitSeries(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 1
	}
	return v
}
