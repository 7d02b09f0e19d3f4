package budget

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/triad-mmm/triad/stat"
)

func wide(n int, hi float64) []Bounds {
	b := make([]Bounds, n)
	for c := range b {
		b[c] = Bounds{Min: 0, Max: hi}
	}
	return b
}

// waterFill is the oracle for logCurves: x_c = clip(a_c/λ − b_c, lo, hi)
// with λ found by bisection so that Σx = total.
func waterFill(r logCurves, lo, hi []float64, total float64) []float64 {
	x := make([]float64, len(r.a))
	at := func(l float64) float64 {
		var s float64
		for c := range x {
			x[c] = math.Min(math.Max(r.a[c]/l-r.b[c], lo[c]), hi[c])
			s += x[c]
		}
		return s
	}
	la, lb := 1e-12, 1e12 // Σx(la) = Σhi, Σx(lb) = Σlo
	for range 2000 {
		m := math.Sqrt(la * lb)
		if at(m) > total {
			la = m
		} else {
			lb = m
		}
	}
	at(math.Sqrt(la * lb))
	return x
}

func TestOptimizeLogClosedForm(t *testing.T) {
	r := logCurves{
		a:    []float64{3e5, 2e5, 5e5, 1e5},
		b:    []float64{5e4, 1e5, 8e4, 2e4},
		mult: [][]float64{spread(200, 0.5, 1), spread(200, 0.2, 2), spread(200, 0.9, 3), spread(200, 0, 4)},
	}
	cur := []float64{1.5e5, 1.5e5, 1.5e5, 1.5e5}
	total := 6e5
	p := Problem{Current: cur, Bounds: wide(4, 1e7)}
	plan, err := Optimize(r, p, 0.9)
	require.NoError(t, err)

	// Unconstrained water-filling: a_c/(b_c+x_c) = λ and Σx = total.
	lambda := (3e5 + 2e5 + 5e5 + 1e5) / (total + 5e4 + 1e5 + 8e4 + 2e4)
	for c := range cur {
		want := r.a[c]/lambda - r.b[c]
		assert.InEpsilon(t, want, plan.Recommended[c], 1e-7, "channel %d", c)
		// Marginal returns are equal at the optimum.
		assert.InEpsilon(t, lambda, plan.MROIRecommended[c].Mean, 1e-6, "channel %d mROI", c)
	}
	lo, hi := boundsLoHi(p.Bounds, cur)
	requireFeasible(t, plan.Recommended, lo, hi, total)
}

func TestOptimizeLogBindingBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 20 {
		n := 2 + rng.IntN(6)
		r := logCurves{a: make([]float64, n), b: make([]float64, n), mult: ones(n, 3)}
		cur := make([]float64, n)
		for c := range n {
			cur[c] = 1e4 * (0.1 + 10*rng.Float64())
			r.a[c] = 1e4 * (0.5 + 5*rng.Float64())
			r.b[c] = 1e4 * (0.1 + 3*rng.Float64())
		}
		p := Problem{Current: cur}
		if trial%2 == 1 {
			p.Total = stat.Sum(cur) * (0.8 + 0.4*rng.Float64())
			p.Bounds = DefaultBounds(cur, 0.5)
		}
		plan, err := Optimize(r, p, 0.8)
		require.NoError(t, err)
		b := p.Bounds
		if b == nil {
			b = DefaultBounds(cur, 0.3)
		}
		total := p.Total
		if total == 0 {
			total = stat.Sum(cur)
		}
		lo, hi := boundsLoHi(b, cur)
		requireFeasible(t, plan.Recommended, lo, hi, total)
		want := waterFill(r, lo, hi, total)
		for c := range want {
			assert.InDelta(t, want[c], plan.Recommended[c], 1e-7*total, "trial %d channel %d", trial, c)
		}
	}
}

