package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// Geo is one geo of a geo-level fit: its size and each channel's spend,
// return and contribution in it, with the model's fit there.
type Geo struct {
	Name string `json:"name"`
	// Population is the geo's mean population over the panel (its mean
	// KPI when the panel has no population column: see Report.GeoNote);
	// NaN (null) when unknown.
	Population float64      `json:"population"`
	Channels   []GeoChannel `json:"channels"`
	// Fit is the model's fit in the geo; nil when unknown.
	Fit *GeoFit `json:"fit"`
}

// GeoChannel is one channel in one geo, from the calibrated model (the MMM
// alone without calibration).
type GeoChannel struct {
	Name         string   `json:"name"`
	Spend        float64  `json:"spend"`
	ROI          Interval `json:"roi"`
	Contribution Interval `json:"contribution"`
	// IncrementalityFactor is the geo's contribution over its MTA
	// attribution; null without a geo MTA export.
	IncrementalityFactor Interval `json:"incrementality_factor"`
}

// GeoFit is the model's in-sample fit in one geo.
type GeoFit struct {
	R2    float64 `json:"r2"`
	MAPE  float64 `json:"mape"` // a fraction
	NRMSE float64 `json:"nrmse"`
}

// geosBySize returns the report's geos, biggest population first (unknown
// populations last, then by name), without changing r.Geos.
func (r *Report) geosBySize() []Geo {
	gs := slices.Clone(r.Geos)
	slices.SortStableFunc(gs, func(a, b Geo) int {
		ka, kb := stat.Finite(a.Population), stat.Finite(b.Population)
		switch {
		case ka && kb && a.Population != b.Population:
			return cmp.Compare(b.Population, a.Population)
		case ka != kb:
			if ka {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return gs
}

// geoIntro says what the geo section holds.
func geoIntro(r *Report) string {
	s := fmt.Sprintf("The model was fitted geo by geo on %d geos; geos are listed biggest first.", len(r.Geos))
	if r.GeoNote != "" {
		s += " " + r.GeoNote + "."
	}
	return s
}

// geoTable is one row per geo and channel.
func geoTable(r *Report) table {
	eff := r.effName()
	t := table{Head: []string{"geo", "population", "channel", "spend", eff, "contribution", "IF"}, Align: "lrlrrrr"}
	for _, g := range r.geosBySize() {
		for _, c := range g.Channels {
			e := r.efficiency(c.Spend, ChannelEstimates{ROI: c.ROI, Contribution: c.Contribution})
			t.Rows = append(t.Rows, []string{g.Name, formatCompact(g.Population), c.Name, formatCompact(c.Spend),
				formatInterval(e, formatSig), formatInterval(c.Contribution, formatCompact),
				formatInterval(c.IncrementalityFactor, formatSig)})
		}
	}
	return t
}

// geoFitTable is the fit per geo.
func geoFitTable(r *Report) table {
	t := table{Head: []string{"geo", "population", "R²", "MAPE", "NRMSE"}, Align: "lrrrr"}
	for _, g := range r.geosBySize() {
		if g.Fit == nil {
			continue
		}
		t.Rows = append(t.Rows, []string{g.Name, formatCompact(g.Population), formatSig(g.Fit.R2),
			formatPct(g.Fit.MAPE), formatSig(g.Fit.NRMSE)})
	}
	return t
}

// geoExperiments are the experiments run on named geos.
func (r *Report) geoExperiments() []Experiment {
	var out []Experiment
	for _, e := range r.Experiments {
		if len(e.Geos) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// writeGeoMarkdown writes the geo tables, collapsed: they run to one row
// per geo and channel.
func writeGeoMarkdown(b *strings.Builder, r *Report) {
	if len(r.Geos) == 0 {
		return
	}
	fmt.Fprintf(b, "## Geos\n\n%s\n\n", mdText(geoIntro(r)))
	t := geoTable(r)
	fmt.Fprintf(b, "<details><summary>%s by geo and channel (%d rows)</summary>\n\n", r.effName(), len(t.Rows))
	mdTable(b, t)
	b.WriteString("</details>\n\n")
	if f := geoFitTable(r); len(f.Rows) > 0 {
		fmt.Fprintf(b, "<details><summary>Fit by geo (%d geos)</summary>\n\n", len(f.Rows))
		mdTable(b, f)
		b.WriteString("</details>\n\n")
	}
}
