package report

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// niceNum rounds x to 1, 2, 5 or 10 times a power of ten (Heckbert,
// "Nice numbers for graph labels", Graphics Gems, 1990): rounding to the
// nearest when round is set, else up to the next.
func niceNum(x float64, round bool) float64 {
	if x <= 0 || !stat.Finite(x) {
		return 1
	}
	exp := math.Floor(math.Log10(x))
	f := x / math.Pow(10, exp)
	var nf float64
	if round {
		switch {
		case f < 1.5:
			nf = 1
		case f < 3:
			nf = 2
		case f < 7:
			nf = 5
		default:
			nf = 10
		}
	} else {
		switch {
		case f <= 1:
			nf = 1
		case f <= 2:
			nf = 2
		case f <= 5:
			nf = 5
		default:
			nf = 10
		}
	}
	return nf * math.Pow(10, exp)
}

// niceTicks returns about n tick values spaced by a nice step that cover
// [lo, hi], the first at or below lo and the last at or above hi. A
// degenerate or non-finite range is widened so there are always at least
// two ticks.
func niceTicks(lo, hi float64, n int) []float64 {
	if !stat.Finite(lo) || !stat.Finite(hi) {
		lo, hi = 0, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if hi == lo {
		d := math.Abs(lo) * 0.1
		if d == 0 {
			d = 1
		}
		lo, hi = lo-d, hi+d
	}
	n = max(n, 2)
	step := niceNum(niceNum(hi-lo, false)/float64(n-1), true)
	// Write the step as m·10^e with an integer m, so that each tick is an
	// integer scaled by an exact power of ten: 3·0.2 prints as 0.6.
	e := int(math.Floor(math.Log10(step)))
	m := math.Round(step / math.Pow10(e))
	at := func(k float64) float64 {
		if e < 0 {
			return k * m / math.Pow10(-e)
		}
		return k * m * math.Pow10(e)
	}
	first := math.Floor(lo / step)
	last := math.Ceil(hi / step)
	if !(last-first <= 1000) {
		// Only a range too wide for float64 arithmetic gets here.
		return []float64{lo, hi}
	}
	ticks := make([]float64, 0, int(last-first)+1)
	for k := first; k <= last; k++ {
		v := at(k)
		if v == 0 {
			v = 0 // no negative zero
		}
		ticks = append(ticks, v)
	}
	return ticks
}
