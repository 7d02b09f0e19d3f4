package calibrate

import (
	"math"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/stat"
)

// Estimates are one fit's figures for a channel over a span of periods.
type Estimates struct {
	Contribution Interval
	// ROI is contribution / spend; nil without spend.
	ROI *Interval
	// CPIK is spend / contribution, the cost per incremental KPI, for count
	// KPIs; nil for revenue KPIs or where a draw's contribution is not
	// positive in most draws.
	CPIK *Interval
}

// MTAResult is what MTA says about a channel, against the final fit.
type MTAResult struct {
	Attributed float64
	ROAS       *float64 // attributed / spend; nil without spend
	// IF is the incrementality factor, final contribution / attributed, per
	// draw; nil when MTA attributes nothing.
	IF *Interval
}

// QuarterResult is a channel's reconciliation over one calendar quarter.
type QuarterResult struct {
	Quarter       string     // "2024Q1"
	Start, End    civil.Date // first and last day of the quarter's periods
	Spend         float64
	MMM           Interval
	Calibrated    *Interval
	MTAAttributed *float64 // nil when MTA does not see the channel
	IF            *Interval
}

// ChannelResult is the reconciliation of one channel over the model period.
type ChannelResult struct {
	Name       string
	Spend      float64
	MMM        Estimates
	Calibrated *Estimates // nil without a calibrated fit
	MTA        *MTAResult // nil when MTA does not see the channel
	Quarters   []QuarterResult
	Flags      []Flag

	finalTotal []float64 // per-draw contribution of the final fit over the period
	roiFinal   []float64 // per-draw ROI of the final fit, for ranking and wording
}

// channels reconciles every channel over the whole period and per quarter.
func channels(in Input) []ChannelResult {
	cal := in.Calendar
	T := cal.Periods()
	qNames, qBounds := quarters(cal.Dates)
	out := make([]ChannelResult, len(in.Channels))
	for c, ch := range in.Channels {
		spend := stat.Sum(cal.Spend[c])
		r := ChannelResult{Name: cal.Channels[c], Spend: spend}
		fin := totals(ch.MMM, 0, T)
		r.MMM = estimates(fin, spend, in)
		if ch.Calibrated != nil {
			fin = totals(ch.Calibrated, 0, T)
			e := estimates(fin, spend, in)
			r.Calibrated = &e
		}
		r.finalTotal = fin
		r.roiFinal = scaled(fin, spend)
		if ch.MTA != nil {
			r.MTA = mtaResult(fin, stat.Sum(ch.MTA), spend, in.Level)
		}
		for q, name := range qNames {
			lo, hi := qBounds[q], qBounds[q+1]
			qr := QuarterResult{
				Quarter: name,
				Start:   cal.Dates[lo],
				End:     cal.Dates[hi-1].AddDays(cal.StepDays - 1),
				Spend:   stat.Sum(cal.Spend[c][lo:hi]),
				MMM:     orZero(stat.Summarize(totals(ch.MMM, lo, hi), in.Level)),
			}
			if ch.Calibrated != nil {
				qr.Calibrated = interval(totals(ch.Calibrated, lo, hi), in.Level)
			}
			if ch.MTA != nil {
				a := stat.Sum(ch.MTA[lo:hi])
				qr.MTAAttributed = &a
				qr.IF = interval(scaled(totals(ch.final(), lo, hi), a), in.Level)
			}
			r.Quarters = append(r.Quarters, qr)
		}
		out[c] = r
	}
	return out
}

func estimates(total []float64, spend float64, in Input) Estimates {
	e := Estimates{
		Contribution: orZero(stat.Summarize(total, in.Level)),
		ROI:          interval(scaled(total, spend), in.Level),
	}
	if in.KPIType == mmm.Count && spend > 0 {
		e.CPIK = cpik(total, spend, in.Level)
	}
	return e
}

// cpik summarises spend / contribution. A draw with no positive
// contribution has no finite cost per incremental KPI; when more than the
// interval's tail holds such draws the interval is unknown.
func cpik(total []float64, spend, level float64) *Interval {
	v := make([]float64, 0, len(total))
	for _, x := range total {
		if x > 0 {
			v = append(v, spend/x)
		}
	}
	if float64(len(total)-len(v)) > (1-level)/2*float64(len(total)) {
		return nil
	}
	return interval(v, level)
}

func mtaResult(final []float64, attributed, spend, level float64) *MTAResult {
	m := &MTAResult{Attributed: attributed}
	if spend > 0 {
		roas := attributed / spend
		m.ROAS = &roas
	}
	m.IF = interval(scaled(final, attributed), level)
	return m
}

// orZero is iv, or a zero interval when iv is unknown: a contribution
// with no finite draw is written as zero, not null.
func orZero(iv Interval) Interval {
	if !iv.Known() {
		return Interval{}
	}
	return iv
}

func nan() float64 { return math.NaN() }
