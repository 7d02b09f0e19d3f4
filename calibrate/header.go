package calibrate

import "github.com/triad-mmm/triad/stat"

// Header holds the report's headline numbers.
type Header struct {
	TotalKPI      float64
	MTAAttributed float64 // Σ over the channels MTA sees
	// OverClaim = Σ MTA attributed / final media contribution of the
	// channels MTA sees, per draw; nil without MTA. Above 1 MTA credits
	// more than the media caused.
	OverClaim *Interval
	// MediaContribution is the final fit's contribution of all channels.
	MediaContribution Interval
	// BaselineShare = 1 − media contribution / total KPI: everything the
	// media did not cause (intercept, trend, seasonality, controls and
	// noise), as a share of the KPI.
	BaselineShare *Interval
}

func header(in Input, chs []ChannelResult) Header {
	h := Header{TotalKPI: stat.Sum(in.KPI)}
	draws := len(in.Channels[0].final())
	media := make([]float64, draws)
	visible := make([]float64, draws)
	seen := false
	for c, ch := range in.Channels {
		tot := chs[c].finalTotal
		for i, v := range tot {
			media[i] += v
		}
		if ch.MTA != nil {
			seen = true
			h.MTAAttributed += stat.Sum(ch.MTA)
			for i, v := range tot {
				visible[i] += v
			}
		}
	}
	h.MediaContribution = orZero(stat.Summarize(media, in.Level))
	if seen {
		over := make([]float64, draws)
		for i, v := range visible {
			over[i] = nan()
			if v > 0 {
				over[i] = h.MTAAttributed / v
			}
		}
		h.OverClaim = interval(over, in.Level)
	}
	if h.TotalKPI > 0 {
		share := make([]float64, draws)
		for i, m := range media {
			share[i] = 1 - m/h.TotalKPI
		}
		h.BaselineShare = interval(share, in.Level)
	}
	return h
}
