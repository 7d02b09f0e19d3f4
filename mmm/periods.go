package mmm

// PeriodContributions returns channel c's contribution per draw and period
// for its historical spend, [draw][t] in KPI units: what reconciliation
// needs to put intervals on quarterly sums and ratios.
func (p *Posterior) PeriodContributions(c int) [][]float64 {
	if c < 0 || c >= len(p.m.ch) {
		return nil
	}
	xs := p.scaled(c, p.m.drive(c))
	out := make([][]float64, p.Draws())
	p.parallelDraws(func(_, lo, hi int, ev *evaluator) {
		for d := lo; d < hi; d++ {
			out[d] = make([]float64, len(xs))
			p.media(ev, out[d], c, d, xs)
		}
	})
	return out
}
