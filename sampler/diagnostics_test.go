package sampler

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func iidChains(rng *rand.Rand, m, n int, mean func(c int) float64, sd func(c int) float64) [][]float64 {
	out := make([][]float64, m)
	for c := range out {
		out[c] = make([]float64, n)
		for i := range out[c] {
			out[c][i] = mean(c) + sd(c)*rng.NormFloat64()
		}
	}
	return out
}

func ar1Chains(rng *rand.Rand, m, n int, phi float64) [][]float64 {
	out := make([][]float64, m)
	s := math.Sqrt(1 - phi*phi)
	for c := range out {
		out[c] = make([]float64, n)
		x := rng.NormFloat64() // stationary start
		for i := range out[c] {
			x = phi*x + s*rng.NormFloat64()
			out[c][i] = x
		}
	}
	return out
}

func TestRHat(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	zero := func(int) float64 { return 0 }
	one := func(int) float64 { return 1 }
	iid := iidChains(rng, 4, 1000, zero, one)
	assert.InDelta(t, 1, RHat(iid), 0.01, "iid chains")

	shifted := iidChains(rng, 4, 1000, func(c int) float64 { return 0.5 * float64(c) }, one)
	assert.Greater(t, RHat(shifted), 1.1, "chains with shifted means")

	// Same location, different scales: invisible to the bulk R-hat, caught
	// by the folded (tail) one.
	scaled := iidChains(rng, 4, 1000, zero, func(c int) float64 { return 1 + 2*float64(c%2) })
	assert.InDelta(t, 1, rhatBasic(zScale(splitChains(scaled))), 0.01)
	assert.Greater(t, RHat(scaled), 1.05, "chains with different scales")

	// A trend inside each chain is caught by splitting.
	trend := iidChains(rng, 4, 1000, zero, func(int) float64 { return 0.3 })
	for _, c := range trend {
		for i := range c {
			c[i] += 3 * float64(i) / float64(len(c))
		}
	}
	assert.Greater(t, RHat(trend), 1.1, "chains with a trend")

	// R-hat is rank based: a monotone transform leaves it unchanged.
	exp := make([][]float64, len(shifted))
	for c := range shifted {
		exp[c] = make([]float64, len(shifted[c]))
		for i, v := range shifted[c] {
			exp[c][i] = math.Exp(v)
		}
	}
	assert.InDelta(t, rhatBasic(zScale(splitChains(shifted))), rhatBasic(zScale(splitChains(exp))), 1e-12)
}

func TestRHatBasicByHand(t *testing.T) {
	// Two chains of two draws: means 1.5 and 3.5, variances 0.5 and 0.5:
	// W = 0.5, B = n var(means) = 2*2 = 4, sqrt((B/W + n - 1)/n) = sqrt(4.5).
	got := rhatBasic([][]float64{{1, 2}, {3, 4}})
	assert.InDelta(t, math.Sqrt(4.5), got, 1e-12)
}

func TestDiagnosticsUndefined(t *testing.T) {
	for name, chains := range map[string][][]float64{
		"constant": {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}},
		"nan":      {{1, 2, math.NaN(), 4, 5}, {1, 2, 3, 4, 5}},
		"inf":      {{1, 2, math.Inf(1), 4, 5}, {1, 2, 3, 4, 5}},
		"unequal":  {{1, 2, 3, 4, 5}, {1, 2, 3, 4}},
		"empty":    {},
		"nodraws":  {{}},
	} {
		assert.True(t, math.IsNaN(RHat(chains)), name)
		assert.True(t, math.IsNaN(ESSBulk(chains)), name)
		assert.True(t, math.IsNaN(ESSTail(chains)), name)
		assert.True(t, math.IsNaN(ESSBasic(chains)), name)
	}
}

func TestESSIID(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	zero := func(int) float64 { return 0 }
	one := func(int) float64 { return 1 }
	x := iidChains(rng, 4, 1000, zero, one)
	n := 4000.0
	assert.InEpsilon(t, n, ESSBulk(x), 0.1)
	assert.InEpsilon(t, n, ESSBasic(x), 0.1)
	assert.InEpsilon(t, n, ESSTail(x), 0.15)
}

