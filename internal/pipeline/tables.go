package pipeline

import (
	"context"
	"fmt"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/mta"
)

// writeDecomposition writes the per-period decomposition of the final fit:
// actual, fitted with its interval, baseline, controls and each channel.
func writeDecomposition(path string, d mmm.Decomposition) error {
	t := tabular.NewTable(path, len(d.Dates))
	t.SetDates("date", d.Dates, nil)
	t.SetFloats("actual", d.Actual, nil)
	mean, lo, hi := make([]float64, len(d.Fitted)), make([]float64, len(d.Fitted)), make([]float64, len(d.Fitted))
	for i, iv := range d.Fitted {
		mean[i], lo[i], hi[i] = iv.Mean, iv.Lo, iv.Hi
	}
	t.SetFloats("fitted", mean, nil)
	t.SetFloats("fitted_lo", lo, nil)
	t.SetFloats("fitted_hi", hi, nil)
	t.SetFloats("baseline", d.Baseline, nil)
	t.SetFloats("controls", d.Controls, nil)
	for c, name := range d.Channels {
		t.SetFloats("media_"+name, d.Media[c], nil)
	}
	holdout := make([]bool, len(d.Dates))
	for i := range holdout {
		holdout[i] = d.HoldoutStart >= 0 && i >= d.HoldoutStart
	}
	t.SetBools("holdout", holdout, nil)
	if err := tabular.Write(path, t); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

// writeCalibratedMTA rewrites the MTA export with each row's attributed
// KPI multiplied by its channel's incrementality factor for the quarter the
// row falls in (the whole-period factor where a quarter has none), into
// the generation g.
func writeCalibratedMTA(ctx context.Context, g *outdir.Generation, in *Inputs, a *analysis, opts Options) error {
	cal := in.Panel.Calendar
	quarterOf := make([]string, cal.Periods())
	for t, d := range cal.Dates {
		quarterOf[t] = calibrate.Quarter(d)
	}
	factor := func(geo string, c, period int) (float64, bool) {
		ch := a.rec.Channels[c]
		if ch.MTA == nil || in.isOffline(c) {
			return 0, false
		}
		if f, ok := a.geoFactor(geo, c); ok {
			return f, true
		}
		for _, q := range ch.Quarters {
			if q.Quarter == quarterOf[period] && q.IF != nil {
				return q.IF.Mean, true
			}
		}
		if ch.MTA.IF != nil {
			return ch.MTA.IF.Mean, true
		}
		return 0, false
	}
	outs := []string{calibratedParquet}
	if in.Config.MTA.CalibratedCSV {
		outs = append(outs, calibratedCSV)
	}
	for _, out := range outs {
		st, err := mta.WriteCalibrated(ctx, g.Path(out), in.Config.Data.MTA, mtaSpec(in.Config), in.Mapping, in.Panel, factor)
		if err != nil && ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if n := st.Rows - st.Calibrated; n > 0 {
			opts.info(fmt.Sprintf("%s: %d of %d MTA rows have no calibrated value (unmapped %d, outside the panel %d, no factor %d, other model %d, no value %d)",
				out, n, st.Rows, st.Unmapped, st.Outside, st.NoFactor, st.OtherModel, st.NullValue))
		}
	}
	return nil
}
