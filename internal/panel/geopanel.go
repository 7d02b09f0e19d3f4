package panel

import (
	"fmt"
	"math"
	"slices"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// GeoPanel is a geo panel kept geo by geo, on the national panel's periods
// (Panel.Dates): every geo has a row for every period, which Load checks.
// Geos may differ in size as much as they like. Index [g][c][t] is geo g,
// channel or control c, period t.
type GeoPanel struct {
	// Names are the geos, sorted.
	Names []string
	// Population[g][t] is the geo's population in period t, from the
	// population column (constant or per period); without one it is the
	// geo's mean KPI in every period, and Note says so.
	Population [][]float64
	// PopulationColumn is the column Population came from, "" when the
	// geos are scaled by their mean KPI.
	PopulationColumn string
	// Note is the remark the report carries about the geo scaling ("" when
	// a population column is given).
	Note        string
	KPI         [][]float64
	Spend       [][][]float64
	Impressions [][][]float64 // [g][c] nil for a channel without impressions
	Controls    [][][]float64
	// NationalControl[k] reports whether control k takes the same value in
	// every geo in every period (a national control, such as a national
	// promotion); otherwise it varies by geo.
	NationalControl []bool
	// Rows[g][t] is the 0-based file row of geo g's period t, for messages.
	Rows [][]int
}

// Len returns the number of geos.
func (g *GeoPanel) Len() int { return len(g.Names) }

// Index returns the position of the named geo.
func (g *GeoPanel) Index(name string) (int, bool) {
	i, ok := slices.BinarySearch(g.Names, name)
	return i, ok
}

// MeanPopulation returns geo g's population averaged over the periods.
func (g *GeoPanel) MeanPopulation(geo int) float64 {
	var s float64
	for _, v := range g.Population[geo] {
		s += v
	}
	return s / float64(len(g.Population[geo]))
}

// SpendBetween returns geo g's spend on channel c over the days from..to
// (inclusive), counting a period partly inside by its share of days, as
// Panel.SpendBetween does nationally.
func (g *GeoPanel) SpendBetween(p *Panel, geo, c int, from, to civil.Date) float64 {
	return p.Between(g.Spend[geo][c], from, to)
}

// PopulationNote is GeoPanel.Note without a population column.
const PopulationNote = "model.population is not set: each geo is scaled by its mean KPI instead of its population"

// buildGeos lays the rows of a checked geo panel out geo by geo on p's
// periods.
func buildGeos(t *tabular.Table, spec Spec, p *Panel) (*GeoPanel, error) {
	dates, names := t.Dates(spec.Date), t.Strings(spec.Geo)
	period := make(map[civil.Date]int, p.Len())
	for k, d := range p.Dates {
		period[d] = k
	}
	g := &GeoPanel{PopulationColumn: spec.Population}
	for i := 0; i < t.Len(); i++ {
		if _, ok := g.Index(names[i]); !ok {
			g.Names = append(g.Names, names[i])
			slices.Sort(g.Names)
		}
	}
	G, T, C, K := len(g.Names), p.Len(), len(spec.Channels), len(spec.Controls)
	g.Population, g.KPI, g.Rows = grid(G, T), grid(G, T), make([][]int, G)
	g.Spend, g.Impressions, g.Controls = make([][][]float64, G), make([][][]float64, G), make([][][]float64, G)
	for k := range g.Names {
		g.Rows[k] = make([]int, T)
		g.Spend[k], g.Controls[k] = grid(C, T), grid(K, T)
		g.Impressions[k] = make([][]float64, C)
		for c, ch := range spec.Channels {
			if ch.Impressions != "" {
				g.Impressions[k][c] = make([]float64, T)
			}
		}
	}
	for i := 0; i < t.Len(); i++ {
		k, _ := g.Index(names[i])
		tt := period[dates[i]]
		g.Rows[k][tt] = i
		g.KPI[k][tt] = t.Floats(spec.KPI)[i]
		if spec.Population != "" {
			g.Population[k][tt] = t.Floats(spec.Population)[i]
		}
		for c, ch := range spec.Channels {
			g.Spend[k][c][tt] = t.Floats(ch.Spend)[i]
			if ch.Impressions != "" {
				g.Impressions[k][c][tt] = t.Floats(ch.Impressions)[i]
			}
		}
		for j, name := range spec.Controls {
			g.Controls[k][j][tt] = t.Floats(name)[i]
		}
	}
	if spec.Population == "" {
		if err := g.scaleByKPI(t, spec); err != nil {
			return nil, err
		}
	}
	g.NationalControl = make([]bool, K)
	for j := range spec.Controls {
		g.NationalControl[j] = g.national(j)
	}
	return g, nil
}

// scaleByKPI sets each geo's population to its mean KPI.
func (g *GeoPanel) scaleByKPI(t *tabular.Table, spec Spec) error {
	g.Note = PopulationNote
	for k := range g.Names {
		var s float64
		for _, v := range g.KPI[k] {
			s += v
		}
		m := s / float64(len(g.KPI[k]))
		if !(m > 0) {
			return t.Errorf(g.Rows[k][0], spec.KPI, "geo %s has a mean KPI of %g: without model.population geos are scaled by their mean KPI, which must be positive", g.Names[k], m)
		}
		for tt := range g.Population[k] {
			g.Population[k][tt] = m
		}
	}
	return nil
}

// national reports whether control j has one value per period across geos.
func (g *GeoPanel) national(j int) bool {
	for k := 1; k < len(g.Names); k++ {
		for tt, v := range g.Controls[k][j] {
			if v != g.Controls[0][j][tt] {
				return false
			}
		}
	}
	return true
}

func grid(n, T int) [][]float64 {
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, T)
	}
	return out
}

// checkPopulation reports a population cell the geo scaling cannot use.
func checkPopulation(t *tabular.Table, i int, col string) error {
	if !t.Valid(col, i) {
		return t.Errorf(i, col, "missing population")
	}
	if v := t.Floats(col)[i]; !(v > 0) || math.IsInf(v, 0) {
		return t.Errorf(i, col, "population %s: want a positive number", fmt.Sprint(v))
	}
	return nil
}
