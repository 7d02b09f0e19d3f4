package sampler

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
)

// Defaults of Config, Stan's. They are the one source of these values:
// callers that need a default (mmm, the config's defaults) refer to them.
// Callers may choose their own default on top, as mmm does for the target
// acceptance of an MMM fit (mmm.DefaultTargetAccept).
const (
	DefaultChains       = 4
	DefaultWarmup       = 1000
	DefaultDraws        = 1000
	DefaultMaxTreeDepth = 10
	DefaultTargetAccept = 0.8
	DefaultInitRadius   = 2.0
)

// Config controls NUTS. Zero fields take the defaults noted.
type Config struct {
	Chains       int     // default DefaultChains
	Warmup       int     // default DefaultWarmup; 0 only with NoWarmup
	Draws        int     // default DefaultDraws
	Seed         uint64  // chain c uses rand.NewPCG(Seed, c+1)
	MaxTreeDepth int     // default DefaultMaxTreeDepth
	TargetAccept float64 // default DefaultTargetAccept
	// InitRadius draws each coordinate uniform(-r, r), Stan-style, when
	// Init is nil. Default DefaultInitRadius.
	InitRadius float64
	// Init, if set, writes the starting point of chain into dst using the
	// chain's own random stream. It is retried if the point has no finite density.
	Init func(chain int, dst []float64, rng *rand.Rand)
	// Workers bounds the goroutines; default runtime.GOMAXPROCS(0). Results
	// do not depend on it.
	Workers  int
	Progress Progress // may be nil

	// StepSize, if positive, is the initial step size before the
	// heuristic search (Stan's default 1).
	StepSize float64
	// InvMetric, if set, is the initial diagonal inverse metric (default all 1).
	InvMetric []float64
	// DenseMetric adapts a dense metric over the warmup windows instead of
	// a diagonal one (Stan's dense_e; see dense.go): for posteriors whose
	// correlations the caller's own coordinates leave. InvMetric, if set,
	// is then ignored, and Chain.InvMetric reports the adapted variances.
	// Each gradient costs dim² multiply-adds more.
	DenseMetric bool
	// NoWarmup accepts Warmup 0: the chain then samples with the initial
	// step size and metric, unadapted.
	NoWarmup bool
}

const (
	maxInitTries = 100
	maxDeltaH    = 1000.0
)

func (c Config) withDefaults() Config {
	if c.Chains == 0 {
		c.Chains = DefaultChains
	}
	if c.Warmup == 0 && !c.NoWarmup {
		c.Warmup = DefaultWarmup
	}
	if c.Draws == 0 {
		c.Draws = DefaultDraws
	}
	if c.MaxTreeDepth == 0 {
		c.MaxTreeDepth = DefaultMaxTreeDepth
	}
	if c.TargetAccept == 0 {
		c.TargetAccept = DefaultTargetAccept
	}
	if c.InitRadius == 0 {
		c.InitRadius = DefaultInitRadius
	}
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.StepSize == 0 {
		c.StepSize = 1
	}
	return c
}

func (c Config) validate(dim int) error {
	switch {
	case dim <= 0:
		return fmt.Errorf("sampler: target dimension %d, want > 0", dim)
	case c.Chains < 0:
		return fmt.Errorf("sampler: %d chains, want > 0", c.Chains)
	case c.Warmup < 0:
		return fmt.Errorf("sampler: warmup %d, want >= 0", c.Warmup)
	case c.Draws < 0:
		return fmt.Errorf("sampler: draws %d, want > 0", c.Draws)
	case c.MaxTreeDepth < 0 || c.MaxTreeDepth > 30:
		return fmt.Errorf("sampler: max tree depth %d, want 1..30", c.MaxTreeDepth)
	case !(c.TargetAccept > 0 && c.TargetAccept < 1):
		return fmt.Errorf("sampler: target acceptance %g, want in (0, 1)", c.TargetAccept)
	case !(c.InitRadius >= 0) || c.InitRadius > 1e300:
		return fmt.Errorf("sampler: init radius %g, want >= 0", c.InitRadius)
	case !(c.StepSize > 0) || c.StepSize > 1e7:
		return fmt.Errorf("sampler: step size %g, want in (0, 1e7]", c.StepSize)
	}
	if c.InvMetric != nil {
		if len(c.InvMetric) != dim {
			return fmt.Errorf("sampler: inverse metric has length %d, target dimension %d", len(c.InvMetric), dim)
		}
		for i, v := range c.InvMetric {
			if !(v > 0) || v > 1e300 {
				return fmt.Errorf("sampler: inverse metric element %d is %g, want positive and finite", i, v)
			}
		}
	}
	return nil
}

var errNilTarget = errors.New("sampler: newTarget returned nil")

var (
	errNoDraws     = errors.New("sampler: no chains or no draws requested")
	errDimMismatch = errors.New("sampler: newTarget returned targets of different dimensions")
)
