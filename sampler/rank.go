package sampler

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// splitChains halves each chain, dropping the middle draw of odd-length
// chains, so that a trend within a chain shows up as disagreement between
// chains.
func splitChains(chains [][]float64) [][]float64 {
	out := make([][]float64, 0, 2*len(chains))
	for _, c := range chains {
		n := len(c)
		if n < 2 {
			out = append(out, c)
			continue
		}
		h := n / 2
		out = append(out, c[:h], c[n-h:])
	}
	return out
}

// zScale replaces every draw by the normal quantile of its pooled average
// rank, (r - 3/8) / (S + 1/4) (Blom), so the diagnostics work for
// heavy-tailed draws.
func zScale(chains [][]float64) [][]float64 {
	type item struct {
		v    float64
		c, i int32
	}
	var s int
	for _, c := range chains {
		s += len(c)
	}
	order := make([]item, 0, s)
	out := make([][]float64, len(chains))
	for c, ch := range chains {
		out[c] = make([]float64, len(ch))
		for i, v := range ch {
			order = append(order, item{v, int32(c), int32(i)})
		}
	}
	slices.SortFunc(order, func(a, b item) int { return cmp.Compare(a.v, b.v) })
	fs := float64(s)
	for lo := 0; lo < s; {
		hi := lo + 1
		for hi < s && order[hi].v == order[lo].v {
			hi++
		}
		rank := float64(lo+1+hi) / 2 // average of ranks lo+1..hi
		z := distuv.UnitNormal.Quantile((rank - 3.0/8) / (fs + 0.25))
		for _, it := range order[lo:hi] {
			out[it.c][it.i] = z
		}
		lo = hi
	}
	return out
}

// fold returns |x - med|, med the median over all draws.
func fold(chains [][]float64, med float64) [][]float64 {
	out := make([][]float64, len(chains))
	for c, ch := range chains {
		out[c] = make([]float64, len(ch))
		for i, v := range ch {
			out[c][i] = math.Abs(v - med)
		}
	}
	return out
}

func pooledSorted(chains [][]float64) []float64 {
	var all []float64
	for _, c := range chains {
		all = append(all, c...)
	}
	slices.Sort(all)
	return all
}

// unusable reports whether diagnostics are undefined for chains: no draws,
// unequal lengths, non-finite values, or all draws (nearly) equal.
func unusable(chains [][]float64) bool {
	if len(chains) == 0 || len(chains[0]) == 0 {
		return true
	}
	n := len(chains[0])
	first := chains[0][0]
	constant := true
	for _, c := range chains {
		if len(c) != n {
			return true
		}
		for _, v := range c {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return true
			}
			if constant && math.Abs(v-first) > 1e-12*math.Max(1, math.Abs(first)) {
				constant = false
			}
		}
	}
	return constant
}
