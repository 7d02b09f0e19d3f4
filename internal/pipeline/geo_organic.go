package pipeline

import (
	"github.com/triad-mmm/triad/internal/config"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/internal/tabular"
)

// readGeoOrganic reads the organic columns of a geo panel per geo
// ([organic][geo][t], units), for the geo model, which divides them by
// each geo's population as it does spend. The national sums stay in
// extras. Nil for a national panel or without model.organic.
func readGeoOrganic(cfg *config.Config, gp *panel.GeoPanel) ([][][]float64, error) {
	m := cfg.Model
	if gp == nil || len(m.Organic) == 0 {
		return nil, nil
	}
	cols := []tabular.Column{{Name: m.Date, Kind: tabular.Date}, {Name: m.Geo, Kind: tabular.String}}
	for _, o := range m.Organic {
		cols = append(cols, tabular.Column{Name: o.Column, Kind: tabular.Float})
	}
	t, err := tabular.Read(cfg.Data.Panel, cols)
	if err != nil {
		return nil, err
	}
	out := make([][][]float64, len(m.Organic))
	for j, o := range m.Organic {
		out[j] = make([][]float64, gp.Len())
		for g, rows := range gp.Rows {
			out[j][g] = make([]float64, len(rows))
			for k, i := range rows {
				// GeoPanel.Rows index the file's rows, as this read does.
				if !t.Valid(o.Column, i) {
					return nil, t.Errorf(i, o.Column, "missing organic units")
				}
				v := t.Floats(o.Column)[i]
				if !(v >= 0) {
					return nil, t.Errorf(i, o.Column, "organic units %g must be >= 0", v)
				}
				out[j][g][k] = v
			}
		}
	}
	return out, nil
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
