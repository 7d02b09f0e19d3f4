package calibrate

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/stat"
)

// DisagreeZ is the |z| beyond which a test disagrees with the MMM alone.
const DisagreeZ = 2

// ExperimentResult sets one lift test against the models and MTA.
type ExperimentResult struct {
	TestID, Channel string
	Type            string
	Start, End      civil.Date
	Spend           float64
	Used            bool // entered the calibrated fit
	// Measured is the measured iROAS (incremental / spend) with its
	// confidence interval ± z·SE/spend at the report's level.
	Measured Interval
	// MMM and Calibrated are the iROAS each fit predicts for the test:
	// its predicted lift per draw over the test's spend. nil when unknown.
	MMM, Calibrated *Interval
	// Z = (measured − mean predicted by the MMM alone) / sqrt(SE² + SD²),
	// SD the posterior SD of the predicted lift; nil when unknown.
	Z         *float64
	Disagrees bool // |Z| > 2
	// IF is the test's incrementality factor: measured incremental over
	// what MTA attributes to the moved spend (see IFBase); nil without MTA.
	IF       *float64
	AgeWeeks float64
	Stale    bool // older than the half-life
}

func experiments(in Input) ([]ExperimentResult, error) {
	zq := distuv.UnitNormal.Quantile((1 + in.Level) / 2)
	out := make([]ExperimentResult, 0, len(in.Tests))
	for _, td := range in.Tests {
		t := td.Test
		if !(t.Spend >= 0) || !stat.Finite(t.Spend) || !stat.Finite(t.Incremental) || !(t.SE >= 0) || !stat.Finite(t.SE) {
			return nil, fmt.Errorf("calibrate: lift test %s: spend %g, incremental %g, SE %g", t.ID, t.Spend, t.Incremental, t.SE)
		}
		c, single := in.Calendar.Channel(t.Channel) // false for a combined test
		e := ExperimentResult{
			TestID: t.ID, Channel: t.Channel, Type: t.Type.String(),
			Start: t.Start, End: t.End, Spend: t.Spend, Used: t.Include,
		}
		// A test on an organic channel moved no spend: its "iROAS" fields
		// hold the lift itself, in KPI units.
		per := t.Spend
		if per == 0 {
			per = 1
		}
		m, h := t.Incremental/per, zq*t.SE/per
		e.Measured = Interval{Mean: m, Lo: m - h, Hi: m + h}
		if td.MMM != nil {
			e.MMM = interval(scaled(td.MMM, per), in.Level)
			if mu, sd := stat.MeanSD(td.MMM); stat.Finite(mu) {
				if den := math.Hypot(t.SE, sd); den > 0 {
					z := (t.Incremental - mu) / den
					e.Z = &z
					e.Disagrees = math.Abs(z) > DisagreeZ
				}
			}
		}
		if td.Calibrated != nil {
			e.Calibrated = interval(scaled(td.Calibrated, per), in.Level)
		}
		if mta := in.Channels[c].MTA; single && mta != nil {
			if base, err := IFBase(t, in.Calendar, c, mta); err == nil && base > 0 {
				f := t.Incremental / base
				e.IF = &f
			}
		}
		e.AgeWeeks = max(0, float64(in.AsOf-t.End)/7)
		e.Stale = e.AgeWeeks > in.HalfLifeWeeks
		out = append(out, e)
	}
	return out, nil
}

// IFBase returns what MTA attributes to the spend test t moved, the
// denominator of the test's incrementality factor. MTA's attributed KPI on
// channel c (per period, national) is taken over the treatment window, pro
// rata for partial periods, because MTA credits conversions to the spend of
// that window, while the measured incremental also counts that spend's
// carryover into a cooldown. For a holdout it is scaled to the test's scope
// (attributed × scope share); for a heavy-up, whose moved spend is extra
// spend, to the moved spend (attributed × spend / panel spend in the
// window), i.e. MTA's ROAS in the window times the test's spend.
func IFBase(t lift.Test, cal Calendar, c int, mta []float64) (float64, error) {
	if c < 0 || c >= len(cal.Spend) || len(mta) != cal.Periods() {
		return 0, fmt.Errorf("calibrate: channel %d or its MTA series does not match the calendar", c)
	}
	s, f, err := cal.Window(t.Start, t.End)
	if err != nil {
		return 0, fmt.Errorf("calibrate: lift test %s: %w", t.ID, err)
	}
	attributed := dotFrom(mta, s, f)
	if t.Type == lift.HeavyUp {
		spend := dotFrom(cal.Spend[c], s, f)
		if !(spend > 0) {
			return 0, fmt.Errorf("calibrate: lift test %s: no panel spend in the window", t.ID)
		}
		return attributed * t.Spend / spend, nil
	}
	return attributed * t.ScopeShare, nil
}