func TestOptimizeHillConcaveEqualisesMarginals(t *testing.T) {
	r := hillCurves{
		beta: []float64{4e5, 3e5, 6e5, 2e5, 5e5},
		k:    []float64{1e5, 2e5, 3e5, 5e4, 2e5},
		s:    []float64{0.6, 0.8, 1, 0.9, 0.7},
		mult: ones(5, 10),
	}
	cur := []float64{1e5, 1e5, 1e5, 1e5, 1e5}
	p := Problem{Current: cur, Bounds: wide(5, 4e5)}
	plan, err := Optimize(r, p, 0.9)
	require.NoError(t, err)
	lo, hi := boundsLoHi(p.Bounds, cur)
	requireFeasible(t, plan.Recommended, lo, hi, 5e5)

	// Analytic marginal returns of the channels strictly inside their
	// bounds are equal; a channel at a bound may only be better (at the
	// maximum) or worse (at the minimum).
	var interior []float64
	for c, x := range plan.Recommended {
		if x > lo[c]+1 && x < hi[c]-1 {
			interior = append(interior, r.meanSlope(c, x))
		}
	}
	require.GreaterOrEqual(t, len(interior), 2)
	for _, g := range interior[1:] {
		assert.InEpsilon(t, interior[0], g, 1e-6)
	}
	for c, x := range plan.Recommended {
		switch {
		case x == hi[c]:
			assert.GreaterOrEqual(t, r.meanSlope(c, x), interior[0]*(1-1e-6))
		case x == lo[c]:
			assert.LessOrEqual(t, r.meanSlope(c, x), interior[0]*(1+1e-6))
		}
	}
	// No random feasible allocation does better.
	best := 0.0
	for c, x := range plan.Recommended {
		best += r.meanF(c, x)
	}
	rng := rand.New(rand.NewPCG(3, 3))
	y, z := make([]float64, 5), make([]float64, 5)
	for range 2000 {
		for c := range y {
			y[c] = plan.Recommended[c] + 2e4*rng.NormFloat64()
		}
		project(z, y, lo, hi, 5e5)
		var f float64
		for c, x := range z {
			f += r.meanF(c, x)
		}
		require.LessOrEqual(t, f, best*(1+1e-12))
	}
}

// bruteTwo maximises f_0(x) + f_1(total − x) over the feasible x by a fine
// grid and golden-section refinement: an oracle that ignores curve shape.
func bruteTwo(f func(c int, x float64) float64, lo, hi []float64, total float64) (float64, float64) {
	a := math.Max(lo[0], total-hi[1])
	b := math.Min(hi[0], total-lo[1])
	g := func(x float64) float64 { return f(0, x) + f(1, total-x) }
	const n = 200000
	bx, bv := a, g(a)
	for i := 1; i <= n; i++ {
		x := a + (b-a)*float64(i)/n
		if v := g(x); v > bv {
			bx, bv = x, v
		}
	}
	l, u := math.Max(a, bx-(b-a)/n), math.Min(b, bx+(b-a)/n)
	phi := (math.Sqrt(5) - 1) / 2
	for range 200 {
		m1, m2 := u-phi*(u-l), l+phi*(u-l)
		if g(m1) < g(m2) {
			l = m1
		} else {
			u = m2
		}
	}
	if v := g((l + u) / 2); v > bv {
		bx, bv = (l+u)/2, v
	}
	return bx, bv
}

func TestOptimizeHillSShaped(t *testing.T) {
	// Two S-shaped curves. Spreading the budget evenly leaves both on their
	// flat foot, and marginal returns are equal there too (a local minimum
	// of the exchange): only a global search finds the optimum, which
	// concentrates the budget.
	cases := []struct {
		name string
		r    hillCurves
		cur  []float64
		lo   []float64
		hi   []float64
	}{
		{"concentrate", hillCurves{beta: []float64{1e6, 1.1e6}, k: []float64{3e5, 3.2e5}, s: []float64{4, 4}, mult: ones(2, 4)},
			[]float64{2e5, 2e5}, []float64{0, 0}, []float64{4e5, 4e5}},
		{"mixed", hillCurves{beta: []float64{8e5, 3e5}, k: []float64{2e5, 5e4}, s: []float64{3, 0.7}, mult: ones(2, 4)},
			[]float64{1e5, 1.5e5}, []float64{2e4, 2e4}, []float64{4e5, 4e5}},
		{"tight", hillCurves{beta: []float64{1e6, 1e6}, k: []float64{2e5, 1e5}, s: []float64{2.5, 3}, mult: ones(2, 4)},
			[]float64{1.5e5, 1e5}, []float64{1e5, 7e4}, []float64{1.8e5, 1.3e5}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := []Bounds{{Min: tc.lo[0], Max: tc.hi[0]}, {Min: tc.lo[1], Max: tc.hi[1]}}
			total := stat.Sum(tc.cur)
			plan, err := Optimize(tc.r, Problem{Current: tc.cur, Bounds: b}, 0.9)
			require.NoError(t, err)
			requireFeasible(t, plan.Recommended, tc.lo, tc.hi, total)
			wantX, wantF := bruteTwo(tc.r.meanF, tc.lo, tc.hi, total)
			got := tc.r.meanF(0, plan.Recommended[0]) + tc.r.meanF(1, plan.Recommended[1])
			assert.GreaterOrEqual(t, got, wantF*(1-1e-10))
			assert.InDelta(t, wantX, plan.Recommended[0], 1e-5*total)
		})
	}
}

