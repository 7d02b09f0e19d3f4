package simulate

import (
	"slices"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// Truth is what the world's analyst would like to know. It is written as
// truth.json.
type Truth struct {
	Seed  uint64     `json:"seed"`
	Weeks int        `json:"weeks"`
	Start civil.Date `json:"start"`
	End   civil.Date `json:"end"` // last day covered
	// KPITotal is Σ revenue; Media the true total media contribution.
	KPITotal float64 `json:"kpi_total"`
	Media    float64 `json:"media_contribution"`
	// MediaShare is Media / Σ noiseless revenue (the drawn share).
	MediaShare float64 `json:"media_share"`
	// BaselineShare is the non-media part of noiseless revenue
	// (baseline and controls): 1 − MediaShare.
	BaselineShare float64 `json:"baseline_share"`
	NoiseSD       float64 `json:"noise_sd"`
	NoiseRelative float64 `json:"noise_relative"`
	// MTAAttributed is Σ attributed revenue of all MTA rows, mapped or not.
	MTAAttributed float64          `json:"mta_attributed_total"`
	Channels      []ChannelSummary `json:"channels"`
	Tests         []TestTruth      `json:"tests"`
	Baseline      BaselineTruth    `json:"baseline"`
	Controls      []ControlTruth   `json:"controls"`
	Unmapped      []UnmappedTruth  `json:"unmapped_mta"`
	Series        Series           `json:"series"`
	// Geos is a geo world's truth per geo and channel (absent otherwise).
	// In a geo world Baseline.Level and the control coefficients are per
	// capita, and each channel's Response is its per-capita response at
	// effect 1 (see Geo).
	Geos []GeoSummary `json:"geos,omitempty"`
}

// GeoSummary is one geo's truth over the whole panel.
type GeoSummary struct {
	Name       string  `json:"name"`
	Population float64 `json:"population"`
	KPITotal   float64 `json:"kpi_total"`
	// Intercept is the geo's baseline per capita relative to the national
	// level; NoiseRelative its noise SD relative to its mean revenue.
	Intercept     float64             `json:"intercept"`
	NoiseRelative float64             `json:"noise_relative"`
	Channels      []GeoChannelSummary `json:"channels"`
}

// GeoChannelSummary is one channel's truth in one geo. Effect is
// exp(η_c·z_gc), the geo's multiplier of the channel's per-capita β.
type GeoChannelSummary struct {
	Name                 string   `json:"name"`
	Spend                float64  `json:"spend"`
	Contribution         float64  `json:"contribution"`
	ROI                  *float64 `json:"roi"` // null without spend
	Effect               float64  `json:"effect"`
	MTAAttributed        *float64 `json:"mta_attributed"`
	IncrementalityFactor *float64 `json:"incrementality_factor"`
}

// ChannelSummary is one channel's truth over the whole panel.
type ChannelSummary struct {
	Name     string  `json:"name"`
	Type     string  `json:"type"` // online | offline
	Platform string  `json:"mta_channel,omitempty"`
	Spend    float64 `json:"spend"`
	// Contribution is the true revenue due to the channel over the panel;
	// ROI = Contribution/Spend.
	Contribution float64 `json:"contribution"`
	ROI          float64 `json:"roi"`
	// MROI is the marginal ROI: the extra contribution of +1% spend in
	// every week, per unit of the extra spend.
	MROI float64 `json:"mroi"`
	// MTAAttributed and IncrementalityFactor (Contribution/MTAAttributed)
	// are null for offline channels.
	MTAAttributed        *float64  `json:"mta_attributed"`
	IncrementalityFactor *float64  `json:"incrementality_factor"`
	Response             Response  `json:"response"`
	AdstockWeights       []float64 `json:"adstock_weights"`
	// GeoEta is η_c, the SD of the channel's log effect across geos, in a
	// geo world.
	GeoEta *float64 `json:"geo_eta,omitempty"`
}

// UnmappedTruth is an MTA platform with no MMM channel.
type UnmappedTruth struct {
	Platform   string  `json:"mta_channel"`
	Rows       int     `json:"rows"`
	Attributed float64 `json:"attributed"`
}

// Series are the weekly components of revenue: KPI = Baseline + Σ Controls
// + Σ channel contributions + Noise.
type Series struct {
	Dates         []civil.Date  `json:"dates"`
	Baseline      []float64     `json:"baseline"`
	Controls      []NamedSeries `json:"controls"`
	Contributions []NamedSeries `json:"contributions"`
	Noise         []float64     `json:"noise"`
}

// NamedSeries is one named weekly series.
type NamedSeries struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
}

