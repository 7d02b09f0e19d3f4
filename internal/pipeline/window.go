package pipeline

import (
	"fmt"
	"slices"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/panel"
)

// windowInfo describes the fit window for the data summary.
type windowInfo struct {
	before, after int // panel rows before and after the window
}

// applyWindow cuts the panel (and the extra columns) to model.window. The
// rows before the window become each channel's carry, so that they feed
// the carryover of the window's first periods without being fitted; rows
// after it are dropped.
func (in *Inputs) applyWindow() error {
	w := in.Config.Model.Window
	if !w.IsSet() {
		return nil
	}
	p := in.Panel
	s0, e0 := 0, len(p.Dates)
	if w.Start != 0 {
		s0, _ = slices.BinarySearch(p.Dates, w.Start)
	}
	if w.End != 0 {
		e0, _ = slices.BinarySearch(p.Dates, w.End+1)
	}
	if e0-s0 < 8 {
		return &config.Error{Problems: []string{fmt.Sprintf("model.window %v .. %v holds %d of the panel's periods (%v .. %v), want at least 8",
			w.Start, w.End, max(0, e0-s0), p.Dates[0], p.Dates[len(p.Dates)-1])}}
	}
	in.Carry = make([][]float64, len(p.Channels))
	for c := range p.Channels {
		drive := p.Spend[c]
		if c < len(p.Impressions) && p.Impressions[c] != nil {
			drive = p.Impressions[c]
		}
		in.Carry[c] = slices.Clone(drive[:s0])
	}
	if ex := in.Extras; ex != nil {
		// An R&F channel's carry is its reach (its units): its frequency
		// goes with it.
		in.CarryFrequency = make([][]float64, len(ex.freq))
		for c, f := range ex.freq {
			if f != nil {
				in.CarryFrequency[c] = slices.Clone(f[:s0])
			}
		}
	}
	in.window = windowInfo{before: s0, after: len(p.Dates) - e0}
	in.GeoCarry = geoCarry(p.Geos, in.paidChannels(), s0)
	in.Panel = slicePanel(p, s0, e0)
	in.Extras.slice(s0, e0)
	return nil
}

func slicePanel(p *panel.Panel, s0, e0 int) *panel.Panel {
	cut := func(v [][]float64) [][]float64 {
		out := make([][]float64, len(v))
		for i, s := range v {
			if s != nil {
				out[i] = s[s0:e0]
			}
		}
		return out
	}
	q := *p
	q.Dates, q.KPI = p.Dates[s0:e0], p.KPI[s0:e0]
	q.Spend, q.Impressions, q.Controls = cut(p.Spend), cut(p.Impressions), cut(p.Controls)
	q.Geos = sliceGeoPanel(p.Geos, s0, e0)
	return &q
}

func (ex *extras) slice(s0, e0 int) {
	if ex.rpk != nil {
		ex.rpk = ex.rpk[s0:e0]
	}
	for j := range ex.organic {
		ex.organic[j] = ex.organic[j][s0:e0]
	}
	for j := range ex.treatments {
		ex.treatments[j] = ex.treatments[j][s0:e0]
	}
	for _, geos := range ex.geoTreatments {
		for g := range geos {
			geos[g] = geos[g][s0:e0]
		}
	}
	for j, f := range ex.geoFactors {
		ex.geoFactors[j] = f.slice(s0, e0)
	}
	for c := range ex.freq {
		if ex.freq[c] != nil {
			ex.reach[c], ex.freq[c] = ex.reach[c][s0:e0], ex.freq[c][s0:e0]
		}
	}
	for j, f := range ex.factors {
		// Levels absent from the window would be constant indicators.
		vals := slices.Clone(f.values[s0:e0])
		ex.factors[j] = newFactor(f.column, vals)
	}
}