func TestOptimizeSShapedManyChannels(t *testing.T) {
	// Three S-curves against a 2-D grid search of the same problem.
	r := hillCurves{
		beta: []float64{5e5, 7e5, 4e5},
		k:    []float64{1.5e5, 2.5e5, 1e5},
		s:    []float64{3, 2.5, 1.5},
		mult: ones(3, 2),
	}
	cur := []float64{1e5, 1e5, 1e5}
	lo, hi := []float64{0, 0, 0}, []float64{3e5, 3e5, 3e5}
	total := 3e5
	plan, err := Optimize(r, Problem{Current: cur, Bounds: wide(3, 3e5)}, 0.9)
	require.NoError(t, err)
	requireFeasible(t, plan.Recommended, lo, hi, total)
	var got float64
	for c, x := range plan.Recommended {
		got += r.meanF(c, x)
	}
	const n = 1500
	var best float64
	for i := 0; i <= n; i++ {
		for j := 0; i+j <= n; j++ {
			x0, x1 := total*float64(i)/n, total*float64(j)/n
			best = math.Max(best, r.meanF(0, x0)+r.meanF(1, x1)+r.meanF(2, total-x0-x1))
		}
	}
	assert.GreaterOrEqual(t, got, best*(1-1e-12))
}

func TestOptimizeLocked(t *testing.T) {
	r := logCurves{a: []float64{3e5, 2e5, 5e5}, b: []float64{5e4, 1e5, 8e4}, mult: ones(3, 5)}
	cur := []float64{1e5, 2e5, 3e5}
	// Channel 1 is locked even though its current spend lies outside its
	// nominal bounds.
	b := []Bounds{{Min: 0, Max: 1e6}, {Min: 0, Max: 1e4, Locked: true}, {Min: 0, Max: 1e6}}
	plan, err := Optimize(r, Problem{Current: cur, Total: 7e5, Bounds: b}, 0.9)
	require.NoError(t, err)
	assert.Equal(t, 2e5, plan.Recommended[1])
	lo, hi := boundsLoHi(b, cur)
	requireFeasible(t, plan.Recommended, lo, hi, 7e5)
	want := waterFill(r, lo, hi, 7e5)
	for c := range want {
		assert.InDelta(t, want[c], plan.Recommended[c], 1e-7*7e5)
	}
}

func TestOptimizeNoFreedom(t *testing.T) {
	r := logCurves{a: []float64{3e5, 2e5}, b: []float64{5e4, 1e5}, mult: ones(2, 3)}
	// The total equals the sum of the minimums: the only plan is the minimums.
	b := []Bounds{{Min: 1e5, Max: 2e5}, {Min: 5e4, Max: 1e5}}
	plan, err := Optimize(r, Problem{Current: []float64{1e5, 1e5}, Total: 1.5e5, Bounds: b}, 0.9)
	require.NoError(t, err)
	assert.Equal(t, []float64{1e5, 5e4}, plan.Recommended)
	// One free channel must take whatever the locked one leaves.
	b = []Bounds{{Min: 0, Max: 1e6}, {Locked: true}}
	plan, err = Optimize(r, Problem{Current: []float64{1e5, 1e5}, Total: 3e5, Bounds: b}, 0.9)
	require.NoError(t, err)
	assert.Equal(t, []float64{2e5, 1e5}, plan.Recommended)
}

func TestOptimizeInfeasible(t *testing.T) {
	r := logCurves{a: []float64{1, 1}, b: []float64{1, 1}, mult: ones(2, 2)}
	cur := []float64{100, 100}
	_, err := Optimize(r, Problem{Current: cur, Total: 100, Bounds: []Bounds{{Min: 60, Max: 200}, {Min: 50, Max: 200}}}, 0.9)
	require.ErrorIs(t, err, ErrInfeasible)
	_, err = Optimize(r, Problem{Current: cur, Total: 500}, 0.9) // default ±30%: at most 260
	require.ErrorIs(t, err, ErrInfeasible)
	assert.Contains(t, err.Error(), "maximums")
	_, err = Optimize(r, Problem{Current: cur, Total: 300, Bounds: []Bounds{{Locked: true}, {Min: 0, Max: 150}}}, 0.9)
	require.ErrorIs(t, err, ErrInfeasible)
}

