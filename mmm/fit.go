package mmm

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/triad-mmm/triad/sampler"
)

// Method is the inference method.
type Method int

const (
	// NUTS samples the posterior with the No-U-Turn sampler.
	NUTS Method = iota
	// Laplace draws from a normal approximation at the posterior mode:
	// seconds instead of minutes, for batch runs.
	Laplace
)

var methods = spellings{"nuts", "laplace"}

func (k Method) String() string { return methods.name("Method", int(k)) }

// ParseMethod reads "nuts" or "laplace"; "" means nuts. The error quotes
// s and lists the valid names.
func ParseMethod(s string) (Method, error) {
	i, err := methods.parse(s)
	return Method(i), err
}

// UnmarshalText parses text with ParseMethod.
func (k *Method) UnmarshalText(text []byte) (err error) {
	*k, err = ParseMethod(string(text))
	return err
}

// FitConfig chooses the inference method.
type FitConfig struct {
	Method Method
	// Sampler configures NUTS (Laplace uses Draws and Seed). Init,
	// InitRadius and InvMetric are replaced (chains run in whitened
	// coordinates and start around the posterior mode), and a zero
	// TargetAccept means DefaultTargetAccept, not the sampler's own
	// default. The other zero fields take the sampler's defaults.
	Sampler sampler.Config
	// InitJitter is the half-width of the uniform jitter around the
	// posterior mode where chains start, in posterior standard deviations
	// (as estimated at the mode). Default 2.
	InitJitter float64
}

// DefaultTargetAccept is the NUTS target acceptance of an MMM fit when
// FitConfig leaves it zero, and the default of the config key
// sampler.target_accept. It is above the sampler's generic default (Stan's
// 0.8, sampler.DefaultTargetAccept) because the saturation curves of
// weakly identified channels leave a few divergent transitions at 0.8 in
// about half of the simulated worlds tested, and none at 0.9, for about
// 20% more gradient evaluations.
const DefaultTargetAccept = 0.9

// Fit samples the posterior of m. NUTS chains start near the posterior mode
// (found by L-BFGS from the prior medians), each jittered differently, so
// warmup is spent adapting rather than searching while R-hat still compares
// chains from distinct starts. Laplace uses the same mode finder from
// several jittered starts.
func Fit(ctx context.Context, m *Model, cfg FitConfig) (*Posterior, error) {
	res, err := sample(ctx, m, cfg)
	if err != nil {
		return nil, err
	}
	// Diagnose counts tree-depth hits against the limit NUTS ran with: 0
	// is the sampler's default for both.
	return newPosterior(m, res, cfg.Sampler.MaxTreeDepth)
}

// sampleable is a model Fit and GeoFit can sample.
type sampleable interface {
	NewTarget() sampler.Target
	center() []float64
}

// modeFinder is a model with its own way to the posterior mode.
type modeFinder interface {
	findMode(ctx context.Context, t sampler.Target, x0 []float64) ([]float64, float64, error)
}

// reparameterised is a model that NUTS samples in other coordinates than
// its own, chosen at the posterior mode.
type reparameterised interface {
	space(t sampler.Target, mode []float64) sampleSpace
}

// sampleSpace is a smooth one-to-one map between the sampler's
// coordinates y and the model's x, with the log density in y (Jacobian
// included).
type sampleSpace interface {
	target() sampler.Target
	toModel(x, y []float64)
	fromModel(y, x []float64)
}

// identitySpace samples the model in its own coordinates.
type identitySpace struct{ m sampleable }

func (s identitySpace) target() sampler.Target { return s.m.NewTarget() }
func (identitySpace) toModel(x, y []float64)   { copy(x, y) }
func (identitySpace) fromModel(y, x []float64) { copy(y, x) }

// sample runs cfg's method on m and returns the draws in m's coordinates.
func sample(ctx context.Context, m sampleable, cfg FitConfig) (*sampler.Result, error) {
	x0 := m.center()
	jit := cfg.InitJitter
	if jit == 0 {
		jit = 2
	}
	if !(jit >= 0) {
		return nil, fmt.Errorf("mmm: init jitter %g, want >= 0", jit)
	}
	mode := x0
	find := func(ctx context.Context, t sampler.Target, x0 []float64) ([]float64, float64, error) {
		return sampler.MAP(ctx, t, x0)
	}
	if ms, ok := m.(modeFinder); ok {
		find = ms.findMode
	}
	if x, _, err := find(ctx, m.NewTarget(), x0); err == nil {
		mode = x
	} else if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var res *sampler.Result
	var err error
	switch cfg.Method {
	case NUTS:
		sp := sampleSpace(identitySpace{m})
		if r, ok := m.(reparameterised); ok {
			sp = r.space(m.NewTarget(), mode)
		}
		y0 := make([]float64, len(mode))
		sp.fromModel(y0, mode)
		pre := newPreconditioner(sp.target(), y0)
		sc := cfg.Sampler
		if sc.TargetAccept == 0 {
			sc.TargetAccept = DefaultTargetAccept
		}
		sc.InvMetric = nil // the whitened coordinates start from the identity
		sc.Init = func(_ int, dst []float64, rng *rand.Rand) {
			for i := range dst {
				dst[i] = jit * (2*rng.Float64() - 1)
			}
		}
		res, err = sampler.NUTS(ctx, func() sampler.Target { return pre.target(sp.target()) }, sc)
		if err == nil {
			y := make([]float64, len(mode))
			for _, ch := range res.Chains {
				for d, z := range ch.Draws {
					x := make([]float64, len(z))
					pre.toX(y, z)
					sp.toModel(x, y)
					ch.Draws[d] = x
				}
			}
		}
	case Laplace:
		res, err = sampler.Laplace(ctx, m.NewTarget(), sampler.LaplaceConfig{
			Draws: cfg.Sampler.Draws, Seed: cfg.Sampler.Seed, MAP: find,
			Init: func(_ int, dst []float64, rng *rand.Rand) {
				for i := range dst {
					dst[i] = mode[i] + 0.1*jit*(2*rng.Float64()-1)
				}
			},
		})
	default:
		return nil, fmt.Errorf("mmm: unknown inference method %v", cfg.Method)
	}
	if err != nil {
		return nil, fmt.Errorf("mmm: %w", err)
	}
	if res.Mode == nil {
		// NUTS started from this mode: refits under other priors
		// (PriorSensitivity) start from it too.
		res.Mode = mode
	}
	return res, nil
}

// center is where the mode search starts: prior medians for the media and
// the mean of the scaled KPI for the level.
func (m *Model) center() []float64 {
	x := make([]float64, m.dim)
	x[0] = 1 // the mean of the scaled KPI
	for c := range m.ch {
		ch := &m.ch[c]
		x[ch.iROI] = ch.spec.ROI.Mu
		ch.spec.Adstock.Center(ch.adU(x))
		ch.spec.Saturation.Center(ch.satU(x))
	}
	x[m.iSigma] = math.Log(0.1)
	return x
}
