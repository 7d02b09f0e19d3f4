package simulate

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/triad-mmm/triad/stat"
)

// drawGeoLiftTests places n geo holdouts (default 4): the first on TV, the
// others on distinct channels in random order. Each withholds all of its
// channel's spend in 15–25% of the geos (a random set, so big and small
// geos are treated alike) over a window where the treated geos spend every
// week, and measures the lift in those geos over the window and an optional
// cooldown, by the same rules as national tests.
func (w *World) drawGeoLiftTests(rng *rand.Rand, n int) ([]LiftTest, []TestTruth, error) {
	if n == 0 {
		n = 4
	}
	order := []int{0}
	for _, c := range rng.Perm(len(catalogue) - 1) {
		order = append(order, c+1)
	}
	N := len(w.Geos)
	var tests []LiftTest
	var truth []TestTruth
	for _, c := range order {
		if len(tests) == n {
			break
		}
		k := max(1, int(float64(N)*uniform(rng, 0.15, 0.25)+0.5))
		treated := rng.Perm(N)[:k]
		slices.Sort(treated)
		cool := 0
		if rng.Float64() < 0.5 {
			cool = intBetween(rng, 2, 4)
		}
		length := intBetween(rng, 3, 8)
		stale := len(tests) > 0 && rng.Float64() < 0.2
		x := make([]float64, len(w.Dates))
		for _, g := range treated {
			for t, v := range w.Geos[g].Spend[c] {
				x[t] += v
			}
		}
		starts, length := windowStarts(x, length, cool, stale)
		if len(starts) == 0 {
			continue
		}
		i := starts[rng.IntN(len(starts))]
		j, m := i+length-1, i+length-1+cool
		tt := TestTruth{ID: fmt.Sprintf("GT%02d", len(tests)+1), Channel: catalogue[c].name, Type: "holdout",
			Moved: 1, StartWeek: i, EndWeek: j, MeasureEndWeek: m}
		for _, g := range treated {
			geo := w.Geos[g]
			tt.Lift += trueLift(geo.Response[c], geo.Spend[c], i, j, m, 1, 1, false)
			tt.Geos = append(tt.Geos, geo.Name)
		}
		tt.Spend = round2(stat.Sum(x[i : j+1]))
		tt.Scope = tt.Spend / stat.Sum(w.Channels[c].Spend[i:j+1])
		tt.IROAS = tt.Lift / tt.Spend
		tests = append(tests, w.record(rng, &tt))
		truth = append(truth, tt)
	}
	if len(tests) < n {
		return nil, nil, fmt.Errorf("simulate: seed %d: placed %d of %d geo lift tests", w.Options.Seed, len(tests), n)
	}
	return tests, truth, nil
}

// trueGeoLift is TrueLift for a geo test: the holdout (or heavy-up) of the
// fraction r of the treated geos' spend in the window, r = Spend / their
// window spend, summed over those geos.
func (w *World) trueGeoLift(l LiftTest, c, i, j, m int) (float64, error) {
	var window float64
	idx := make([]int, len(l.Geos))
	for k, name := range l.Geos {
		g := w.GeoIndex(name)
		if g < 0 {
			return 0, fmt.Errorf("simulate: test %s: unknown geo %q", l.ID, name)
		}
		idx[k] = g
		window += stat.Sum(w.Geos[g].Spend[c][i : j+1])
	}
	if window == 0 {
		return 0, fmt.Errorf("simulate: test %s: no spend in the treated geos in the window", l.ID)
	}
	r := l.Spend / window
	var lift float64
	for _, g := range idx {
		geo := w.Geos[g]
		lift += trueLift(geo.Response[c], geo.Spend[c], i, j, m, r, 1, l.Type == "heavy_up")
	}
	return lift, nil
}