type nanResponse struct{ logCurves }

func (r nanResponse) Contribution(dst []float64, c int, x float64) {
	r.logCurves.Contribution(dst, c, x)
	if x > 120 {
		dst[0] = math.NaN()
	}
}

func TestOptimizeBadInput(t *testing.T) {
	r := logCurves{a: []float64{1, 1}, b: []float64{1, 1}, mult: ones(2, 2)}
	cur := []float64{100, 100}
	cases := []struct {
		name  string
		r     Response
		p     Problem
		level float64
	}{
		{"nil response", nil, Problem{Current: cur}, 0.9},
		{"channel count", r, Problem{Current: []float64{1, 2, 3}}, 0.9},
		{"no channels", logCurves{mult: [][]float64{{1}}}, Problem{}, 0.9},
		{"negative spend", r, Problem{Current: []float64{-1, 100}}, 0.9},
		{"nan spend", r, Problem{Current: []float64{math.NaN(), 100}}, 0.9},
		{"min above max", r, Problem{Current: cur, Bounds: []Bounds{{Min: 5, Max: 1}, {Max: 200}}}, 0.9},
		{"negative min", r, Problem{Current: cur, Bounds: []Bounds{{Min: -5, Max: 1}, {Max: 200}}}, 0.9},
		{"bounds count", r, Problem{Current: cur, Bounds: []Bounds{{Max: 200}}}, 0.9},
		{"negative total", r, Problem{Current: cur, Total: -3}, 0.9},
		{"infinite total", r, Problem{Current: cur, Total: math.Inf(1)}, 0.9},
		{"quantile range", r, Problem{Current: cur, Objective: Quantile{Q: 0.7}}, 0.9},
		{"level", r, Problem{Current: cur}, 1},
		{"level nan", r, Problem{Current: cur}, math.NaN()},
		{"nan response", nanResponse{r}, Problem{Current: cur}, 0.9},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Optimize(tc.r, tc.p, tc.level)
			require.Error(t, err)
			assert.False(t, errors.Is(err, ErrInfeasible))
		})
	}
}

func TestPlanIntervals(t *testing.T) {
	// Every channel shares the draw multiplier m_d, so each draw's gain is
	// m_d·G and its marginal ROI m_d·a_c/(b_c+x_c): the intervals are the
	// deterministic values scaled by the quantiles of m.
	const nd = 1001
	m := spread(nd, 0.6, 9)
	r := logCurves{a: []float64{3e5, 2e5, 5e5}, b: []float64{5e4, 1e5, 8e4}, mult: [][]float64{m, m, m}}
	cur := []float64{2e5, 1e5, 1e5}
	plan, err := Optimize(r, Problem{Current: cur}, 0.8)
	require.NoError(t, err)
	mq := stat.Summarize(m, 0.8)
	var g, fc, fr float64
	for c := range cur {
		fc += r.meanF(c, cur[c])
		fr += r.meanF(c, plan.Recommended[c])
	}
	g = fr - fc
	require.Greater(t, g, 0.0)
	assert.InEpsilon(t, g, plan.ExpectedGain.Mean, 1e-9)
	assert.InEpsilon(t, g*mq.Lo, plan.ExpectedGain.Lo, 1e-9)
	assert.InEpsilon(t, g*mq.Hi, plan.ExpectedGain.Hi, 1e-9)
	assert.InEpsilon(t, fc*mq.Lo, plan.CurrentKPI.Lo, 1e-9)
	assert.InEpsilon(t, fr*mq.Hi, plan.RecommendedKPI.Hi, 1e-9)
	for c := range cur {
		mc := r.a[c] / (r.b[c] + cur[c])
		mr := r.a[c] / (r.b[c] + plan.Recommended[c])
		assert.InEpsilon(t, mc, plan.MROICurrent[c].Mean, 1e-7)
		assert.InEpsilon(t, mc*mq.Lo, plan.MROICurrent[c].Lo, 1e-7)
		assert.InEpsilon(t, mr*mq.Hi, plan.MROIRecommended[c].Hi, 1e-7)
	}
}

