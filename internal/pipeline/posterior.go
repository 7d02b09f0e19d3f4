package pipeline

import (
	"slices"

	"github.com/triad-mmm/triad/internal/tabular"
	"github.com/triad-mmm/triad/mmm"
)

// posteriorFile holds every posterior draw of the run's fits.
const posteriorFile = "posterior.parquet"

// Fit labels of posterior.parquet's fit column.
const (
	fitAlone      = "mmm"
	fitCalibrated = "calibrated"
)

// posteriorTable lays out the draws of f's fits, one row per fit × draw:
// fit ("mmm" or "calibrated"), chain and draw (from 0), every parameter
// (mmm.Posterior.DrawNames) and each channel's roi_total[c],
// mroi[c] and contribution[c] over the whole panel. A parameter one fit
// lacks is null in its rows.
func posteriorTable(source string, f *fitted) *tabular.Table {
	fits := []posterior{f.alone}
	labels := []string{fitAlone}
	if f.calibrated != nil {
		fits, labels = append(fits, f.calibrated), append(labels, fitCalibrated)
	}
	var names []string
	n := 0
	for _, p := range fits {
		for _, name := range p.DrawNames() {
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
		n += p.Draws()
	}
	t := tabular.NewTable(source, n)
	fit, chain, draw := make([]string, 0, n), make([]float64, 0, n), make([]float64, 0, n)
	for i, p := range fits {
		ch, dr := p.DrawIndex()
		for d := range ch {
			fit, chain, draw = append(fit, labels[i]), append(chain, float64(ch[d])), append(draw, float64(dr[d]))
		}
	}
	t.SetStrings("fit", fit, nil)
	t.SetFloats("chain", chain, nil)
	t.SetFloats("draw", draw, nil)
	for _, name := range names {
		col, valid := stack(fits, n, func(p posterior) []float64 { return p.ParamDraws(name) })
		t.SetFloats(name, col, valid)
	}
	effects := make([][]mmm.ChannelDraws, len(fits))
	for i, p := range fits {
		for c := range f.data.Channels {
			effects[i] = append(effects[i], p.ChannelDraws(c))
		}
	}
	for c, name := range f.data.Channels {
		for _, e := range []struct {
			col string
			get func(mmm.ChannelDraws) []float64
		}{
			{"roi_total", func(d mmm.ChannelDraws) []float64 { return d.ROI }},
			{"mroi", func(d mmm.ChannelDraws) []float64 { return d.MROI }},
			{"contribution", func(d mmm.ChannelDraws) []float64 { return d.Contribution }},
		} {
			col := make([]float64, 0, n)
			for i := range fits {
				col = append(col, e.get(effects[i][c])...)
			}
			t.SetFloats(e.col+"["+name+"]", col, nil)
		}
	}
	return t
}

// stack concatenates get's draws of each fit; a fit for which get returns
// nil gives null rows (valid is nil when every row is valid).
func stack(fits []posterior, n int, get func(posterior) []float64) ([]float64, []bool) {
	col := make([]float64, 0, n)
	var valid []bool
	for _, p := range fits {
		v := get(p)
		if v == nil {
			if valid == nil {
				valid = make([]bool, len(col), n)
				for i := range valid {
					valid[i] = true
				}
			}
			col = append(col, make([]float64, p.Draws())...)
			valid = append(valid, make([]bool, p.Draws())...)
			continue
		}
		col = append(col, v...)
		if valid != nil {
			for range v {
				valid = append(valid, true)
			}
		}
	}
	return col, valid
}
