package sampler

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// LaplaceConfig controls Laplace. Zero fields take the defaults noted.
type LaplaceConfig struct {
	Draws  int    // default 1000
	Seed   uint64 // start s uses rand.NewPCG(Seed, s+1); the draws use stream 0
	Starts int    // optimiser starts, default 4
	// Init, if set, writes the starting point of start s into dst.
	Init func(start int, dst []float64, rng *rand.Rand)
	// InitRadius draws each coordinate uniform(-r, r) when Init is nil. Default 2.
	InitRadius float64
	// MAP, if set, finds the mode from each start in place of MAP: a
	// target that knows its scales can search in coordinates where
	// L-BFGS converges in far fewer evaluations.
	MAP func(ctx context.Context, t Target, x0 []float64) ([]float64, float64, error)
}

// Laplace approximates the posterior by N(mode, H⁻¹), H the Hessian of
// -log p at the mode. The mode is the best MAP over cfg.Starts starts; H
// comes from central differences of the analytic gradient, symmetrised. If H
// is not positive definite, a multiple of the identity is added until it is,
// and Result.Warnings says so. The result has one chain of iid draws with
// their log densities; InvMetric holds the marginal variances. Result.Mode
// and Result.ModeLogProb give the mode.
func Laplace(ctx context.Context, t Target, cfg LaplaceConfig) (*Result, error) {
	if cfg.Draws == 0 {
		cfg.Draws = 1000
	}
	if cfg.Starts == 0 {
		cfg.Starts = 4
	}
	if cfg.InitRadius == 0 {
		cfg.InitRadius = 2
	}
	dim := t.Dim()
	switch {
	case dim <= 0:
		return nil, fmt.Errorf("sampler: target dimension %d, want > 0", dim)
	case cfg.Draws < 0:
		return nil, fmt.Errorf("sampler: draws %d, want > 0", cfg.Draws)
	case cfg.Starts < 0:
		return nil, fmt.Errorf("sampler: %d starts, want > 0", cfg.Starts)
	case !(cfg.InitRadius >= 0):
		return nil, fmt.Errorf("sampler: init radius %g, want >= 0", cfg.InitRadius)
	}

	var res Result
	res.Method = "laplace"
	res.Dim = dim
	mode, lpMode, err := bestMode(ctx, t, cfg, &res)
	if err != nil {
		return nil, err
	}
	res.Mode, res.ModeLogProb = mode, lpMode

	h := hessianNegLogProb(t, mode)
	chol, jitter, ok := factorizeJittered(h)
	if !ok {
		return nil, fmt.Errorf("sampler: Laplace: Hessian at the mode is not finite or cannot be made positive definite")
	}
	if jitter > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("Laplace: Hessian at the mode is not positive definite; added %.3g to its diagonal", jitter))
	}
	var u mat.TriDense
	chol.UTo(&u)

	var cov mat.SymDense
	if err := chol.InverseTo(&cov); err != nil {
		return nil, fmt.Errorf("sampler: Laplace: %w", err)
	}
	ch := Chain{
		Draws:     make([][]float64, cfg.Draws),
		LogProb:   make([]float64, cfg.Draws),
		InvMetric: make([]float64, dim),
		Divergent: make([]bool, cfg.Draws),
	}
	for i := range dim {
		ch.InvMetric[i] = cov.At(i, i)
	}
	if err := drawNormal(ctx, t, mode, &u, cfg.Seed, &ch); err != nil {
		return nil, err
	}
	res.Chains = []Chain{ch}
	return &res, nil
}

// drawNormal fills ch's draws and log densities with iid draws from
// N(mode, H⁻¹), H = UᵀU, from stream 0 of seed.
func drawNormal(ctx context.Context, t Target, mode []float64, u *mat.TriDense, seed uint64, ch *Chain) error {
	dim := len(mode)
	rng := rand.New(rand.NewPCG(seed, 0))
	flat := make([]float64, len(ch.Draws)*dim)
	z := make([]float64, dim)
	grad := make([]float64, dim)
	for k := range ch.Draws {
		if k%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for i := range z {
			z[i] = rng.NormFloat64()
		}
		// H = UᵀU, so x = mode + U⁻¹z has covariance U⁻¹U⁻ᵀ = H⁻¹.
		x := flat[k*dim : (k+1)*dim : (k+1)*dim]
		for i := dim - 1; i >= 0; i-- {
			s := z[i]
			for j := i + 1; j < dim; j++ {
				s -= u.At(i, j) * x[j]
			}
			x[i] = s / u.At(i, i)
		}
		for i := range x {
			x[i] += mode[i]
		}
		ch.Draws[k] = x
		ch.LogProb[k] = evalLogProb(t, grad, x)
	}
	return nil
}