func TestOptimizeZeroSpendChannel(t *testing.T) {
	// A channel with no current spend and a range starting at zero: the
	// finite differences must not step below zero, and the optimum is the
	// water-filling one.
	r := logCurves{a: []float64{3e5, 2e5, 1e4}, b: []float64{5e4, 1e5, 8e4}, mult: ones(3, 3)}
	cur := []float64{2e5, 1e5, 0}
	b := []Bounds{{Min: 0, Max: 5e5}, {Min: 0, Max: 5e5}, {Min: 0, Max: 5e5}}
	plan, err := Optimize(r, Problem{Current: cur, Bounds: b}, 0.9)
	require.NoError(t, err)
	lo, hi := boundsLoHi(b, cur)
	want := waterFill(r, lo, hi, 3e5)
	assert.Equal(t, 0.0, want[2]) // the oracle agrees it stays unfunded
	for c := range want {
		assert.InDelta(t, want[c], plan.Recommended[c], 1e-7*3e5)
	}
	assert.InEpsilon(t, r.a[2]/r.b[2], plan.MROICurrent[2].Mean, 1e-6)
}

func TestOptimizePosteriorCurves(t *testing.T) {
	// Draws with different K and β: curves not proportional across draws.
	// The mean objective is Σ_c mean_d f_cd, checked against the exchange
	// optimality condition: no pair move of 0.1% of the total helps.
	r, cur := newDrawCurves(6, 300, 11)
	p := Problem{Current: cur}
	plan, err := Optimize(r, p, 0.9)
	require.NoError(t, err)
	lo, hi := boundsLoHi(DefaultBounds(cur, 0.3), cur)
	total := stat.Sum(cur)
	requireFeasible(t, plan.Recommended, lo, hi, total)
	buf := make([]float64, 300)
	f := func(c int, x float64) float64 { r.Contribution(buf, c, x); return meanOf(buf) }
	x := plan.Recommended
	step := 1e-3 * total
	for i := range x {
		for j := range x {
			if i == j {
				continue
			}
			d := math.Min(step, math.Min(hi[i]-x[i], x[j]-lo[j]))
			if d <= 0 {
				continue
			}
			before := f(i, x[i]) + f(j, x[j])
			after := f(i, x[i]+d) + f(j, x[j]-d)
			assert.LessOrEqual(t, after, before*(1+1e-12), "moving %g from %d to %d helps", d, j, i)
		}
	}
	assert.Greater(t, plan.ExpectedGain.Mean, 0.0)
}

func TestOptimizeFlatResponse(t *testing.T) {
	// A channel with no effect at all: any feasible plan is optimal, the
	// optimiser must not divide by its zero slope.
	r := hillCurves{beta: []float64{0, 0}, k: []float64{1, 1}, s: []float64{1, 1}, mult: ones(2, 3)}
	cur := []float64{100, 300}
	plan, err := Optimize(r, Problem{Current: cur, Bounds: wide(2, 1e3)}, 0.9)
	require.NoError(t, err)
	requireFeasible(t, plan.Recommended, []float64{0, 0}, []float64{1e3, 1e3}, 400)
	assert.Equal(t, Interval{}, plan.ExpectedGain)
}

func TestPlanReportsResolvedBounds(t *testing.T) {
	r := logCurves{a: []float64{3e5, 2e5, 5e5}, b: []float64{5e4, 1e5, 8e4}, mult: ones(3, 2)}
	cur := []float64{2e5, 1e5, 1e5}
	plan, err := Optimize(r, Problem{Current: cur}, 0.9)
	require.NoError(t, err)
	assert.Equal(t, 4e5, plan.Total)
	assert.Equal(t, DefaultBounds(cur, 0.3), plan.Bounds)
	b := []Bounds{{Max: 1e6}, {Locked: true}, {Min: 1e4, Max: 2e5}}
	plan, err = Optimize(r, Problem{Current: cur, Bounds: b, Total: 5e5}, 0.9)
	require.NoError(t, err)
	assert.Equal(t, 5e5, plan.Total)
	assert.Equal(t, []Bounds{{Max: 1e6}, {Min: 1e5, Max: 1e5, Locked: true}, {Min: 1e4, Max: 2e5}}, plan.Bounds)
}

func TestDefaultBounds(t *testing.T) {
	assert.Equal(t, []Bounds{{Min: 70, Max: 130}, {Min: 0, Max: 0}}, DefaultBounds([]float64{100, 0}, 0.3))
	assert.Equal(t, []Bounds{{Min: 0, Max: 300}}, DefaultBounds([]float64{150}, 1))
	assert.Equal(t, []Bounds{{Min: 0, Max: 375}}, DefaultBounds([]float64{150}, 1.5))
}
