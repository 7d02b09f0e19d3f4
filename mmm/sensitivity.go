package mmm

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/triad-mmm/triad/sampler"
)

// Alternative ROI priors of the sensitivity analysis, relative to each
// channel's own LogNormal(μ, σ).
const (
	// SensitivityWider multiplies σ.
	SensitivityWider = 2.0
	// SensitivityShift moves μ down and up by this many σ: a prior whose
	// median sits at the default's 2.3% or 97.7% quantile.
	SensitivityShift = 2.0
	// freeSigma is the ROI prior's σ of the unregularised fit: flat over
	// any ROI the data could support.
	freeSigma = 10.0
)

// PriorSensitivity is each channel's posterior mean ROI under the model's
// own ROI priors and under other ones, all by Laplace from the same mode,
// so that their differences show the priors' effect and not the method's.
type PriorSensitivity struct {
	Default, Wider, Lower, Higher []float64
}

// Move returns the largest change of channel c's ROI under the
// alternative priors.
func (s PriorSensitivity) Move(c int) float64 {
	d := s.Default[c]
	return max(math.Abs(s.Wider[c]-d), math.Abs(s.Lower[c]-d), math.Abs(s.Higher[c]-d))
}

// WithROIPriors returns m with its channels' ROI priors replaced (one per
// channel, in order) and everything else, lift terms included, kept.
func (m *Model) WithROIPriors(priors []LogNormal) (*Model, error) {
	if len(priors) != len(m.ch) {
		return nil, fmt.Errorf("mmm: %d ROI priors for %d channels", len(priors), len(m.ch))
	}
	s := m.Spec()
	for c := range s.Channels {
		if !priors[c].valid() {
			return nil, fmt.Errorf("mmm: channel %q: invalid ROI prior %+v", m.ch[c].name, priors[c])
		}
		s.Channels[c].ROI = priors[c]
	}
	return NewModel(m.data, s)
}

// ROIPriors returns the model's ROI priors, one per channel.
func (m *Model) ROIPriors() []LogNormal {
	out := make([]LogNormal, len(m.ch))
	for c := range m.ch {
		out[c] = m.ch[c].spec.ROI
	}
	return out
}

// refit fits m by Laplace with one optimiser start at x0: cheap when x0
// is the mode of a model that differs from m only in a prior.
func refit(ctx context.Context, m *Model, x0 []float64, draws int, seed uint64) (*Posterior, error) {
	res, err := sampler.Laplace(ctx, m.NewTarget(), sampler.LaplaceConfig{
		Draws: draws, Seed: seed, Starts: 1,
		Init: func(_ int, dst []float64, _ *rand.Rand) { copy(dst, x0) },
	})
	if err != nil {
		return nil, fmt.Errorf("mmm: %w", err)
	}
	return newPosterior(m, res, 0)
}

// SensitivityConfig sets the refits' draws and seed (defaults 1000 and 1).
type SensitivityConfig struct {
	Draws int
	Seed  uint64
}

