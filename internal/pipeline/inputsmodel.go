package pipeline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/mmm"
)

// modelData hands the panel and its extra columns to the model: factor
// levels and treatments join the controls (after the configured ones).
func (in *Inputs) modelData() mmm.Data {
	d := modelData(in.Panel)
	unitsData(&d, in.Panel.Impressions)
	in.frequencyData(&d)
	d.Carry = in.Carry
	ex := in.Extras
	if ex == nil {
		return d
	}
	d.ControlNames = append([]string(nil), d.ControlNames...)
	d.Controls = append([][]float64(nil), d.Controls...)
	for _, f := range ex.factors {
		for _, l := range f.levels {
			d.ControlNames = append(d.ControlNames, factorControl(f.column, l))
			d.Controls = append(d.Controls, f.indicator(l))
		}
	}
	for j, t := range in.Config.Model.Treatments {
		d.ControlNames = append(d.ControlNames, t.Name)
		d.Controls = append(d.Controls, ex.treatments[j])
	}
	return d
}

// factorControl names the indicator of one level of a factor column.
func factorControl(column, level string) string { return column + "[" + level + "]" }

// summaryInputs writes the data summary's lines for the inputs keys.
func (in *Inputs) summaryInputs(b *strings.Builder) {
	ex, m := in.Extras, in.Config.Model
	if ex == nil {
		return
	}
	if ex.rpk != nil {
		src := "constant"
		if m.RevenuePerKPI.Column != "" {
			src = "column " + m.RevenuePerKPI.Column
		}
		fmt.Fprintf(b, "revenue   per %s: %s (%s, KPI-weighted mean); the KPI is fitted as a count\n",
			in.Panel.KPIName, human(weightedMean(ex.rpk, in.Panel.KPI)), src)
	}
	for _, f := range ex.factors {
		ref := f.reference
		if ref == "" {
			ref = "empty/na"
		}
		fmt.Fprintf(b, "factor    %s: levels %s (reference %s)\n", f.column, strings.Join(f.levels, ", "), ref)
	}
	for j, t := range m.Treatments {
		col := ex.treatments[j]
		fmt.Fprintf(b, "treatment %s (column %s): baseline %s, range %s .. %s\n", t.Name, t.Column,
			human(t.BaselineValue(slices.Min(col), slices.Max(col))), human(slices.Min(col)), human(slices.Max(col)))
	}
}
