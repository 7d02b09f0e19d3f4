package panel

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/triad-mmm/triad/stat"
)

// Holdout is a suggested set of geos to treat in a geo test.
type Holdout struct {
	Geos []string // sorted
	// Share is the treated geos' share of the KPI over the pre-period.
	Share float64
	// Correlation is that of the treated geos' summed KPI with the other
	// geos' over the pre-period: the closer to 1, the better the rest
	// predicts what the treated geos would have done untreated.
	Correlation float64
}

// MatchedHoldout picks geos to treat, GeoLift-style: a set whose KPI over
// the periods [from, to) moves most like the other geos' (highest
// correlation of the two summed series), with a KPI share within ±25% of
// share. It searches random sets grown geo by geo to the share, each
// improved by swaps, from a PCG stream seeded with seed, so the result is
// reproducible. It fails when no set can reach the share.
func (g *GeoPanel) MatchedHoldout(share float64, from, to int, seed uint64) (Holdout, error) {
	G := g.Len()
	if G < 2 || !(share > 0 && share < 1) || from < 0 || to > len(g.KPI[0]) || to-from < 3 {
		return Holdout{}, errors.New("panel: a matched holdout needs two geos, a share in (0, 1) and three pre-periods")
	}
	total := make([]float64, to-from)
	sizes := make([]float64, G)
	for k := range g.Names {
		for t := from; t < to; t++ {
			total[t-from] += g.KPI[k][t]
			sizes[k] += g.KPI[k][t]
		}
	}
	all := stat.Sum(sizes)
	lo, hi := 0.75*share*all, 1.25*share*all
	rng := rand.New(rand.NewPCG(seed, 0x9e0))
	best := Holdout{Correlation: math.Inf(-1)}
	for range 50 {
		in := make([]bool, G)
		var size float64
		for _, k := range rng.Perm(G) {
			if size >= lo {
				break
			}
			if size+sizes[k] <= hi {
				in[k], size = true, size+sizes[k]
			}
		}
		if size < lo || size > hi {
			continue
		}
		corr := g.improve(in, &size, sizes, total, from, lo, hi)
		if corr > best.Correlation {
			best = Holdout{Share: size / all, Correlation: corr}
			best.Geos = best.Geos[:0]
			for k, ok := range in {
				if ok {
					best.Geos = append(best.Geos, g.Names[k])
				}
			}
		}
	}
	if best.Geos == nil {
		return Holdout{}, errors.New("panel: no set of geos reaches the holdout share within ±25%")
	}
	slices.Sort(best.Geos)
	return best, nil
}

// improve swaps a treated geo for an untreated one while that raises the
// correlation and keeps the size within [lo, hi]; it returns the final
// correlation. The treated series is updated by the swap, not resummed.
func (g *GeoPanel) improve(in []bool, size *float64, sizes, total []float64, from int, lo, hi float64) float64 {
	treated := make([]float64, len(total))
	for k, ok := range in {
		if ok {
			for t := range treated {
				treated[t] += g.KPI[k][from+t]
			}
		}
	}
	rest := make([]float64, len(total))
	try := make([]float64, len(total))
	corrOf := func(tr []float64) float64 {
		for t := range rest {
			rest[t] = total[t] - tr[t]
		}
		if c := correlation(tr, rest); !math.IsNaN(c) {
			return c
		}
		return -1 // a constant series predicts nothing
	}
	corr := corrOf(treated)
	for improved := true; improved; {
		improved = false
		for a := range in {
			for b := range in {
				if !in[a] || in[b] {
					continue
				}
				s := *size - sizes[a] + sizes[b]
				if s < lo || s > hi {
					continue
				}
				for t := range try {
					try[t] = treated[t] - g.KPI[a][from+t] + g.KPI[b][from+t]
				}
				if c := corrOf(try); c > corr+1e-12 {
					in[a], in[b] = false, true
					corr, *size, improved = c, s, true
					copy(treated, try)
					break
				}
			}
		}
	}
	return corr
}
