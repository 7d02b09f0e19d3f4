package simulate

import (
	"errors"
	"fmt"
	"math"

	"github.com/triad-mmm/triad/stat"
)

// TrueOptimum returns the allocation of total across channels that
// maximises the true total media contribution, each channel's spend kept
// within [lo[c], hi[c]] and its historical flighting kept (as in
// TrueContributionAt), with that contribution. It is the oracle for the
// budget optimiser's target: how much of the achievable gain a recommended
// plan earns. Pass lo[c] == hi[c] to lock a channel.
//
// The curves may be S-shaped (Hill slope > 1), so it does not rely on
// concavity: an exact dynamic programme over a grid of 400 budget units,
// then pairwise transfers between channels on ever finer steps.
func (w *World) TrueOptimum(total float64, lo, hi []float64) ([]float64, float64, error) {
	C := len(w.Channels)
	if len(lo) != C || len(hi) != C {
		return nil, 0, fmt.Errorf("simulate: optimum: %d lower and %d upper bounds for %d channels", len(lo), len(hi), C)
	}
	var sumLo, sumHi float64
	for c := range lo {
		if !(lo[c] >= 0 && hi[c] >= lo[c]) || math.IsInf(hi[c], 0) {
			return nil, 0, fmt.Errorf("simulate: optimum: channel %s: bounds [%g, %g]", w.Channels[c].Name, lo[c], hi[c])
		}
		sumLo += lo[c]
		sumHi += hi[c]
	}
	if math.IsNaN(total) || total < sumLo*(1-1e-12) || total > sumHi*(1+1e-12) {
		return nil, 0, fmt.Errorf("simulate: optimum: total %g outside [%g, %g] allowed by the bounds", total, sumLo, sumHi)
	}
	f := func(c int, s float64) float64 { return w.TrueContributionAt(c, s) }
	x := append([]float64(nil), lo...)
	free := total - sumLo
	if free > 0 {
		const G = 400
		delta := free / G
		// values[c][k] = f_c(lo + k·δ), k up to the channel's headroom.
		values := make([][]float64, C)
		for c := range values {
			kmax := min(G, int(math.Floor((hi[c]-lo[c])/delta+1e-9)))
			values[c] = make([]float64, kmax+1)
			for k := range values[c] {
				values[c][k] = f(c, lo[c]+float64(k)*delta)
			}
		}
		units := allocateUnits(values, G)
		for c, k := range units {
			x[c] = lo[c] + float64(k)*delta
		}
		// Whatever the grid could not place (headroom rounding) goes where
		// there is room, then transfers polish the grid solution.
		if err := fill(x, lo, hi, total); err != nil {
			return nil, 0, err
		}
		for h := delta / 2; h > delta*1e-4; h /= 2 {
			for improved := true; improved; {
				improved = false
				for i := range x {
					for j := range x {
						if i == j {
							continue
						}
						m := math.Min(h, math.Min(x[i]-lo[i], hi[j]-x[j]))
						if m <= 0 {
							continue
						}
						gain := f(i, x[i]-m) + f(j, x[j]+m) - f(i, x[i]) - f(j, x[j])
						if gain > 1e-12*math.Abs(f(i, x[i])+f(j, x[j])) {
							x[i] -= m
							x[j] += m
							improved = true
						}
					}
				}
			}
		}
	}
	var value float64
	for c := range x {
		value += f(c, x[c])
	}
	return x, value, nil
}

// allocateUnits maximises Σ_c values[c][k_c] subject to Σ k_c ≤ units by
// dynamic programming; values are increasing, so it spends what it can.
func allocateUnits(values [][]float64, units int) []int {
	C := len(values)
	negInf := math.Inf(-1)
	// best[c][u]: best value of channels 0..c−1 using exactly u units.
	best := make([][]float64, C+1)
	pick := make([][]int, C+1)
	for c := range best {
		best[c] = make([]float64, units+1)
		pick[c] = make([]int, units+1)
		for u := range best[c] {
			best[c][u] = negInf
		}
	}
	best[0][0] = 0
	for c := 0; c < C; c++ {
		for u := 0; u <= units; u++ {
			if best[c][u] == negInf {
				continue
			}
			for k := 0; k < len(values[c]) && u+k <= units; k++ {
				if v := best[c][u] + values[c][k]; v > best[c+1][u+k] {
					best[c+1][u+k] = v
					pick[c+1][u+k] = k
				}
			}
		}
	}
	u := 0
	for v := range best[C] {
		if best[C][v] > best[C][u] {
			u = v
		}
	}
	out := make([]int, C)
	for c := C; c > 0; c-- {
		out[c-1] = pick[c][u]
		u -= pick[c][u]
	}
	return out
}

// fill adds total − Σx to the channels with headroom, in order, and makes
// Σx equal total up to rounding.
func fill(x, lo, hi []float64, total float64) error {
	left := total - stat.Sum(x)
	for c := range x {
		if left <= 0 {
			break
		}
		m := math.Min(left, hi[c]-x[c])
		x[c] += m
		left -= m
	}
	if left > 1e-9*math.Max(1, total) {
		return errors.New("simulate: optimum: bounds leave budget unplaced")
	}
	return nil
}
