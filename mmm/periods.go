package mmm

// PeriodContributions returns channel c's contribution per draw and period
// for its historical spend, [draw][t] in KPI units: what reconciliation
// needs to put intervals on quarterly sums and ratios.
func (p *Posterior) PeriodContributions(c int) [][]float64 {
	if c < 0 || c >= len(p.m.ch) {
		return nil
	}
	hist, _ := p.history()
	return clone2(hist[c])
}
