package sampler

// Target is an (unnormalised) log density on R^d with its gradient.
type Target interface {
	Dim() int
	// LogProbGrad returns log p(x) and writes the gradient into grad (len Dim).
	// It may return -Inf for invalid x.
	LogProbGrad(grad, x []float64) float64
}

// Progress receives per-chain progress; implementations must be safe for
// concurrent calls.
type Progress interface {
	Update(chain, done, total int)
}
