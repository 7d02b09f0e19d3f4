package pipeline

import (
	"context"
	"fmt"

	"github.com/triad-mmm/triad/calibrate"
	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/outdir"
	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/mta"
)

// writeDecomposition writes the per-period decomposition of the final fit:
// actual, fitted with its interval, baseline, controls and each channel.
// A geo fit adds a geo column: the national rows (geo null) and then each
// geo's rows, in the order of names.
func writeDecomposition(path string, d mmm.Decomposition, geos []mmm.Decomposition, names []string) error {
	parts := append([]mmm.Decomposition{d}, geos...)
	n := 0
	for _, p := range parts {
		n += len(p.Dates)
	}
	t := tabular.NewTable(path, n)
	var (
		dates                                []civil.Date
		actual, mean, lo, hi, base, controls []float64
		holdout                              []bool
		geo                                  []string
		geoValid                             []bool
	)
	media := make([][]float64, len(d.Channels))
	for k, p := range parts {
		dates, actual = append(dates, p.Dates...), append(actual, p.Actual...)
		for i, iv := range p.Fitted {
			mean, lo, hi = append(mean, iv.Mean), append(lo, iv.Lo), append(hi, iv.Hi)
			holdout = append(holdout, p.HoldoutStart >= 0 && i >= p.HoldoutStart)
			name := ""
			if k > 0 {
				name = names[k-1]
			}
			geo, geoValid = append(geo, name), append(geoValid, k > 0)
		}
		base, controls = append(base, p.Baseline...), append(controls, p.Controls...)
		for c := range media {
			media[c] = append(media[c], p.Media[c]...)
		}
	}
	t.SetDates("date", dates, nil)
	if len(geos) > 0 {
		t.SetStrings("geo", geo, geoValid)
	}
	t.SetFloats("actual", actual, nil)
	t.SetFloats("fitted", mean, nil)
	t.SetFloats("fitted_lo", lo, nil)
	t.SetFloats("fitted_hi", hi, nil)
	t.SetFloats("baseline", base, nil)
	t.SetFloats("controls", controls, nil)
	for c, name := range d.Channels {
		t.SetFloats("media_"+name, media[c], nil)
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
