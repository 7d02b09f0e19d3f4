package compare

import (
	"math"
	"slices"

	"github.com/triad-mmm/triad/report"
	"github.com/triad-mmm/triad/stat"
)

// probGreater returns P(B > A) for independent A and B given by their
// draws, over every pair (ties count half): the Mann-Whitney statistic
// divided by the number of pairs, in O((n+m) log(n+m)).
func probGreater(a, b []float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return math.NaN()
	}
	as, bs := slices.Clone(a), slices.Clone(b)
	slices.Sort(as)
	slices.Sort(bs)
	var wins float64
	lo, hi := 0, 0 // as[:lo] < x, as[:hi] <= x
	for _, x := range bs {
		for lo < len(as) && as[lo] < x {
			lo++
		}
		if hi < lo {
			hi = lo
		}
		for hi < len(as) && as[hi] <= x {
			hi++
		}
		wins += float64(lo) + 0.5*float64(hi-lo)
	}
	return wins / (float64(len(as)) * float64(len(bs)))
}

// change summarises after − before from paired draws of two independent
// fits (draw i of one with draw i of the other; the longer is thinned to
// the shorter's length) and returns it with the probability that the
// quantity moved in the direction of the change and that direction.
func change(before, after []float64, level float64) (report.Interval, float64, string) {
	if len(before) == 0 || len(after) == 0 {
		return report.Unknown, math.NaN(), ""
	}
	iv := stat.Summarize(Paired(after, before, -1), level)
	p := probGreater(before, after)
	if p >= 0.5 {
		return report.Interval{Mean: iv.Mean, Lo: iv.Lo, Hi: iv.Hi}, p, "up"
	}
	return report.Interval{Mean: iv.Mean, Lo: iv.Lo, Hi: iv.Hi}, 1 - p, "down"
}

// Paired returns x + a·y draw by draw, for draws of independent fits
// (draw i of one with draw i of the other; the longer is thinned evenly to
// the shorter's length): a = −1 gives the draws of x − y.
func Paired(x, y []float64, a float64) []float64 {
	n := min(len(x), len(y))
	out := make([]float64, n)
	for i := range out {
		out[i] = x[i*len(x)/n] + a*y[i*len(y)/n]
	}
	return out
}