func TestESSAR1(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const phi = 0.9
	x := ar1Chains(rng, 4, 5000, phi)
	want := 20000 * (1 - phi) / (1 + phi)
	assert.InEpsilon(t, want, ESSBulk(x), 0.2)
	assert.InEpsilon(t, want, ESSBasic(x), 0.2)
	// Antithetic chains (phi < 0) have ESS above N; the estimator caps it at N log10(N).
	y := ar1Chains(rng, 4, 5000, -0.5)
	assert.InEpsilon(t, 20000*1.5/0.5, ESSBasic(y), 0.2)
}

// essDirect is the textbook estimator with autocovariances summed directly;
// it checks the FFT path.
func essDirect(chains [][]float64) float64 {
	m := len(chains)
	n := len(chains[0])
	acov := make([][]float64, m)
	means := make([]float64, m)
	for c, ch := range chains {
		mu, _ := meanVar(ch)
		means[c] = mu
		acov[c] = make([]float64, n)
		for lag := range n {
			var s float64
			for i := 0; i+lag < n; i++ {
				s += (ch[i] - mu) * (ch[i+lag] - mu)
			}
			acov[c][lag] = s / float64(n)
		}
	}
	fn := float64(n)
	var w float64
	for c := range acov {
		w += acov[c][0]
	}
	w = w / float64(m) * fn / (fn - 1)
	_, vm := meanVar(means)
	varPlus := w*(fn-1)/fn + vm
	rho := func(lag int) float64 {
		var s float64
		for c := range acov {
			s += acov[c][lag]
		}
		return 1 - (w-s/float64(m))/varPlus
	}
	// Initial positive sequence, then monotone, written independently.
	var pairs []float64
	for t := 0; t+1 < n; t += 2 {
		p := rho(t) + rho(t+1)
		if p < 0 {
			break
		}
		if len(pairs) > 0 && p > pairs[len(pairs)-1] {
			p = pairs[len(pairs)-1]
		}
		pairs = append(pairs, p)
	}
	tau := -1.0
	for _, p := range pairs {
		tau += 2 * p
	}
	return float64(m*n) / tau
}

func TestESSMatchesDirectAutocovariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	x := splitChains(ar1Chains(rng, 2, 600, 0.7))
	// The posterior package adds the first dropped even lag ("improved
	// estimate"), which the textbook sum omits: agreement within 2%.
	assert.InEpsilon(t, essDirect(x), essSplit(x), 0.02)

	ac := newAutocov(7)
	seq := []float64{1, 3, 2, 5, 4, 4, 1}
	got := ac.compute(seq)
	mu, _ := meanVar(seq)
	for lag := range seq {
		var s float64
		for i := 0; i+lag < len(seq); i++ {
			s += (seq[i] - mu) * (seq[i+lag] - mu)
		}
		assert.InDelta(t, s/7, got[lag], 1e-12, "lag %d", lag)
	}
}

func TestZScaleTies(t *testing.T) {
	z := zScale([][]float64{{3, 1}, {1, 2}})
	// Ranks: 3 -> 4, 1 -> 1.5 (tied), 2 -> 3; S = 4.
	q := func(r float64) float64 {
		p := (r - 3.0/8) / 4.25
		return math.Sqrt2 * math.Erfinv(2*p-1)
	}
	assert.InDelta(t, q(4), z[0][0], 1e-12)
	assert.InDelta(t, q(1.5), z[0][1], 1e-12)
	assert.InDelta(t, q(1.5), z[1][0], 1e-12)
	assert.InDelta(t, q(3), z[1][1], 1e-12)
}

func TestSplitChainsOdd(t *testing.T) {
	s := splitChains([][]float64{{1, 2, 3, 4, 5}})
	require.Len(t, s, 2)
	assert.Equal(t, []float64{1, 2}, s[0])
	assert.Equal(t, []float64{4, 5}, s[1])
}

func TestQuantile7(t *testing.T) {
	// R: quantile(c(1, 2, 3, 4, 10), c(0.05, 0.5, 0.95)) = 1.2, 3, 8.8
	x := []float64{1, 2, 3, 4, 10}
	assert.InDelta(t, 1.2, quantile7(x, 0.05), 1e-12)
	assert.InDelta(t, 3, quantile7(x, 0.5), 1e-12)
	assert.InDelta(t, 8.8, quantile7(x, 0.95), 1e-12)
}

