package mmm

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/triad-mmm/triad/sampler"
)

// The prior checks of a geo fit refit the geo model itself by Laplace from
// the NUTS fit's mode, as the national checks refit the national model:
// ~500 coordinates on 40 geos × 156 periods make a dense Hessian of about
// a thousand gradients, a few percent of one NUTS chain. The mode under the
// other priors is found by the geo model's curvature-scaled L-BFGS
// (findMode) before Laplace, which unscaled would need many more steps.

// ROIPriors returns the model's ROI priors, one per channel.
func (m *GeoModel) ROIPriors() []LogNormal {
	out := make([]LogNormal, len(m.ch))
	for c := range m.ch {
		out[c] = m.ch[c].spec.ROI
	}
	return out
}

// WithROIPriors returns m with its channels' ROI priors replaced (one per
// channel, in order) and everything else, lift terms included, kept.
func (m *GeoModel) WithROIPriors(priors []LogNormal) (*GeoModel, error) {
	if len(priors) != len(m.ch) {
		return nil, fmt.Errorf("mmm: %d ROI priors for %d channels", len(priors), len(m.ch))
	}
	s := m.spec
	s.Channels = slices.Clone(s.Channels)
	for c := range m.ch {
		if !priors[c].valid() {
			return nil, fmt.Errorf("mmm: channel %q: invalid ROI prior %+v", m.ch[c].name, priors[c])
		}
		cs := m.ch[c].spec
		cs.ROI = priors[c]
		s.Channels[c] = cs
	}
	return NewGeoModel(m.data, s)
}

// Mode returns the posterior mode the fit started from (unconstrained
// coordinates), nil when unknown.
func (p *GeoPosterior) Mode() []float64 { return p.res.Mode }

// ROIPriors returns the fitted model's ROI priors, one per channel.
func (p *GeoPosterior) ROIPriors() []LogNormal { return p.m.ROIPriors() }

// PriorContraction returns, per channel, how far the posterior of the
// national ROI moved from priors (one per channel), as
// Posterior.PriorContraction.
func (p *GeoPosterior) PriorContraction(priors []LogNormal) []PriorContraction {
	roi, spend := make([][]float64, len(p.ch)), make([]float64, len(p.ch))
	for c := range p.ch {
		roi[c], spend[c] = p.ch[c].roi, p.m.ch[c].spendFit
	}
	return priorContraction(roi, spend, priors)
}

func (p *GeoPosterior) roiMeansUnder(ctx context.Context, priors []LogNormal, x0 []float64, draws int, seed uint64) ([]float64, error) {
	mi, err := p.m.WithROIPriors(priors)
	if err != nil {
		return nil, err
	}
	x, _, err := mi.findMode(ctx, mi.NewTarget(), x0)
	if err != nil {
		return nil, fmt.Errorf("mmm: %w", err)
	}
	res, err := sampler.Laplace(ctx, mi.NewTarget(), sampler.LaplaceConfig{
		Draws: draws, Seed: seed, Starts: 1,
		Init: func(_ int, dst []float64, _ *rand.Rand) { copy(dst, x) },
	})
	if err != nil {
		return nil, fmt.Errorf("mmm: %w", err)
	}
	q, err := newGeoPosterior(mi, res, 0)
	if err != nil {
		return nil, err
	}
	return meanROIs(q.ch, func(c *geoPostChannel) []float64 { return c.roi }), nil
}

func (p *GeoPosterior) fitAtMode(ctx context.Context, priors []LogNormal, x0 []float64) (Metrics, error) {
	mf, err := p.m.WithROIPriors(priors)
	if err != nil {
		return Metrics{}, err
	}
	mode, _, err := mf.findMode(ctx, mf.NewTarget(), x0)
	if err != nil {
		return Metrics{}, fmt.Errorf("mmm: %w", err)
	}
	q, err := newGeoPosterior(mf, &sampler.Result{Method: "map", Dim: mf.dim, Chains: []sampler.Chain{{Draws: [][]float64{mode}}}}, 0)
	if err != nil {
		return Metrics{}, err
	}
	return q.Fit(0.9).InSample, nil
}
