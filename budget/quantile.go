package budget

import (
	"cmp"
	"math"
	"slices"

	"github.com/triad-mmm/triad/stat"
)

// maxQuantileIter caps the projected-gradient ascent of the quantile
// objective.
const maxQuantileIter = 100

// refineQuantile moves x (meeting the total and bounds) to raise the
// q-quantile over draws of the total media contribution. The quantile is not
// separable over channels and only piecewise smooth (the draw at the
// quantile changes as x moves), so it uses projected gradient ascent on the
// feasible set with a step that grows on success and shrinks on failure, and
// accepts only steps that raise the exact empirical quantile: the result is
// never worse than the starting (mean-optimal) plan. The ascent direction
// averages the per-draw gradients of the draws ranked within ±2% of the
// quantile, a smoothed gradient of the quantile. It returns the number of
// iterations.
func refineQuantile(e *evaluator, s *resolved, x []float64, q float64) int {
	nd, nc := e.draws, len(x)
	if len(s.free) < 2 {
		return 0
	}
	k := make([][]float64, nc) // per-draw contribution of each channel at x
	kNew := make([][]float64, nc)
	for c := range k {
		k[c] = make([]float64, nd)
		kNew[c] = make([]float64, nd)
		e.contrib(k[c], c, x[c])
	}
	tot := make([]float64, nd)
	totNew := make([]float64, nd)
	totals(tot, k)
	qx := quantileOf(tot, q)

	idx := make([]int, nd)
	grad := make([]float64, nc)
	dg := make([]float64, nd)
	y := make([]float64, nc)
	xNew := make([]float64, nc)
	var span float64
	for _, c := range s.free {
		span = math.Max(span, s.hi[c]-s.lo[c])
	}
	radius := 0.1 * span
	fresh := false // grad belongs to the current x
	var gmax float64
	it := 0
	for ; it < maxQuantileIter && e.err == nil && radius > 1e-9*span; it++ {
		if !fresh {
			gmax = quantileGrad(e, s, grad, dg, idx, tot, x, q)
			fresh = true
		}
		if gmax == 0 {
			break
		}
		for c := range y {
			y[c] = x[c] + radius*grad[c]/gmax
		}
		project(xNew, y, s.lo, s.hi, s.total)
		moved := false
		for c := range k {
			if xNew[c] != x[c] {
				moved = true
				e.contrib(kNew[c], c, xNew[c])
			} else {
				copy(kNew[c], k[c])
			}
		}
		if !moved {
			break
		}
		totals(totNew, kNew)
		if qNew := quantileOf(totNew, q); qNew > qx {
			qx = qNew
			copy(x, xNew)
			k, kNew = kNew, k
			tot, totNew = totNew, tot
			fresh = false
			radius *= 1.5
		} else {
			radius *= 0.3
		}
	}
	return it
}

// quantileGrad writes into grad the ascent direction of the q-quantile of
// tot (the per-draw totals at x) over the free channels, centred to sum to
// zero since the total is fixed, and returns its largest magnitude. Each
// channel's slope is a triangular-kernel average of the per-draw slopes of
// the draws ranked within ±2% of the quantile: a smoothed gradient of a
// function whose exact gradient jumps whenever two draws swap rank.
func quantileGrad(e *evaluator, s *resolved, grad, dg []float64, idx []int, tot, x []float64, q float64) float64 {
	nd := len(tot)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(tot[a], tot[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b) // a deterministic order for ties
	})
	pos := q * float64(nd-1)
	m := max(1, int(math.Ceil(0.02*float64(nd))))
	r0 := max(0, int(math.Floor(pos))-m)
	r1 := min(nd-1, int(math.Ceil(pos))+m)
	for c := range grad {
		grad[c] = 0
	}
	var mean float64
	for _, c := range s.free {
		e.drawSlope(dg, c, x[c])
		var sw float64
		for r := r0; r <= r1; r++ {
			w := math.Max(0, 1-math.Abs(float64(r)-pos)/float64(m+1))
			grad[c] += w * dg[idx[r]]
			sw += w
		}
		grad[c] /= sw
		mean += grad[c]
	}
	mean /= float64(len(s.free))
	var gmax float64
	for _, c := range s.free {
		grad[c] -= mean
		gmax = math.Max(gmax, math.Abs(grad[c]))
	}
	return gmax
}

func totals(dst []float64, k [][]float64) {
	for i := range dst {
		dst[i] = 0
	}
	for _, kc := range k {
		for i, v := range kc {
			dst[i] += v
		}
	}
}

func quantileOf(x []float64, q float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return stat.Quantile(s, q)
}
