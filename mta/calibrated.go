package mta

import (
	"context"
	"fmt"
	"math"

	"github.com/triad-mmm/triad/internal/tabular"
)

// Stats summarises a WriteCalibrated run. Rows = Calibrated + Unmapped +
// NoFactor + Outside + OtherModel + NullValue.
type Stats struct {
	Rows       int
	Calibrated int // rows written with a calibrated value
	Unmapped   int // channel without an MMM channel
	NoFactor   int // mapped, but the factor function had none for the channel and period
	Outside    int // dated outside the panel
	OtherModel int // attribution model other than Spec.UseModel
	NullValue  int // no attributed value
	// Attributed sums the attributed KPI of the calibrated rows and
	// CalibratedTotal their calibrated values.
	Attributed, CalibratedTotal float64
}

// Column names WriteCalibrated adds.
const (
	FactorColumn     = "incrementality_factor"
	MMMChannelColumn = "mmm_channel"
	calibratedSuffix = "_calibrated"
)

// CalibratedColumn returns the name of the calibrated value column.
func CalibratedColumn(spec Spec) string { return spec.withDefaults().Value + calibratedSuffix }

// WriteCalibrated streams the MTA export src into dst (format by dst's
// extension, written atomically), keeping every row and the columns Spec
// names, and adding mmm_channel, incrementality_factor and
// <value>_calibrated = attributed × factor(geo, channel, period of the
// row's date), geo being the row's geo when Spec.Geo is set and "" otherwise
// (so a factor function can use a geo's own factor where it has one). Rows without a factor (unmapped channel, date outside the panel, a
// channel the model gives no factor for, another attribution model) keep
// null in the added columns: they are never dropped. Other columns of src
// are not carried over. It checks ctx between batches and, once ctx is
// done, stops, removes what it wrote and returns ctx's error.
func WriteCalibrated(ctx context.Context, dst, src string, spec Spec, m Mapping, cal Calendar,
	factor func(geo string, channel, period int) (float64, bool)) (Stats, error) {
	s := spec.withDefaults()
	calCol := CalibratedColumn(s)
	for _, c := range columns(s) {
		if c.Name == calCol || c.Name == FactorColumn || c.Name == MMMChannelColumn {
			return Stats{}, fmt.Errorf("mta: column %q of the export clashes with a column WriteCalibrated adds", c.Name)
		}
	}
	var (
		st     Stats
		w      *tabular.Writer
		lookup = map[string]int{}
	)
	channels := m.Channels()
	err := tabular.Scan(src, columns(s), batchRows, func(t *tabular.Table) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		out := calibrate(t, s, m, cal, factor, channels, lookup, &st)
		if w == nil {
			var err error
			if w, err = tabular.Create(dst, out); err != nil {
				return err
			}
		}
		return w.Write(out)
	})
	if err != nil {
		if w != nil {
			w.Abort()
		}
		return Stats{}, err
	}
	if w == nil {
		return Stats{}, fmt.Errorf("mta: %s produced no batches", src)
	}
	if err := w.Close(); err != nil {
		return Stats{}, err
	}
	return st, nil
}

// calibrate returns batch t with the three added columns.
func calibrate(t *tabular.Table, s Spec, m Mapping, cal Calendar, factor func(string, int, int) (float64, bool),
	channels []string, lookup map[string]int, st *Stats) *tabular.Table {
	n := t.Len()
	out := tabular.NewTable(t.Source, n)
	out.FirstRow = t.FirstRow
	for _, name := range t.Names() {
		valid := make([]bool, n)
		for i := range valid {
			valid[i] = t.Valid(name, i)
		}
		switch k, _ := t.KindOf(name); k {
		case tabular.Float:
			out.SetFloats(name, t.Floats(name), valid)
		case tabular.String:
			out.SetStrings(name, t.Strings(name), valid)
		case tabular.Date:
			out.SetDates(name, t.Dates(name), valid)
		case tabular.Bool:
			out.SetBools(name, t.Bools(name), valid)
		}
	}
	mmm := make([]string, n)
	mmmValid := make([]bool, n)
	fac := make([]float64, n)
	calv := make([]float64, n)
	ok := make([]bool, n)
	dates, names, values, models := t.Dates(s.Date), t.Strings(s.Channel), t.Floats(s.Value), t.Strings(s.Model)
	geos := t.Strings(s.Geo)
	for i := 0; i < n; i++ {
		st.Rows++
		c, known := lookup[names[i]]
		if !known {
			var found bool
			if c, found = m.Lookup(names[i]); !found || !t.Valid(s.Channel, i) {
				c = -1
			}
			lookup[names[i]] = c
		}
		if c >= 0 {
			mmm[i], mmmValid[i] = channels[c], true
		}
		p, in := cal.Index(dates[i])
		switch {
		case s.UseModel != "" && models != nil && (!t.Valid(s.Model, i) || models[i] != s.UseModel):
			st.OtherModel++
			continue
		case c < 0:
			st.Unmapped++
			continue
		case !t.Valid(s.Date, i) || !in:
			st.Outside++
			continue
		case !t.Valid(s.Value, i):
			st.NullValue++
			continue
		}
		geo := ""
		if geos != nil && t.Valid(s.Geo, i) {
			geo = geos[i]
		}
		f, has := factor(geo, c, p)
		if !has || math.IsNaN(f) || math.IsInf(f, 0) {
			st.NoFactor++
			continue
		}
		fac[i], calv[i], ok[i] = f, values[i]*f, true
		st.Calibrated++
		st.Attributed += values[i]
		st.CalibratedTotal += calv[i]
	}
	out.SetStrings(MMMChannelColumn, mmm, mmmValid)
	out.SetFloats(FactorColumn, fac, ok)
	out.SetFloats(CalibratedColumn(s), calv, ok)
	return out
}
