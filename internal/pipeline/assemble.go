package pipeline

import (
	"math"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/lift"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// riv converts the interval the model, calibration and budget packages
// share into the report's, which owns the JSON contract (null for unknown).
func riv(iv stat.Interval) report.Interval {
	return report.Interval{Mean: iv.Mean, Lo: iv.Lo, Hi: iv.Hi}
}

func rivp(iv *calibrate.Interval) *report.Interval {
	if iv == nil {
		return nil
	}
	r := riv(*iv)
	return &r
}

func rivOrUnknown(iv *calibrate.Interval) report.Interval {
	if iv == nil {
		return report.Unknown
	}
	return riv(*iv)
}

// flags words the reconciliation's channel flags.
func flags(fs []calibrate.Flag) []report.Flag {
	out := make([]report.Flag, 0, len(fs))
	for _, f := range fs {
		out = append(out, flag(f))
	}
	return out
}

func flag(f calibrate.Flag) report.Flag {
	switch f.Code {
	case calibrate.FlagExperimentDisagrees:
		ds := make([]report.Disagreement, len(f.Disagreements))
		for i, d := range f.Disagreements {
			ds[i] = report.Disagreement{TestID: d.TestID, Measured: d.Measured, Predicted: d.MMM, Z: d.Z}
		}
		return report.DisagreesFlag(ds)
	case calibrate.FlagMTAOverclaims:
		return report.MTAOverclaimsFlag(riv(f.IF))
	case calibrate.FlagMTAUnderclaims:
		return report.MTAUnderclaimsFlag(riv(f.IF))
	case calibrate.FlagUntested:
		return report.UntestedFlag(f.Excluded)
	case calibrate.FlagStaleTest:
		return report.StaleTestFlag(f.AgeWeeks, f.AsOf, f.HalfLifeWeeks)
	case calibrate.FlagPoorConvergence:
		return report.PoorConvergenceFlag(f.RHat, f.ESS)
	}
	return report.Flag{Code: f.Code.String()}
}

func estimates(e calibrate.Estimates, mroi report.Interval) report.ChannelEstimates {
	return report.ChannelEstimates{
		ROI:          rivOrUnknown(e.ROI),
		MROI:         mroi,
		Contribution: riv(e.Contribution),
		CPIK:         rivp(e.CPIK),
	}
}

// reconciledChannels maps the reconciliation's channels into the report.
// mroi[k][c] is the marginal ROI of channel c in fit k (0: alone, 1: calibrated).
func reconciledChannels(rec *calibrate.Result, offline []*bool, mroiAlone, mroiCal []report.Interval) []report.Channel {
	out := make([]report.Channel, len(rec.Channels))
	for c, ch := range rec.Channels {
		rc := report.Channel{
			Name:    ch.Name,
			Offline: offline[c],
			Spend:   ch.Spend,
			MMM:     estimates(ch.MMM, mroiAlone[c]),
			Flags:   flags(ch.Flags),
		}
		if ch.Calibrated != nil {
			e := estimates(*ch.Calibrated, mroiCal[c])
			rc.Calibrated = &e
		}
		if ch.MTA != nil {
			m := &report.MTAEstimates{Attributed: ch.MTA.Attributed, ROAS: math.NaN(), IncrementalityFactor: rivOrUnknown(ch.MTA.IF)}
			if ch.MTA.ROAS != nil {
				m.ROAS = *ch.MTA.ROAS
			}
			rc.MTA = m
		}
		for _, q := range ch.Quarters {
			qr := report.QuarterRow{
				Quarter:                q.Quarter,
				Spend:                  q.Spend,
				MMMContribution:        riv(q.MMM),
				CalibratedContribution: rivp(q.Calibrated),
				MTAAttributed:          math.NaN(),
				IncrementalityFactor:   rivp(q.IF),
			}
			if q.MTAAttributed != nil {
				qr.MTAAttributed = *q.MTAAttributed
			}
			rc.Quarters = append(rc.Quarters, qr)
		}
		out[c] = rc
	}
	return out
}

func reconciledExperiments(rec *calibrate.Result, findings []lift.Finding) []report.Experiment {
	out := make([]report.Experiment, 0, len(rec.Experiments))
	for _, e := range rec.Experiments {
		re := report.Experiment{
			TestID:              e.TestID,
			Channel:             e.Channel,
			Channels:            combinedChannels(e.Channel),
			TestType:            e.Type,
			Start:               e.Start,
			End:                 e.End,
			Spend:               e.Spend,
			MeasuredIROAS:       riv(e.Measured),
			MeasuredIncremental: riv(e.Measured).Scale(e.Spend),
			MMMIROAS:            rivOrUnknown(e.MMM),
			CalibratedIROAS:     rivp(e.Calibrated),
			Z:                   e.Z,
			Used:                e.Used,
		}
		if e.Spend == 0 {
			// An organic channel's test: calibrate's "iROAS" fields hold the
			// contribution itself.
			re.MeasuredIncremental, re.MeasuredIROAS, re.MMMIROAS = riv(e.Measured), report.Unknown, report.Unknown
			re.MMMContribution, re.CalibratedContribution, re.CalibratedIROAS = rivp(e.MMM), rivp(e.Calibrated), nil
		}
		if e.IF != nil {
			v := report.Point(*e.IF)
			re.IncrementalityFactor = &v
		}
		if e.Disagrees {
			re.Flags = append(re.Flags, report.TestDisagreesFlag())
		}
		for _, f := range findings {
			if f.TestID == e.TestID && f.Severity != lift.Info {
				re.Flags = append(re.Flags, report.Flag{Code: string(f.Code), Message: f.Message})
			}
		}
		out = append(out, re)
	}
	return out
}

func suggestions(rec *calibrate.Result) []report.TestSuggestion {
	out := make([]report.TestSuggestion, 0, len(rec.TestNext))
	for _, s := range rec.TestNext {
		out = append(out, report.TestSuggestion{
			Channel:       s.Channel,
			Rank:          s.Rank,
			Score:         s.Score,
			Reason:        report.TestReason(boost(s.Boost), s.Spend, riv(s.ROI), s.ROISD),
			HoldoutShare:  s.HoldoutShare,
			Weeks:         s.Weeks,
			ExpectedSE:    s.ExpectedSE,
			CooldownWeeks: s.CooldownWeeks,
			Reaches:       s.Reaches,
			ROI:           riv(s.ROI),
		})
	}
	return out
}

// boost is the report's code of the flag that raised a suggestion's
// score, "" for none.
func boost(c calibrate.FlagCode) string {
	if c == 0 {
		return ""
	}
	return c.String()
}
