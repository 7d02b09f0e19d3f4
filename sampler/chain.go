package sampler

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// initStepSize is Stan's heuristic: double or halve the step size until the
// acceptance probability of a single leapfrog step crosses 0.8. z is restored.
func (n *nuts) initStepSize() error {
	if n.eps == 0 || n.eps > 1e7 || math.IsNaN(n.eps) {
		return nil
	}
	n.zProp.set(&n.z)
	defer n.z.set(&n.zProp)
	step := func() float64 {
		n.z.set(&n.zProp)
		n.sampleMomentum()
		h0 := hamiltonian(&n.z, n.invMetric)
		leapfrog(n.t, &n.z, n.invMetric, n.eps)
		return h0 - hamiltonian(&n.z, n.invMetric)
	}
	logAccept := math.Log(0.8)
	up := step() > logAccept
	for {
		dh := step()
		if up && !(dh > logAccept) || !up && !(dh < logAccept) {
			return nil
		}
		if up {
			n.eps *= 2
		} else {
			n.eps /= 2
		}
		if n.eps > 1e7 {
			return errors.New("sampler: step size search diverged to over 1e7; the posterior may be improper")
		}
		if n.eps == 0 {
			return errors.New("sampler: no acceptably small step size; the log density may be discontinuous")
		}
	}
}

// initialise finds a starting point with a finite log density and gradient.
func initialise(t Target, z *point, chain int, cfg *Config, rng *rand.Rand) error {
	var lastBad string
	for range maxInitTries {
		if cfg.Init != nil {
			cfg.Init(chain, z.q, rng)
		} else {
			for i := range z.q {
				z.q[i] = cfg.InitRadius * (2*rng.Float64() - 1)
			}
		}
		lp := evalLogProb(t, z.g, z.q)
		if math.IsInf(lp, -1) {
			lastBad = "log density is not finite"
			continue
		}
		if i := firstNonFinite(z.g); i >= 0 {
			lastBad = fmt.Sprintf("gradient element %d is %g", i, z.g[i])
			continue
		}
		z.logp = lp
		return nil
	}
	return fmt.Errorf("sampler: chain %d: no valid initial point in %d tries (%s)", chain, maxInitTries, lastBad)
}

func firstNonFinite(x []float64) int {
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return i
		}
	}
	return -1
}

// runChain runs warmup and sampling for one chain.
func runChain(ctx context.Context, t Target, chain int, cfg *Config) (Chain, error) {
	dim := t.Dim()
	rng := rand.New(rand.NewPCG(cfg.Seed, uint64(chain)+1))
	invMetric := make([]float64, dim)
	if cfg.InvMetric != nil && !cfg.DenseMetric {
		copy(invMetric, cfg.InvMetric)
	} else {
		for i := range invMetric {
			invMetric[i] = 1
		}
	}
	kt := t
	var af *affine
	if cfg.DenseMetric {
		af = newAffine(t)
		kt = af
	}
	n := newNUTS(kt, rng, invMetric, cfg.MaxTreeDepth)
	n.eps = cfg.StepSize
	// The affine map starts as the identity, so the starting point is the
	// same in either coordinates.
	if err := initialise(kt, &n.z, chain, cfg, rng); err != nil {
		return Chain{}, err
	}

	total := cfg.Warmup + cfg.Draws
	every := max(1, total/200)
	report := func(done int) {
		if cfg.Progress != nil && (done%every == 0 || done == total) {
			cfg.Progress.Update(chain, done, total)
		}
	}

	if cfg.Warmup > 0 {
		if err := n.warmup(ctx, chain, cfg, af, report); err != nil {
			return Chain{}, err
		}
	}

	out := Chain{
		Draws:       make([][]float64, cfg.Draws),
		LogProb:     make([]float64, cfg.Draws),
		StepSize:    n.eps,
		InvMetric:   invMetric,
		Divergent:   make([]bool, cfg.Draws),
		TreeDepth:   make([]int, cfg.Draws),
		NumLeapfrog: make([]int, cfg.Draws),
		Energy:      make([]float64, cfg.Draws),
		AcceptStat:  make([]float64, cfg.Draws),
	}
	flat := make([]float64, cfg.Draws*dim)
	for it := range cfg.Draws {
		if err := ctx.Err(); err != nil {
			return Chain{}, err
		}
		tr := n.transition()
		d := flat[it*dim : (it+1)*dim : (it+1)*dim]
		if af != nil {
			af.toQ(d, n.z.q)
		} else {
			copy(d, n.z.q)
		}
		out.Draws[it] = d
		out.LogProb[it] = n.z.logp
		out.Divergent[it] = tr.divergent
		out.TreeDepth[it] = tr.depth
		out.NumLeapfrog[it] = tr.nLeapfrog
		out.Energy[it] = tr.energy
		out.AcceptStat[it] = tr.accept
		report(cfg.Warmup + it + 1)
	}
	if af != nil {
		af.variances(out.InvMetric)
	}
	return out, nil
}

// warmup adapts the step size by dual averaging and the diagonal metric
// over Stan's windows, or with af the dense one (dense.go), calling report
// after each iteration.
func (n *nuts) warmup(ctx context.Context, chain int, cfg *Config, af *affine, report func(done int)) error {
	if err := n.initStepSize(); err != nil {
		return fmt.Errorf("chain %d: %w", chain, err)
	}
	// Stan centres dual averaging on log(10 eps) of the user's step size;
	// centring on the heuristic's result instead starts closer to the answer.
	da := newDualAveraging(cfg.TargetAccept)
	da.restart(n.eps)
	va := varAdapter{windows: newWindows(cfg.Warmup), est: newWelford(len(n.invMetric))}
	ca := covAdapter{windows: newWindows(cfg.Warmup)}
	var q []float64
	if af != nil {
		q = make([]float64, len(n.z.q))
	}
	for it := range cfg.Warmup {
		if err := ctx.Err(); err != nil {
			return err
		}
		tr := n.transition()
		n.eps = da.learn(tr.accept)
		var end bool
		if af != nil {
			af.toQ(q, n.z.q)
			if end = ca.learn(af, q); end {
				// The same point in the new coordinates.
				af.toU(n.z.q, q)
				n.z.logp = evalLogProb(af, n.z.g, n.z.q)
			}
		} else {
			end = va.learn(n.invMetric, n.z.q)
		}
		if end {
			if err := n.initStepSize(); err != nil {
				return fmt.Errorf("chain %d: %w", chain, err)
			}
			da.restart(n.eps)
		}
		report(it + 1)
	}
	n.eps = da.final()
	return nil
}
