package sampler

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sameBits(a, b *Result) bool {
	if len(a.Chains) != len(b.Chains) {
		return false
	}
	for c := range a.Chains {
		ca, cb := a.Chains[c], b.Chains[c]
		if math.Float64bits(ca.StepSize) != math.Float64bits(cb.StepSize) {
			return false
		}
		for i := range ca.Draws {
			for j := range ca.Draws[i] {
				if math.Float64bits(ca.Draws[i][j]) != math.Float64bits(cb.Draws[i][j]) {
					return false
				}
			}
			if math.Float64bits(ca.Energy[i]) != math.Float64bits(cb.Energy[i]) || ca.TreeDepth[i] != cb.TreeDepth[i] {
				return false
			}
		}
	}
	return true
}

func TestNUTSDeterministic(t *testing.T) {
	g := correlatedGaussian(5, 0.5)
	cfg := Config{Chains: 4, Warmup: 200, Draws: 200, Seed: 42}
	run := func(workers, procs int, seed uint64) *Result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		c := cfg
		c.Workers = workers
		c.Seed = seed
		r, err := NUTS(context.Background(), g.clone, c)
		require.NoError(t, err)
		return r
	}
	a := run(1, 1, 42)
	b := run(4, 4, 42)
	c := run(0, 2, 42)
	assert.True(t, sameBits(a, b), "Workers 1 vs 4 differ")
	assert.True(t, sameBits(a, c), "Workers 1 vs default differ")
	d := run(4, 2, 43)
	assert.False(t, sameBits(a, d), "different seeds gave identical draws")
	// Chains of one run differ from each other.
	assert.NotEqual(t, a.Chains[0].Draws[0], a.Chains[1].Draws[0])
}

// cancelAfter cancels the context once any chain reports n iterations.
type cancelAfter struct {
	n      int
	cancel context.CancelFunc
	mu     sync.Mutex
	calls  int
}

func (p *cancelAfter) Update(chain, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	if done >= p.n {
		p.cancel()
	}
}

func TestNUTSCancel(t *testing.T) {
	g := correlatedGaussian(3, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &cancelAfter{n: 50, cancel: cancel}
	r, err := NUTS(ctx, g.clone, Config{Chains: 2, Warmup: 1_000_000, Draws: 10, Seed: 1, Progress: p})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, r)

	// An already cancelled context returns at once.
	_, err = NUTS(ctx, g.clone, Config{Seed: 1})
	assert.ErrorIs(t, err, context.Canceled)
}

type progressRecorder struct {
	mu   sync.Mutex
	last map[int]int
	tot  int
}

func (p *progressRecorder) Update(chain, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if done < p.last[chain] {
		panic("progress went backwards")
	}
	p.last[chain] = done
	p.tot = total
}

func TestNUTSProgress(t *testing.T) {
	g := correlatedGaussian(2, 0)
	p := &progressRecorder{last: map[int]int{}}
	_, err := NUTS(context.Background(), g.clone, Config{Chains: 3, Warmup: 100, Draws: 50, Seed: 1, Progress: p})
	require.NoError(t, err)
	assert.Equal(t, map[int]int{0: 150, 1: 150, 2: 150}, p.last)
	assert.Equal(t, 150, p.tot)
}

func TestNUTSNoValidInit(t *testing.T) {
	bad := funcTarget{dim: 2, f: func(grad, x []float64) float64 { return math.Inf(-1) }}
	_, err := NUTS(context.Background(), func() Target { return bad }, Config{Chains: 2, Warmup: 10, Draws: 10})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no valid initial point")

	nanGrad := funcTarget{dim: 1, f: func(grad, x []float64) float64 { grad[0] = math.NaN(); return 0 }}
	_, err = NUTS(context.Background(), func() Target { return nanGrad }, Config{Chains: 1, Warmup: 10, Draws: 10})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "gradient element 0")
}

func TestNUTSBadConfig(t *testing.T) {
	g := correlatedGaussian(2, 0)
	for name, cfg := range map[string]Config{
		"accept":    {TargetAccept: 1.5},
		"depth":     {MaxTreeDepth: -1},
		"warmup":    {Warmup: -5},
		"metric":    {InvMetric: []float64{1}},
		"metricNeg": {InvMetric: []float64{1, -1}},
		"chains":    {Chains: -1},
	} {
		_, err := NUTS(context.Background(), g.clone, cfg)
		assert.Error(t, err, name)
	}
	_, err := NUTS(context.Background(), nil, Config{})
	assert.Error(t, err)
	_, err = NUTS(context.Background(), func() Target { return nil }, Config{})
	assert.Error(t, err)
}