type truthInputs struct {
	share, noiseRel, noiseSD float64
	base                     BaselineTruth
	controls                 []ControlTruth
	baseline                 []float64
	controlEffects           [][]float64
	noise                    []float64
	tests                    []TestTruth
}

func (w *World) summarise(in truthInputs) Truth {
	T := len(w.Dates)
	tr := Truth{
		Seed: w.Options.Seed, Weeks: T, Start: w.Dates[0], End: w.Dates[T-1].AddDays(6),
		KPITotal: stat.Sum(w.KPI), MediaShare: in.share, BaselineShare: 1 - in.share,
		NoiseSD: in.noiseSD, NoiseRelative: in.noiseRel,
		Tests: in.tests, Baseline: in.base, Controls: in.controls,
		Series: Series{Dates: w.Dates, Baseline: in.baseline, Noise: in.noise},
	}
	for j, name := range w.ControlNames {
		tr.Series.Controls = append(tr.Series.Controls, NamedSeries{Name: name, Values: in.controlEffects[j]})
	}
	attributed := map[string]float64{}
	rows := map[string]int{}
	for _, r := range w.MTA {
		attributed[r.Channel] += r.AttributedRevenue
		rows[r.Channel]++
		tr.MTAAttributed += r.AttributedRevenue
	}
	for c, ch := range w.Channels {
		s := ChannelSummary{
			Name: ch.Name, Type: "online", Platform: ch.Platform,
			Spend: stat.Sum(ch.Spend), Contribution: stat.Sum(ch.Contribution),
			Response: ch.Response, AdstockWeights: ch.Response.Adstock.Weights(),
		}
		s.ROI = s.Contribution / s.Spend
		s.MROI = w.MarginalROI(c)
		if ch.Offline {
			s.Type = "offline"
		} else {
			a := attributed[ch.Platform]
			f := s.Contribution / a
			s.MTAAttributed, s.IncrementalityFactor = &a, &f
		}
		tr.Media += s.Contribution
		tr.Channels = append(tr.Channels, s)
		tr.Series.Contributions = append(tr.Series.Contributions, NamedSeries{Name: ch.Name, Values: ch.Contribution})
	}
	for k := range tr.Tests {
		tt := &tr.Tests[k]
		ch := w.Channels[w.Channel(tt.Channel)]
		if ch.Offline {
			continue
		}
		var a float64
		from, to := w.Dates[tt.StartWeek], w.Dates[tt.EndWeek].AddDays(6)
		for _, r := range w.MTA {
			if r.Channel == ch.Platform && r.Date >= from && r.Date <= to && (tt.Geos == nil || slices.Contains(tt.Geos, r.Geo)) {
				a += r.AttributedRevenue
			}
		}
		if tt.Geos == nil {
			a *= tt.Scope * tt.Moved
		}
		f := tt.Lift / a
		tt.MTAAttributed, tt.IncrementalityFactor = &a, &f
	}
	tr.Unmapped = []UnmappedTruth{{Platform: unmappedPlatform, Rows: rows[unmappedPlatform], Attributed: attributed[unmappedPlatform]}}
	return tr
}

// MarginalROI returns channel c's true marginal ROI: the extra
// contribution of 1% more spend in every week, per unit of extra spend.
func (w *World) MarginalROI(c int) float64 {
	ch := w.Channels[c]
	up := make([]float64, len(ch.Spend))
	for t, v := range ch.Spend {
		up[t] = 1.01 * v
	}
	return (w.TrueContribution(c, up) - stat.Sum(ch.Contribution)) / (0.01 * stat.Sum(ch.Spend))
}

// TrueIF returns the true incrementality factor of channel c over the days
// from..to (inclusive): Σ true contribution / Σ MTA-attributed revenue of
// its platform's rows in those days. ok is false for offline channels or
// when nothing is attributed. For quarterly factors pass quarter bounds.
func (w *World) TrueIF(c int, from, to civil.Date) (f float64, ok bool) {
	if c < 0 || c >= len(w.Channels) || w.Channels[c].Offline {
		return 0, false
	}
	p := w.Channels[c].Platform
	var num, den float64
	for _, r := range w.MTA {
		if r.Channel == p && r.Date >= from && r.Date <= to {
			num += r.TrueRevenue
			den += r.AttributedRevenue
		}
	}
	if den == 0 {
		return 0, false
	}
	return num / den, true
}
