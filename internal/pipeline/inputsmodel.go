package pipeline

import "github.com/triad-mmm/triad/mmm"

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
