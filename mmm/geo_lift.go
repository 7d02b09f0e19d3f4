package mmm

import "fmt"

// geoLiftTerm is a validated GeoLiftObs: the national term's windows and
// variance, its treated geos and their KPI units (pop_g·ȳ).
type geoLiftTerm struct {
	liftTerm
	geos  []int
	kappa []float64
}

func (m *GeoModel) newGeoLiftTerm(k int, o GeoLiftObs) (geoLiftTerm, error) {
	lt, err := makeLiftTerm(k, o.LiftObs, len(m.ch), m.n, m.spec.LiftTau)
	if err != nil {
		return geoLiftTerm{}, err
	}
	gt := geoLiftTerm{liftTerm: lt, geos: o.Geos}
	if gt.geos == nil {
		gt.geos = make([]int, m.G)
		for g := range gt.geos {
			gt.geos[g] = g
		}
	}
	if len(gt.geos) == 0 {
		return geoLiftTerm{}, fmt.Errorf("mmm: lift observation %d: no treated geos", k+1)
	}
	seen := make([]bool, m.G)
	for _, g := range gt.geos {
		if g < 0 || g >= m.G || seen[g] {
			return geoLiftTerm{}, fmt.Errorf("mmm: lift observation %d: geo index %d out of range or repeated", k+1, g)
		}
		seen[g] = true
		gt.kappa = append(gt.kappa, m.windowKappa(g, lt.Start, len(lt.Measure)))
	}
	return gt, nil
}

// windowKappa is geo g's KPI per unit of scaled per-capita KPI over the
// n periods from start: with PopulationByPeriod, at the geo's mean
// population over them (the likelihood term takes one factor per geo).
func (m *GeoModel) windowKappa(g, start, n int) float64 {
	if m.popRel == nil || n == 0 {
		return m.pop[g] * m.yBar
	}
	k := 0.0
	for t := start; t < start+n; t++ {
		k += m.kappaAt(g, t)
	}
	return k / float64(n)
}

// geoLiftScratch holds one test's series over its treated geos, flat
// [i·len(Measure) + j] for the i-th treated geo.
type geoLiftScratch struct {
	a, s, dsda, gs []float64
	d              [][]float64
	gsat           []float64
	dg             []float64 // per treated geo: Σ_j Measure_j·[S_hi − S_lo]
}

// liftGrad adds test lt's log likelihood to the channel's accumulators
// (cs.ptot, cs.E, cs.gs, cs.gw), writes its saturation gradient into
// ls.gsat and returns the log likelihood. Stride is cs's period stride.
func (m *GeoModel) liftGrad(lt *geoLiftTerm, ls *geoLiftScratch, ch *geoChannel, cs *geoChanScratch, x []float64) float64 {
	nm := len(lt.Measure)
	if lt.Contribution {
		// The test measured the channel's contribution: the counterfactual
		// is no effect at all (an organic channel's test, see LiftObs).
		clear(ls.s)
	} else {
		for i, g := range lt.geos {
			lt.modifiedAdstock(ls.a[i*nm:(i+1)*nm], ch.x[g], cs.w)
			ch.addCarryAt(g, ls.a[i*nm:(i+1)*nm], cs.w, lt.Start)
		}
		ch.spec.Saturation.Saturate(ls.s, ls.dsda, ls.d, ch.satU(x), ls.a)
	}
	sign := 1.0
	if lt.HeavyUp {
		sign = -1
	}
	stride := ch.need
	lift := 0.0
	for i, g := range lt.geos {
		d := 0.0
		hi, lo := cs.s[g*stride+lt.Start:], ls.s[i*nm:]
		for j, w := range lt.Measure {
			d += w * (hi[j] - lo[j])
		}
		ls.dg[i] = sign * d
		lift += lt.kappa[i] * cs.e[g] * ls.dg[i]
	}
	lift *= lt.Scope * cs.b
	res := lt.Measured - lift
	e := res / lt.variance
	cs.ptot += e * lift
	for k := range ls.gsat {
		ls.gsat[k] = 0
	}
	for i, g := range lt.geos {
		cs.E[g] += e * lt.Scope * lt.kappa[i] * cs.b * ls.dg[i]
		pre := e * lt.Scope * lt.kappa[i] * cs.b * cs.e[g] * sign
		gs, lgs := cs.gs[g*stride+lt.Start:], ls.gs[i*nm:(i+1)*nm]
		for j, w := range lt.Measure {
			gs[j] += pre * w
			lgs[j] = -pre * w
		}
	}
	if lt.Contribution {
		return -0.5 * res * res / lt.variance
	}
	geoBackSaturation(ls.gsat, ls.gs, ls.dsda, ls.d)
	for i, g := range lt.geos {
		xg := ch.x[g]
		for j, ga := range ls.gs[i*nm : (i+1)*nm] {
			t := lt.Start + j
			for l := 0; l < len(cs.gw) && l <= t; l++ {
				cs.gw[l] += ga * lt.xmod(xg, t-l)
			}
		}
		ch.carryGrad(g, cs.gw, ls.gs[i*nm:(i+1)*nm], lt.Start)
	}
	return -0.5 * res * res / lt.variance
}