func (c SensitivityConfig) withDefaults() SensitivityConfig {
	if c.Draws <= 0 {
		c.Draws = 1000
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	return c
}

// Refittable is a fit that ROISensitivity and FreeFit can refit under
// other ROI priors: a national *Posterior or a *GeoPosterior.
type Refittable interface {
	// Mode is the posterior mode the fit started from, nil when unknown.
	Mode() []float64
	// ROIPriors are the fitted model's ROI priors, one per channel.
	ROIPriors() []LogNormal
	// roiMeansUnder refits the model under priors by Laplace from x0 and
	// returns the posterior mean ROIs.
	roiMeansUnder(ctx context.Context, priors []LogNormal, x0 []float64, draws int, seed uint64) ([]float64, error)
	// fitAtMode returns the in-sample fit at the mode under priors, found
	// from x0.
	fitAtMode(ctx context.Context, priors []LogNormal, x0 []float64) (Metrics, error)
}

// ROISensitivity refits the posterior's model by Laplace, from its mode,
// under its own ROI priors, under priors SensitivityWider times wider and
// under priors shifted SensitivityShift σ down and up. The four refits run
// concurrently and are deterministic for the seed.
func ROISensitivity(ctx context.Context, p Refittable, cfg SensitivityConfig) (PriorSensitivity, error) {
	cfg = cfg.withDefaults()
	x0 := p.Mode()
	if x0 == nil {
		return PriorSensitivity{}, fmt.Errorf("mmm: the posterior has no mode to refit from")
	}
	base := p.ROIPriors()
	alt := func(f func(LogNormal) LogNormal) []LogNormal {
		out := make([]LogNormal, len(base))
		for c, b := range base {
			out[c] = f(b)
		}
		return out
	}
	sets := [][]LogNormal{
		base,
		alt(func(b LogNormal) LogNormal { return LogNormal{Mu: b.Mu, Sigma: SensitivityWider * b.Sigma} }),
		alt(func(b LogNormal) LogNormal { return LogNormal{Mu: b.Mu - SensitivityShift*b.Sigma, Sigma: b.Sigma} }),
		alt(func(b LogNormal) LogNormal { return LogNormal{Mu: b.Mu + SensitivityShift*b.Sigma, Sigma: b.Sigma} }),
	}
	means := make([][]float64, len(sets))
	errs := make([]error, len(sets))
	var wg sync.WaitGroup
	for i, priors := range sets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			means[i], errs[i] = p.roiMeansUnder(ctx, priors, x0, cfg.Draws, cfg.Seed)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return PriorSensitivity{}, err
		}
	}
	return PriorSensitivity{Default: means[0], Wider: means[1], Lower: means[2], Higher: means[3]}, nil
}

// FreeFit finds the posterior mode of the posterior's model with flat ROI
// priors (σ = 10 around the same medians), from its own mode, and returns
// the in-sample fit at that mode: what the same design reaches when the
// ROI priors do not hold the media back. (At the mode, not over Laplace
// draws: with flat priors the curvature along weakly identified ROIs is
// near zero and the draws would wander without bound.)
func FreeFit(ctx context.Context, p Refittable) (Metrics, error) {
	x0 := p.Mode()
	if x0 == nil {
		return Metrics{}, fmt.Errorf("mmm: the posterior has no mode to refit from")
	}
	base := p.ROIPriors()
	for c := range base {
		base[c].Sigma = freeSigma
	}
	return p.fitAtMode(ctx, base, x0)
}

// ROIPriors returns the fitted model's ROI priors, one per channel.
func (p *Posterior) ROIPriors() []LogNormal { return p.m.ROIPriors() }

func (p *Posterior) roiMeansUnder(ctx context.Context, priors []LogNormal, x0 []float64, draws int, seed uint64) ([]float64, error) {
	mi, err := p.m.WithROIPriors(priors)
	if err != nil {
		return nil, err
	}
	q, err := refit(ctx, mi, x0, draws, seed)
	if err != nil {
		return nil, err
	}
	return q.roiMeans(), nil
}

func (p *Posterior) fitAtMode(ctx context.Context, priors []LogNormal, x0 []float64) (Metrics, error) {
	mf, err := p.m.WithROIPriors(priors)
	if err != nil {
		return Metrics{}, err
	}
	mode, _, err := sampler.MAP(ctx, mf.NewTarget(), x0)
	if err != nil {
		return Metrics{}, fmt.Errorf("mmm: %w", err)
	}
	q, err := newPosterior(mf, &sampler.Result{Method: "map", Dim: mf.dim, Chains: []sampler.Chain{{Draws: [][]float64{mode}}}}, 0)
	if err != nil {
		return Metrics{}, err
	}
	return q.Fit(0.9).InSample, nil
}

func (p *Posterior) roiMeans() []float64 {
	return meanROIs(p.ch, func(c *postChannel) []float64 { return c.roi })
}

// meanROIs is each channel's mean ROI over its draws.
func meanROIs[T any](chs []T, roi func(*T) []float64) []float64 {
	out := make([]float64, len(chs))
	for c := range chs {
		r := roi(&chs[c])
		s := 0.0
		for _, v := range r {
			s += v
		}
		out[c] = s / float64(len(r))
	}
	return out
}

// Mode returns the posterior mode the fit started from (unconstrained
// coordinates), nil when unknown.
func (p *Posterior) Mode() []float64 { return p.res.Mode }
