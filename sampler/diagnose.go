package sampler

import (
	"fmt"
	"math"
	"strconv"
)

// Thresholds behind Diagnose's warnings.
const (
	RHatWarn    = 1.05 // R-hat above this: chains disagree
	ESSPerChain = 100  // bulk or tail ESS below this many per chain: too few effective draws
	EBFMIWarn   = 0.3  // E-BFMI below this: poor exploration of the energy distribution
)

// ParamDiag holds the convergence diagnostics of one parameter; all NaN for
// a constant parameter.
type ParamDiag struct {
	RHat, ESSBulk, ESSTail float64
}

// Diagnostics summarises convergence over all parameters.
type Diagnostics struct {
	RHatMax, ESSBulkMin, ESSTailMin float64 // over parameters (ignoring constant ones); NaN if none
	Divergences                     int
	TreeDepthHits                   int // transitions that hit MaxTreeDepth
	EBFMIMin                        float64
	// Warnings are human-readable, e.g. "R-hat 1.08 > 1.05 for parameter 3".
	Warnings []string
	// Params holds the per-parameter values, indexed like the Target's coordinates.
	Params []ParamDiag
}

// Diagnose computes the diagnostics of r. maxTreeDepth is the limit the
// sampler ran with (0 means DefaultMaxTreeDepth, as in Config). Laplace results have no
// sampler statistics, so only the per-parameter values apply to them.
func Diagnose(r *Result, maxTreeDepth int) Diagnostics {
	if maxTreeDepth <= 0 {
		maxTreeDepth = DefaultMaxTreeDepth
	}
	d := Diagnostics{
		RHatMax: math.NaN(), ESSBulkMin: math.NaN(), ESSTailMin: math.NaN(), EBFMIMin: math.NaN(),
		Params: make([]ParamDiag, r.Dim),
	}
	worstRHat, worstBulk, worstTail := -1, -1, -1
	var nRHat, nBulk, nTail int
	essWarn := float64(ESSPerChain * len(r.Chains))
	for i := range r.Dim {
		col := r.Column(i)
		p := ParamDiag{RHat: math.NaN(), ESSBulk: math.NaN(), ESSTail: math.NaN()}
		if !unusable(col) {
			p = diagnoseParam(col, true)
		}
		d.Params[i] = p
		if p.RHat > RHatWarn {
			nRHat++
		}
		if p.ESSBulk < essWarn {
			nBulk++
		}
		if p.ESSTail < essWarn {
			nTail++
		}
		if !math.IsNaN(p.RHat) && !(p.RHat <= d.RHatMax) {
			d.RHatMax, worstRHat = p.RHat, i
		}
		if !math.IsNaN(p.ESSBulk) && !(p.ESSBulk >= d.ESSBulkMin) {
			d.ESSBulkMin, worstBulk = p.ESSBulk, i
		}
		if !math.IsNaN(p.ESSTail) && !(p.ESSTail >= d.ESSTailMin) {
			d.ESSTailMin, worstTail = p.ESSTail, i
		}
	}
	more := func(n int) string {
		if n > 1 {
			return fmt.Sprintf(" (and %d more)", n-1)
		}
		return ""
	}
	if nRHat > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("R-hat %s for parameter %d%s", beyond(d.RHatMax, '>', RHatWarn), worstRHat, more(nRHat)))
	}
	if nBulk > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("bulk ESS %s for parameter %d%s", beyond(d.ESSBulkMin, '<', essWarn), worstBulk, more(nBulk)))
	}
	if nTail > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("tail ESS %s for parameter %d%s", beyond(d.ESSTailMin, '<', essWarn), worstTail, more(nTail)))
	}

	d.chains(r, maxTreeDepth)
	if d.Divergences > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d divergent transitions", d.Divergences))
	}
	if d.TreeDepthHits > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d transitions hit the maximum tree depth %d", d.TreeDepthHits, maxTreeDepth))
	}
	return d
}

// beyond writes "v op limit" with as few significant digits of v (at least
// three) as show the comparison that failed: R-hat 1.0504 prints as
// "1.0504 > 1.05", not "1.05 > 1.05".
func beyond(v float64, op byte, limit float64) string {
	s := strconv.FormatFloat(v, 'g', 3, 64)
	for p := 4; p <= 17; p++ {
		shown, _ := strconv.ParseFloat(s, 64)
		if op == '>' && shown > limit || op == '<' && shown < limit {
			break
		}
		s = strconv.FormatFloat(v, 'g', p, 64)
	}
	if math.Abs(v) >= 1e3 && math.Abs(v) < 1e21 {
		// ESS of thousands reads better in plain digits than as 1.23e+03.
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			s = strconv.FormatFloat(f, 'f', -1, 64)
		}
	}
	return s + " " + string(op) + " " + strconv.FormatFloat(limit, 'f', -1, 64)
}

// chains counts divergences and tree-depth hits over r's chains and takes
// the smallest E-BFMI, warning about each chain below EBFMIWarn.
func (d *Diagnostics) chains(r *Result, maxTreeDepth int) {
	for c, ch := range r.Chains {
		for _, dv := range ch.Divergent {
			if dv {
				d.Divergences++
			}
		}
		for _, td := range ch.TreeDepth {
			if td >= maxTreeDepth {
				d.TreeDepthHits++
			}
		}
		if len(ch.Energy) == 0 {
			continue
		}
		e := EBFMI(ch.Energy)
		if !math.IsNaN(e) && !(e >= d.EBFMIMin) {
			d.EBFMIMin = e
		}
		if e < EBFMIWarn {
			d.Warnings = append(d.Warnings, fmt.Sprintf("E-BFMI %s in chain %d", beyond(e, '<', EBFMIWarn), c))
		}
	}
}
