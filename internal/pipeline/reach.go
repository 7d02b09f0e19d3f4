package pipeline

import (
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/mmm"
	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// applyReach makes each reach and frequency channel's reach its media
// units, so that everything that scales a channel's drive (counterfactual
// lifts, response curves, forecasts) scales its reach at the same
// frequency, as Meridian does.
func (in *Inputs) applyReach() error {
	ex, p := in.Extras, in.Panel
	if ex == nil || ex.reach == nil {
		return nil
	}
	if p.Geos != nil {
		return &config.Error{Problems: []string{"model.channels: reach and frequency need a national panel (drop model.geo, or give the channel impressions)"}}
	}
	for c, r := range ex.reach {
		if r != nil {
			p.Impressions[c] = r
		}
	}
	return nil
}

// frequencyData hands the reach and frequency channels' frequency to the
// model (mmm.Data.Frequency; Units holds the reach).
func (in *Inputs) frequencyData(d *mmm.Data) {
	if in.Extras != nil && in.Extras.freq != nil {
		d.Frequency = in.Extras.freq
		d.CarryFrequency = in.CarryFrequency
	}
}

// reachData sets an R&F channel's reach and average frequency in the
// data summary (impressions-weighted: Σ reach·frequency / Σ reach).
func (in *Inputs) reachData(c int, dc *report.DataChannel) {
	if in.Extras == nil || c >= len(in.Extras.freq) || in.Extras.freq[c] == nil {
		return
	}
	ch := in.Config.Model.Channels[c]
	reach := in.Extras.reach[c]
	imps := 0.0
	for t, r := range reach {
		imps += r * in.Extras.freq[c][t]
	}
	dc.Reach, dc.ReachColumn = stat.Sum(reach), ch.Reach
	dc.Frequency, dc.FrequencyColumn = imps/stat.Sum(reach), ch.Frequency
}

// frequencyOptimiser is a posterior that knows R&F channels' optimal
// frequency (the national one).
type frequencyOptimiser interface {
	OptimalFrequency(c int, level float64) (mmm.OptimalFrequency, bool)
}

// addOptimalFrequency sets the optimal frequency of every R&F channel in
// the report's estimates e from posterior p.
func addOptimalFrequency(e *report.ChannelEstimates, p posterior, c int, level float64) {
	fo, ok := p.(frequencyOptimiser)
	if !ok || e == nil {
		return
	}
	of, ok := fo.OptimalFrequency(c, level)
	if !ok {
		return
	}
	e.OptimalFrequency = &report.OptimalFrequency{Frequency: riv(of.Frequency), ROI: riv(of.ROI), Current: of.Current}
}
