package sampler

// Result holds the draws of all chains.
type Result struct {
	Method string // "nuts" or "laplace"
	Dim    int
	Chains []Chain
	// Warnings are problems found while sampling that do not stop it, such
	// as a Laplace Hessian that needed jitter to be positive definite.
	Warnings []string
	// Mode and ModeLogProb are the posterior mode and its log density
	// (set by Laplace; a caller that found the mode otherwise, as before
	// NUTS, may record it in Mode).
	Mode        []float64
	ModeLogProb float64
}

// Chain holds one chain's post-warmup draws and per-transition statistics.
type Chain struct {
	Draws       [][]float64 // [draw][dim], unconstrained coordinates (Laplace: iid draws)
	LogProb     []float64   // per draw
	StepSize    float64
	InvMetric   []float64 // adapted diagonal
	Divergent   []bool
	TreeDepth   []int
	NumLeapfrog []int
	Energy      []float64 // Hamiltonian at the selected point, for E-BFMI
	AcceptStat  []float64
}

// Column returns parameter i as [chain][draw], the layout the diagnostics
// take. It returns nil if i is out of range.
func (r *Result) Column(i int) [][]float64 {
	if i < 0 || i >= r.Dim {
		return nil
	}
	out := make([][]float64, len(r.Chains))
	for c, ch := range r.Chains {
		col := make([]float64, len(ch.Draws))
		for j, d := range ch.Draws {
			col[j] = d[i]
		}
		out[c] = col
	}
	return out
}

// NumDraws returns the total number of draws over all chains.
func (r *Result) NumDraws() int {
	n := 0
	for _, ch := range r.Chains {
		n += len(ch.Draws)
	}
	return n
}