func TestEBFMI(t *testing.T) {
	// Steps 1, 1, 1: 3; squared deviations about 2.5: 2.25+0.25+0.25+2.25 = 5.
	assert.InDelta(t, 0.6, EBFMI([]float64{1, 2, 3, 4}), 1e-12)
	// Independent energies: E[(e_n - e_{n-1})²] = 2 Var(e).
	rng := rand.New(rand.NewPCG(9, 10))
	e := make([]float64, 20000)
	for i := range e {
		e[i] = rng.NormFloat64()
	}
	assert.InDelta(t, 2, EBFMI(e), 0.05)
	// A slowly wandering energy has a small E-BFMI.
	for i := 1; i < len(e); i++ {
		e[i] = e[i-1] + 0.01*rng.NormFloat64()
	}
	assert.Less(t, EBFMI(e), 0.01)
	assert.True(t, math.IsNaN(EBFMI([]float64{1})))
	assert.True(t, math.IsNaN(EBFMI([]float64{2, 2, 2})))
}

func TestDiagnose(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	r := &Result{Method: "nuts", Dim: 3}
	for c := range 4 {
		ch := Chain{}
		for i := range 500 {
			ch.Draws = append(ch.Draws, []float64{rng.NormFloat64(), 7, rng.NormFloat64() + float64(c)})
			ch.Divergent = append(ch.Divergent, c == 1 && i < 3)
			depth := 3
			if c == 2 && i < 5 {
				depth = 10
			}
			ch.TreeDepth = append(ch.TreeDepth, depth)
			ch.Energy = append(ch.Energy, rng.NormFloat64())
		}
		r.Chains = append(r.Chains, ch)
	}
	// Chain 3's energy wanders: low E-BFMI.
	e := r.Chains[3].Energy
	for i := 1; i < len(e); i++ {
		e[i] = e[i-1] + 0.05*rng.NormFloat64()
	}
	d := Diagnose(r, 10)
	assert.Equal(t, 3, d.Divergences)
	assert.Equal(t, 5, d.TreeDepthHits)
	assert.Greater(t, d.RHatMax, 1.5)
	assert.True(t, math.IsNaN(d.Params[1].RHat), "constant parameter is ignored")
	assert.InDelta(t, 1, d.Params[0].RHat, 0.02)
	assert.Less(t, d.EBFMIMin, 0.3)
	assert.Contains(t, d.Warnings, "3 divergent transitions")
	assert.Contains(t, d.Warnings, "5 transitions hit the maximum tree depth 10")
	assert.Contains(t, d.Warnings, "E-BFMI "+strconv.FormatFloat(d.EBFMIMin, 'g', 3, 64)+" < 0.3 in chain 3")
	found := false
	for _, w := range d.Warnings {
		if len(w) > 6 && w[:6] == "R-hat " {
			found = true
			assert.Contains(t, w, "for parameter 2")
		}
	}
	assert.True(t, found, "R-hat warning in %q", d.Warnings)
}

func TestDiagnoseMatchesStandalone(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	x := ar1Chains(rng, 4, 300, 0.5)
	r := &Result{Dim: 1}
	for _, c := range x {
		var ch Chain
		for _, v := range c {
			ch.Draws = append(ch.Draws, []float64{v})
		}
		r.Chains = append(r.Chains, ch)
	}
	p := Diagnose(r, 10).Params[0]
	assert.Equal(t, RHat(x), p.RHat)
	assert.Equal(t, ESSBulk(x), p.ESSBulk)
	assert.Equal(t, ESSTail(x), p.ESSTail)
}

// A warning shows the comparison that failed, with the digits it takes:
// never "1.05 > 1.05".
func TestWarningsShowTheFailedComparison(t *testing.T) {
	for _, tc := range []struct {
		v     float64
		op    byte
		limit float64
		want  string
	}{
		{1.0504, '>', 1.05, "1.0504 > 1.05"},
		{1.05000001, '>', 1.05, "1.05000001 > 1.05"},
		{1.31, '>', 1.05, "1.31 > 1.05"},
		{399.6, '<', 400, "399.6 < 400"},
		{12, '<', 400, "12 < 400"},
		{1234.4, '<', 1600, "1230 < 1600"},
		{0.2999, '<', 0.3, "0.2999 < 0.3"},
	} {
		assert.Equal(t, tc.want, beyond(tc.v, tc.op, tc.limit))
	}
}
