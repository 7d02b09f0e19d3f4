package pipeline

import (
	"math"
	"slices"

	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/internal/tabular"
)

// readGeoColumns reads the organic, treatment and factor columns of a geo
// panel per geo ([column][geo][t]), for the geo model: organic units,
// which it divides by each geo's population as it does spend, and
// treatments and factors, controls by geo. The national series stay in
// extras. Nil for a national panel.
func readGeoColumns(cfg *config.Config, gp *panel.GeoPanel) (organic, treatments [][][]float64, factors []geoFactor, err error) {
	m := cfg.Model
	if gp == nil || len(m.Organic)+len(m.Treatments)+len(m.Factors) == 0 {
		return nil, nil, nil, nil
	}
	cols := []tabular.Column{{Name: m.Date, Kind: tabular.Date}, {Name: m.Geo, Kind: tabular.String}}
	for _, o := range m.Organic {
		cols = append(cols, tabular.Column{Name: o.Column, Kind: tabular.Float})
	}
	for _, tr := range m.Treatments {
		cols = append(cols, tabular.Column{Name: tr.Column, Kind: tabular.Float})
	}
	for _, f := range m.Factors {
		cols = append(cols, tabular.Column{Name: f, Kind: tabular.String})
	}
	t, err := tabular.Read(cfg.Data.Panel, cols)
	if err != nil {
		return nil, nil, nil, err
	}
	byGeo := func(col, what string, nonNegative bool) ([][]float64, error) {
		out := make([][]float64, gp.Len())
		for g, rows := range gp.Rows {
			out[g] = make([]float64, len(rows))
			for k, i := range rows {
				// GeoPanel.Rows index the file's rows, as this read does.
				if !t.Valid(col, i) {
					return nil, t.Errorf(i, col, "missing %s", what)
				}
				v := t.Floats(col)[i]
				if nonNegative && !(v >= 0) {
					return nil, t.Errorf(i, col, "%s %g must be >= 0", what, v)
				}
				out[g][k] = v
			}
		}
		return out, nil
	}
	for _, o := range m.Organic {
		u, err := byGeo(o.Column, "organic units", true)
		if err != nil {
			return nil, nil, nil, err
		}
		organic = append(organic, u)
	}
	for _, tr := range m.Treatments {
		v, err := byGeo(tr.Column, "treatment value", false)
		if err != nil {
			return nil, nil, nil, err
		}
		treatments = append(treatments, v)
	}
	for _, col := range m.Factors {
		byGeo := make([][]string, gp.Len())
		for g, rows := range gp.Rows {
			byGeo[g] = make([]string, len(rows))
			for k, i := range rows {
				if t.Valid(col, i) {
					byGeo[g][k] = geoFactorValue(t.Strings(col)[i])
				}
			}
		}
		factors = append(factors, newGeoFactor(col, byGeo))
	}
	return organic, treatments, factors, nil
}

// appendGeoOrganic adds the organic channels to every geo after the paid
// ones, as appendOrganic does to the national panel: zero spend, their
// units as impressions.
func (in *Inputs) appendGeoOrganic(units [][][]float64) {
	gp := in.Panel.Geos
	if gp == nil || len(units) == 0 {
		return
	}
	paid := in.paidChannels()
	for g := range gp.Names {
		n := len(gp.KPI[g])
		for len(gp.Impressions[g]) < paid {
			gp.Impressions[g] = append(gp.Impressions[g], nil)
		}
		for j := range units {
			gp.Spend[g] = append(gp.Spend[g], make([]float64, n))
			gp.Impressions[g] = append(gp.Impressions[g], units[j][g])
		}
	}
}

// treatmentRange is treatment j's lowest and highest value: over every
// geo-period for a geo fit, whose effect is counted against that
// baseline in every geo, else over the national series.
func (in *Inputs) treatmentRange(j int, geo bool) (lo, hi float64) {
	ex := in.Extras
	if geo && j < len(ex.geoTreatments) {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, s := range ex.geoTreatments[j] {
			lo, hi = min(lo, slices.Min(s)), max(hi, slices.Max(s))
		}
		return lo, hi
	}
	return slices.Min(ex.treatments[j]), slices.Max(ex.treatments[j])
}