// bestMode runs MAP from each start and keeps the highest mode. Starts
// whose initial point has no finite density are redrawn (Init is retried).
func bestMode(ctx context.Context, t Target, cfg LaplaceConfig, res *Result) ([]float64, float64, error) {
	dim := t.Dim()
	var best []float64
	bestLP := math.Inf(-1)
	var lps []float64
	var lastErr error
	x0 := make([]float64, dim)
	grad := make([]float64, dim)
	for s := range cfg.Starts {
		rng := rand.New(rand.NewPCG(cfg.Seed, uint64(s)+1))
		found := false
		for range maxInitTries {
			if cfg.Init != nil {
				cfg.Init(s, x0, rng)
			} else {
				for i := range x0 {
					x0[i] = cfg.InitRadius * (2*rng.Float64() - 1)
				}
			}
			if lp := evalLogProb(t, grad, x0); !math.IsInf(lp, -1) && firstNonFinite(grad) < 0 {
				found = true
				break
			}
		}
		if !found {
			lastErr = fmt.Errorf("sampler: Laplace start %d: no valid initial point in %d tries", s, maxInitTries)
			continue
		}
		find := MAP
		if cfg.MAP != nil {
			find = cfg.MAP
		}
		x, lp, err := find(ctx, t, x0)
		if err != nil {
			if ctx.Err() != nil {
				return nil, 0, ctx.Err()
			}
			lastErr = err
			continue
		}
		lps = append(lps, lp)
		if lp > bestLP {
			best, bestLP = x, lp
		}
	}
	if best == nil {
		return nil, 0, lastErr
	}
	for _, lp := range lps {
		// Differences beyond optimiser noise mean distinct local modes.
		if bestLP-lp > 1 {
			res.Warnings = append(res.Warnings, fmt.Sprintf("Laplace: optimiser starts reached different modes (log density %.4g vs best %.4g); the posterior may be multimodal", lp, bestLP))
			break
		}
	}
	return best, bestLP, nil
}

// hessianNegLogProb returns the Hessian of -log p at x by central
// differences of the analytic gradient, symmetrised. The step scales with
// |x_j| and is the cube root of machine epsilon, optimal for central differences.
func hessianNegLogProb(t Target, x []float64) *mat.SymDense {
	dim := len(x)
	xs := make([]float64, dim)
	copy(xs, x)
	gp := make([]float64, dim)
	gm := make([]float64, dim)
	cols := mat.NewDense(dim, dim, nil)
	for j := range dim {
		h := 6e-6 * math.Max(1, math.Abs(x[j]))
		xs[j] = x[j] + h
		hp := xs[j] - x[j] // the step actually taken, after rounding
		evalLogProb(t, gp, xs)
		xs[j] = x[j] - h
		hm := x[j] - xs[j]
		evalLogProb(t, gm, xs)
		xs[j] = x[j]
		for i := range dim {
			cols.Set(i, j, -(gp[i]-gm[i])/(hp+hm))
		}
	}
	h := mat.NewSymDense(dim, nil)
	for i := range dim {
		for j := i; j < dim; j++ {
			h.SetSym(i, j, 0.5*(cols.At(i, j)+cols.At(j, i)))
		}
	}
	return h
}

// factorizeJittered returns the Cholesky factor of h, adding a growing
// multiple of the identity if h is not positive definite.
func factorizeJittered(h *mat.SymDense) (*mat.Cholesky, float64, bool) {
	n := h.SymmetricDim()
	var scale float64
	for i := range n {
		for j := i; j < n; j++ {
			v := h.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, 0, false
			}
		}
		scale = math.Max(scale, math.Abs(h.At(i, i)))
	}
	if scale == 0 {
		scale = 1
	}
	var chol mat.Cholesky
	if chol.Factorize(h) {
		return &chol, 0, true
	}
	jittered := mat.NewSymDense(n, nil)
	for jitter := 1e-8 * scale; jitter < 1e3*scale; jitter *= 10 {
		jittered.CopySym(h)
		for i := range n {
			jittered.SetSym(i, i, h.At(i, i)+jitter)
		}
		if chol.Factorize(jittered) {
			return &chol, jitter, true
		}
	}
	return nil, 0, false
}