// TestNUTSInvalidRegion samples a half-normal written as a normal that
// returns NaN (not -Inf) for x < 0: the sampler must treat the wall as a
// divergence, never panic, and never return a draw outside the support.
func TestNUTSInvalidRegion(t *testing.T) {
	half := funcTarget{dim: 1, f: func(grad, x []float64) float64 {
		if x[0] < 0 {
			grad[0] = math.NaN()
			return math.NaN()
		}
		grad[0] = -x[0]
		return -0.5 * x[0] * x[0]
	}}
	r, err := NUTS(context.Background(), func() Target { return half }, Config{
		Chains: 2, Warmup: 300, Draws: 1000, Seed: 5,
		Init: func(_ int, dst []float64, rng *rand.Rand) { dst[0] = rng.Float64() + 0.5 },
	})
	require.NoError(t, err)
	x := pooled(r, 0)
	for _, v := range x {
		require.GreaterOrEqual(t, v, 0.0)
	}
	assert.Positive(t, Diagnose(r, 10).Divergences)
	// Half-normal mean sqrt(2/π) ≈ 0.80; loose, since the wall costs efficiency.
	m, _ := meanVar(x)
	assert.InDelta(t, math.Sqrt(2/math.Pi), m, 0.1)
}

func TestNUTSInit(t *testing.T) {
	g := diagGaussian([]float64{1000}, []float64{1})
	var mu sync.Mutex
	seen := map[int]bool{}
	r, err := NUTS(context.Background(), g.clone, Config{
		Chains: 2, Warmup: 200, Draws: 200, Seed: 1,
		Init: func(chain int, dst []float64, rng *rand.Rand) {
			mu.Lock()
			seen[chain] = true
			mu.Unlock()
			dst[0] = 1000 + rng.NormFloat64()
		},
	})
	require.NoError(t, err)
	assert.Equal(t, map[int]bool{0: true, 1: true}, seen)
	m, _ := meanVar(pooled(r, 0))
	assert.InDelta(t, 1000, m, 0.5)
}

func TestNUTSShortWarmup(t *testing.T) {
	// Below 20 warmup iterations only the step size adapts; with NoWarmup
	// nothing does. Both must still produce valid draws.
	g := diagGaussian([]float64{0, 0}, []float64{1, 2})
	r, err := NUTS(context.Background(), g.clone, Config{Chains: 1, Warmup: 10, Draws: 50, Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 1}, r.Chains[0].InvMetric)
	r, err = NUTS(context.Background(), g.clone, Config{Chains: 1, NoWarmup: true, Draws: 50, Seed: 1, StepSize: 0.5, InvMetric: []float64{1, 4}})
	require.NoError(t, err)
	assert.Equal(t, 0.5, r.Chains[0].StepSize)
	assert.Len(t, r.Chains[0].Draws, 50)
}

func TestTransitionAllocFree(t *testing.T) {
	g := correlatedGaussian(10, 0.5)
	n := newNUTS(g.clone(), rand.New(rand.NewPCG(1, 1)), []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 10)
	n.eps = 0.3
	n.z.logp = g.LogProbGrad(n.z.g, n.z.q)
	allocs := testing.AllocsPerRun(100, func() { n.transition() })
	assert.Zero(t, allocs)
}

func TestWindows(t *testing.T) {
	// Stan's schedule for 1000 warmup: metric updates at the ends of windows
	// of 25, 50, 100, 200 and a final stretched window ending at 949.
	w := newWindows(1000)
	var ends []int
	for range 1000 {
		if w.endOfWindow() {
			ends = append(ends, w.counter)
			w.computeNext()
		}
		w.counter++
	}
	assert.Equal(t, []int{99, 149, 249, 449, 949}, ends)

	// Short warmups shrink the buffers to 15% and 10%.
	w = newWindows(100)
	assert.Equal(t, 15, w.initBuf)
	assert.Equal(t, 10, w.termBuf)
	assert.Equal(t, 75, w.base)
	assert.False(t, newWindows(19).enabled)
}

func TestDualAveraging(t *testing.T) {
	// With acceptance a smooth decreasing function of the step size, dual
	// averaging converges to the step size whose acceptance is the target.
	da := newDualAveraging(0.8)
	da.restart(1)
	eps := 1.0
	for range 2000 {
		eps = da.learn(math.Exp(-eps))
	}
	assert.InDelta(t, -math.Log(0.8), da.final(), 0.01)
}

func TestLogAddExp(t *testing.T) {
	inf := math.Inf(-1)
	assert.Equal(t, inf, logAddExp(inf, inf))
	assert.Equal(t, 3.0, logAddExp(inf, 3))
	assert.InDelta(t, math.Log(math.Exp(1)+math.Exp(2)), logAddExp(1, 2), 1e-15)
	assert.InDelta(t, 1000+math.Log(2), logAddExp(1000, 1000), 1e-12)
}
