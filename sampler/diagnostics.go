package sampler

import (
	"math"

	"gonum.org/v1/gonum/dsp/fourier"

	"github.com/triad-mmm/triad/stat"
)

// RHat returns the rank-normalised split R-hat of chains ([chain][draw]):
// the larger of the bulk value (on rank-normalised draws) and the tail value
// (on rank-normalised draws folded about the median). It is NaN when
// undefined: fewer than four draws per chain, unequal lengths, non-finite or
// constant draws.
func RHat(chains [][]float64) float64 {
	if unusable(chains) {
		return math.NaN()
	}
	return diagnoseParam(chains, false).RHat
}

// diagnoseParam computes all per-parameter diagnostics of usable chains,
// sharing the sorting and rank normalisation between them.
func diagnoseParam(chains [][]float64, withESS bool) ParamDiag {
	nan := math.NaN()
	p := ParamDiag{RHat: nan, ESSBulk: nan, ESSTail: nan}
	sorted := pooledSorted(chains)
	split := splitChains(chains)
	zBulk := zScale(split)
	if len(chains[0]) >= 4 {
		med := stat.Quantile(sorted, 0.5)
		p.RHat = math.Max(rhatBasic(zBulk), rhatBasic(zScale(splitChains(fold(chains, med)))))
	}
	if withESS {
		p.ESSBulk = essSplit(zBulk)
		p.ESSTail = essTail(split, sorted)
	}
	return p
}

// rhatBasic is the classic potential scale reduction factor.
func rhatBasic(chains [][]float64) float64 {
	m := len(chains)
	n := float64(len(chains[0]))
	if m < 2 || n < 2 {
		return math.NaN()
	}
	means := make([]float64, m)
	var w float64
	for c, ch := range chains {
		mu, v := stat.MeanVar(ch)
		means[c] = mu
		w += v
	}
	w /= float64(m)
	_, vm := stat.MeanVar(means)
	b := n * vm
	return math.Sqrt((b/w + n - 1) / n)
}

// ESSBulk returns the bulk effective sample size: the ESS of the
// rank-normalised split chains. NaN when undefined.
func ESSBulk(chains [][]float64) float64 {
	if unusable(chains) {
		return math.NaN()
	}
	return essSplit(zScale(splitChains(chains)))
}

// ESSTail returns the tail effective sample size: the smaller ESS of the
// indicators I(x <= q05) and I(x <= q95) on split chains. NaN when undefined.
func ESSTail(chains [][]float64) float64 {
	if unusable(chains) {
		return math.NaN()
	}
	return essTail(splitChains(chains), pooledSorted(chains))
}

func essTail(split [][]float64, sorted []float64) float64 {
	ess := math.Inf(1)
	ind := make([][]float64, len(split))
	for c, ch := range split {
		ind[c] = make([]float64, len(ch))
	}
	for _, p := range [2]float64{0.05, 0.95} {
		q := stat.Quantile(sorted, p)
		for c, ch := range split {
			for i, v := range ch {
				ind[c][i] = 0
				if v <= q {
					ind[c][i] = 1
				}
			}
		}
		if unusable(ind) {
			return math.NaN()
		}
		e := essSplit(ind)
		if math.IsNaN(e) {
			return math.NaN()
		}
		ess = math.Min(ess, e)
	}
	return ess
}

// ESSBasic returns the effective sample size of the split chains without
// rank normalisation: the one that gives the Monte Carlo standard error of
// the mean, sd/sqrt(ESSBasic). NaN when undefined.
func ESSBasic(chains [][]float64) float64 {
	if unusable(chains) {
		return math.NaN()
	}
	return essSplit(splitChains(chains))
}

// essSplit estimates the ESS of chains (already split) from the
// multi-chain autocorrelation truncated by Geyer's initial monotone
// sequence, as Stan and the posterior package do.
func essSplit(chains [][]float64) float64 {
	m := len(chains)
	n := len(chains[0])
	if n < 3 {
		return math.NaN()
	}
	acov := make([][]float64, m)
	means := make([]float64, m)
	ac := newAutocov(n)
	var meanVarW float64
	for c, ch := range chains {
		acov[c] = ac.compute(ch)
		mu := stat.Mean(ch)
		means[c] = mu
		meanVarW += acov[c][0]
	}
	fn := float64(n)
	meanVarW = meanVarW / float64(m) * fn / (fn - 1)
	varPlus := meanVarW * (fn - 1) / fn
	if m > 1 {
		_, vm := stat.MeanVar(means)
		varPlus += vm
	}
	meanAcov := func(lag int) float64 {
		var s float64
		for c := range acov {
			s += acov[c][lag]
		}
		return s / float64(m)
	}
	rhoAt := func(lag int) float64 { return 1 - (meanVarW-meanAcov(lag))/varPlus }

	r := make([]float64, n)
	r[0] = 1
	even, odd := 1.0, rhoAt(1)
	r[1] = odd
	t := 0
	for t < n-5 && !math.IsNaN(even+odd) && even+odd > 0 {
		t += 2
		even, odd = rhoAt(t), rhoAt(t+1)
		if even+odd >= 0 {
			r[t], r[t+1] = even, odd
		}
	}
	maxT := t
	if even > 0 {
		r[maxT] = even
	}
	// Geyer's initial monotone sequence.
	for t = 0; t <= maxT-4; {
		t += 2
		if r[t]+r[t+1] > r[t-2]+r[t-1] {
			r[t] = (r[t-2] + r[t-1]) / 2
			r[t+1] = r[t]
		}
	}
	total := float64(m * n)
	tau := -1.0 + r[maxT]
	for _, v := range r[:maxT] {
		tau += 2 * v
	}
	tau = math.Max(tau, 1/math.Log10(total))
	return total / tau
}

// autocov computes biased (divide by n) autocovariances by FFT.
type autocov struct {
	n    int
	fft  *fourier.FFT
	buf  []float64
	coef []complex128
}

func newAutocov(n int) *autocov {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	return &autocov{n: n, fft: fourier.NewFFT(size), buf: make([]float64, size), coef: make([]complex128, size/2+1)}
}

// compute returns the autocovariances of x at lags 0..n-1 in a new slice.
func (a *autocov) compute(x []float64) []float64 {
	mu := stat.Mean(x)
	clear(a.buf)
	for i, v := range x {
		a.buf[i] = v - mu
	}
	a.fft.Coefficients(a.coef, a.buf)
	for i, c := range a.coef {
		a.coef[i] = complex(real(c)*real(c)+imag(c)*imag(c), 0)
	}
	a.fft.Sequence(a.buf, a.coef)
	scale := 1 / (float64(len(a.buf)) * float64(a.n))
	out := make([]float64, a.n)
	for i := range out {
		out[i] = a.buf[i] * scale
	}
	return out
}

// EBFMI returns the energy Bayesian fraction of missing information of one
// chain, sum (E_n - E_{n-1})^2 / sum (E_n - mean E)^2 (Betancourt 2016).
// Values below 0.3 indicate the momentum resampling explores the energy
// distribution poorly. NaN with fewer than two finite energies.
func EBFMI(energy []float64) float64 {
	n := len(energy)
	if n < 2 {
		return math.NaN()
	}
	var mean float64
	for _, e := range energy {
		if math.IsNaN(e) || math.IsInf(e, 0) {
			return math.NaN()
		}
		mean += e
	}
	mean /= float64(n)
	var num, den float64
	for i, e := range energy {
		d := e - mean
		den += d * d
		if i > 0 {
			s := e - energy[i-1]
			num += s * s
		}
	}
	if den == 0 {
		return math.NaN()
	}
	return num / den
}
