package mmm

import "fmt"

// ControlEffectDraws writes into dst (len Draws()), per draw, the KPI that
// control j adds over the panel against the value base, in KPI units:
// Σ_t ȳ·γ_j·(z_jt − base)/sd_j, where γ_j is the effect of one standard
// deviation sd_j. A treatment (a promotion, a price change) is a control
// whose effect against "no treatment" is the quantity of interest; it may
// be negative.
func (p *Posterior) ControlEffectDraws(dst []float64, j int, base float64) error {
	m := p.m
	if j < 0 || j >= len(m.data.ControlNames) {
		return fmt.Errorf("mmm: control index %d out of range (%d controls)", j, len(m.data.ControlNames))
	}
	coord := -1
	for i, k := range m.baseKind {
		if k == baseControl && m.baseOrder[i] == j {
			coord = 1 + i
		}
	}
	dev := 0.0
	for _, v := range m.data.Controls[j] {
		dev += v - base
	}
	scale := m.yBar * dev / m.ctrlSD[j]
	for d, x := range p.x {
		dst[d] = scale * x[coord]
	}
	return nil
}
