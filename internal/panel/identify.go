package panel

import (
	"fmt"
	"math"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// lockstep is the correlation above which two channels' spend series are
// taken to move together: the model, which scales each channel's spend by
// its mean, then sees (nearly) the same input twice.
const lockstep = 0.999

// identifiability warns about data the model cannot learn from: a KPI that
// never varies, channels whose spend moves in lockstep.
func (p *Panel) identifiability(spec Spec) []string {
	var w []string
	if _, sd := stat.MeanSD(p.KPI); !(sd > 1e-9*maxAbs(p.KPI)) {
		w = append(w, fmt.Sprintf("%s: column %s: the KPI is constant (%g in every period): there is nothing for the model to explain, so its fit will not converge and its estimates mean nothing",
			p.Source, spec.KPI, p.KPI[0]))
	}
	var varying []int
	for c, x := range p.Spend {
		if _, sd := stat.MeanSD(x); sd > 1e-9*maxAbs(x) {
			varying = append(varying, c)
		}
	}
	return append(w, p.lockstepGroups(varying)...)
}

// lockstepGroups warns once per group of channels whose spend series are
// pairwise in lockstep (linked through any chain of such pairs).
func (p *Panel) lockstepGroups(channels []int) []string {
	group := map[int]int{}
	find := func(c int) int {
		for group[c] != c {
			c = group[c]
		}
		return c
	}
	for _, c := range channels {
		group[c] = c
	}
	for i, a := range channels {
		for _, b := range channels[i+1:] {
			if correlation(p.Spend[a], p.Spend[b]) >= lockstep {
				group[find(b)] = find(a)
			}
		}
	}
	var w []string
	for _, root := range channels {
		if find(root) != root {
			continue
		}
		var names, ratios []string
		for _, c := range channels {
			if find(c) != root {
				continue
			}
			names = append(names, p.Channels[c])
			if c != root {
				ratios = append(ratios, fmt.Sprintf("%s ≈ %.3g × %s", p.Channels[c], stat.Sum(p.Spend[c])/stat.Sum(p.Spend[root]), p.Channels[root]))
			}
		}
		if len(names) > 1 {
			w = append(w, fmt.Sprintf("%s: channels %s cannot be separated: their spend moves in lockstep (%s, correlation ≥ %g), so the data support only their combined effect; read the sum of their contributions, not each one (or give one a ROI prior from a lift test)",
				p.Source, joinAnd(names), strings.Join(ratios, ", "), lockstep))
		}
	}
	return w
}

// correlation is Pearson's correlation of x and y.
func correlation(x, y []float64) float64 {
	mx, my := stat.Mean(x), stat.Mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return sxy / math.Sqrt(sxx*syy)
}

func maxAbs(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	return m
}

// joinAnd lists names as "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
