package pipeline

import (
	"slices"

	"github.com/triad-mmm/triad/internal/panel"
)

// geoCarry returns, for a geo panel, each channel's drive per geo in the
// s0 rows before model.window: its spend, or an organic channel's (from
// paid on) units, as geoData drives the geo model. Nil for a national
// panel.
func geoCarry(gp *panel.GeoPanel, paid, s0 int) [][][]float64 {
	if gp == nil {
		return nil
	}
	var out [][][]float64
	for c := range gp.Spend[0] {
		geos := make([][]float64, gp.Len())
		for g := range geos {
			src := gp.Spend[g][c]
			if c >= paid {
				src = gp.Impressions[g][c]
			}
			geos[g] = slices.Clone(src[:s0])
		}
		out = append(out, geos)
	}
	return out
}

// sliceGeoPanel cuts every geo's series to the periods [s0, e0).
func sliceGeoPanel(gp *panel.GeoPanel, s0, e0 int) *panel.GeoPanel {
	if gp == nil {
		return nil
	}
	q := *gp
	rows := func(v [][]float64) [][]float64 {
		out := make([][]float64, len(v))
		for i, s := range v {
			if s != nil {
				out[i] = s[s0:e0]
			}
		}
		return out
	}
	q.Population, q.KPI = rows(gp.Population), rows(gp.KPI)
	q.Spend, q.Impressions, q.Controls = make([][][]float64, gp.Len()), make([][][]float64, gp.Len()), make([][][]float64, gp.Len())
	q.Rows = make([][]int, gp.Len())
	for g := range gp.Names {
		q.Spend[g], q.Impressions[g], q.Controls[g] = rows(gp.Spend[g]), rows(gp.Impressions[g]), rows(gp.Controls[g])
		q.Rows[g] = gp.Rows[g][s0:e0]
	}
	return &q
}
