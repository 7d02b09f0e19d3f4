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

// GeoDecomposition is one geo's per-period decomposition in a geo-level
// fit.
type GeoDecomposition struct {
	Geo string
	mmm.Decomposition
}

// writeDecomposition writes the per-period decomposition of the final fit:
// actual, fitted with its interval, baseline, controls and each channel.
// With geos, a first column geo is added: the national rows (geo empty)
// come first, then each geo's rows in order.
func writeDecomposition(path string, d mmm.Decomposition, geos []GeoDecomposition) error {
	parts := append([]GeoDecomposition{{Decomposition: d}}, geos...)
	n := 0
	for _, p := range parts {
		n += len(p.Dates)
	}
	t := tabular.NewTable(path, n)
	if len(geos) > 0 {
		names, valid := make([]string, 0, n), make([]bool, 0, n)
		for _, p := range parts {
			for range p.Dates {
				names, valid = append(names, p.Geo), append(valid, p.Geo != "")
			}
		}
		t.SetStrings("geo", names, valid)
	}
	col := func(f func(p GeoDecomposition, i int) float64) []float64 {
		out := make([]float64, 0, n)
		for _, p := range parts {
			for i := range p.Dates {
				out = append(out, f(p, i))
			}
		}
		return out
	}
	var dates []civil.Date
	var holdout []bool
	for _, p := range parts {
		dates = append(dates, p.Dates...)
		for i := range p.Dates {
			holdout = append(holdout, p.HoldoutStart >= 0 && i >= p.HoldoutStart)
		}
	}
	t.SetDates("date", dates, nil)
	t.SetFloats("actual", col(func(p GeoDecomposition, i int) float64 { return p.Actual[i] }), nil)
	t.SetFloats("fitted", col(func(p GeoDecomposition, i int) float64 { return p.Fitted[i].Mean }), nil)
	t.SetFloats("fitted_lo", col(func(p GeoDecomposition, i int) float64 { return p.Fitted[i].Lo }), nil)
	t.SetFloats("fitted_hi", col(func(p GeoDecomposition, i int) float64 { return p.Fitted[i].Hi }), nil)
	t.SetFloats("baseline", col(func(p GeoDecomposition, i int) float64 { return p.Baseline[i] }), nil)
	t.SetFloats("controls", col(func(p GeoDecomposition, i int) float64 { return p.Controls[i] }), nil)
	for c, name := range d.Channels {
		t.SetFloats("media_"+name, col(func(p GeoDecomposition, i int) float64 { return p.Media[c][i] }), nil)
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
