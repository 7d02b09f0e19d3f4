package sampler

import (
	"math"
	"math/rand/v2"
)

// level holds the buffers one recursion depth of buildTree needs, so a
// transition allocates nothing.
type level struct {
	zFinal                point
	rhoInit, rhoFinal     []float64
	pInitEnd, psInitEnd   []float64
	pFinalBeg, psFinalBeg []float64
}

// nuts is one chain's multinomial NUTS kernel with a diagonal metric.
type nuts struct {
	t         Target
	rng       *rand.Rand
	eps       float64
	invMetric []float64
	maxDepth  int

	z                          point // integrator state; holds the current draw between transitions
	zFwd, zBck, zSample, zProp point
	rho, rhoFwd, rhoBck        []float64
	pFF, pFB, pBF, pBB         []float64 // momenta at the ends of the forward and backward parts
	sFF, sFB, sBF, sBB         []float64 // the same multiplied by the inverse metric ("sharp")
	levels                     []level

	// Per-transition accumulators.
	h0           float64
	nLeapfrog    int
	sumMetroProb float64
	divergent    bool
}

// transition holds the statistics of one NUTS transition.
type transition struct {
	depth, nLeapfrog int
	divergent        bool
	accept, energy   float64
}

func newNUTS(t Target, rng *rand.Rand, invMetric []float64, maxDepth int) *nuts {
	d := t.Dim()
	vec := func() []float64 { return make([]float64, d) }
	n := &nuts{
		t: t, rng: rng, invMetric: invMetric, maxDepth: maxDepth,
		z: newPoint(d), zFwd: newPoint(d), zBck: newPoint(d), zSample: newPoint(d), zProp: newPoint(d),
		rho: vec(), rhoFwd: vec(), rhoBck: vec(),
		pFF: vec(), pFB: vec(), pBF: vec(), pBB: vec(),
		sFF: vec(), sFB: vec(), sBF: vec(), sBB: vec(),
		levels: make([]level, maxDepth+1),
	}
	for i := 1; i < len(n.levels); i++ {
		n.levels[i] = level{
			zFinal:  newPoint(d),
			rhoInit: vec(), rhoFinal: vec(),
			pInitEnd: vec(), psInitEnd: vec(),
			pFinalBeg: vec(), psFinalBeg: vec(),
		}
	}
	return n
}

func (n *nuts) sampleMomentum() {
	for i := range n.z.p {
		n.z.p[i] = n.rng.NormFloat64() / math.Sqrt(n.invMetric[i])
	}
}

// transition performs one NUTS transition from n.z, leaving the selected
// draw in n.z. It follows Stan's base_nuts: the trajectory is doubled in a
// random direction; the new subtree replaces the sample with probability
// min(1, w_new/w_old) (biased progressive sampling); U-turns are checked on
// the merged trajectory and across the boundary between its two halves.
func (n *nuts) transition() transition {
	n.sampleMomentum()
	n.zFwd.set(&n.z)
	n.zBck.set(&n.z)
	n.zSample.set(&n.z)
	n.zProp.set(&n.z)
	for i, p := range n.z.p {
		s := n.invMetric[i] * p
		n.pFF[i], n.pFB[i], n.pBF[i], n.pBB[i] = p, p, p, p
		n.sFF[i], n.sFB[i], n.sBF[i], n.sBB[i] = s, s, s, s
		n.rho[i] = p
	}
	logSumW := 0.0
	n.h0 = hamiltonian(&n.z, n.invMetric)
	n.nLeapfrog = 0
	n.sumMetroProb = 0
	n.divergent = false

	depth := 0
	for depth < n.maxDepth {
		clear(n.rhoFwd)
		clear(n.rhoBck)
		logSumWSub := math.Inf(-1)
		var valid bool
		if n.rng.Float64() > 0.5 {
			n.z.set(&n.zFwd)
			copy(n.rhoBck, n.rho)
			copy(n.pBF, n.pFF)
			copy(n.sBF, n.sFF)
			valid = n.buildTree(depth, &n.zProp, n.sFB, n.sFF, n.rhoFwd, n.pFB, n.pFF, 1, &logSumWSub)
			n.zFwd.set(&n.z)
		} else {
			n.z.set(&n.zBck)
			copy(n.rhoFwd, n.rho)
			copy(n.pFB, n.pBB)
			copy(n.sFB, n.sBB)
			valid = n.buildTree(depth, &n.zProp, n.sBF, n.sBB, n.rhoBck, n.pBF, n.pBB, -1, &logSumWSub)
			n.zBck.set(&n.z)
		}
		if !valid {
			break
		}
		depth++
		if logSumWSub > logSumW || n.rng.Float64() < math.Exp(logSumWSub-logSumW) {
			n.zSample.set(&n.zProp)
		}
		logSumW = logAddExp(logSumW, logSumWSub)

		for i := range n.rho {
			n.rho[i] = n.rhoBck[i] + n.rhoFwd[i]
		}
		if !noUTurn(n.sBB, n.sFF, n.rho, nil) ||
			!noUTurn(n.sBB, n.sFB, n.rhoBck, n.pFB) ||
			!noUTurn(n.sBF, n.sFF, n.rhoFwd, n.pBF) {
			break
		}
	}

	n.z.set(&n.zSample)
	return transition{
		depth:     depth,
		nLeapfrog: n.nLeapfrog,
		divergent: n.divergent,
		accept:    n.sumMetroProb / float64(n.nLeapfrog),
		energy:    hamiltonian(&n.z, n.invMetric),
	}
}

// noUTurn reports whether the trajectory with summed momentum rho (+ extra,
// if not nil) has not turned back at either end.
func noUTurn(sMinus, sPlus, rho, extra []float64) bool {
	var a, b float64
	if extra == nil {
		for i, r := range rho {
			a += sMinus[i] * r
			b += sPlus[i] * r
		}
	} else {
		for i, r := range rho {
			r += extra[i]
			a += sMinus[i] * r
			b += sPlus[i] * r
		}
	}
	return a > 0 && b > 0
}

// buildTree integrates 2^depth leapfrog steps from n.z in direction sign,
// adds the subtree's summed momentum to rho and its log weight to logSumW,
// leaves a multinomial draw from the subtree in prop and the end momenta in
// pBeg/pEnd (sBeg/sEnd sharp). It reports false on divergence or U-turn.
func (n *nuts) buildTree(depth int, prop *point, sBeg, sEnd, rho, pBeg, pEnd []float64, sign float64, logSumW *float64) bool {
	if depth == 0 {
		leapfrog(n.t, &n.z, n.invMetric, sign*n.eps)
		n.nLeapfrog++
		h := hamiltonian(&n.z, n.invMetric)
		if h-n.h0 > maxDeltaH {
			n.divergent = true
		}
		dh := n.h0 - h
		*logSumW = logAddExp(*logSumW, dh)
		if dh > 0 {
			n.sumMetroProb++
		} else {
			n.sumMetroProb += math.Exp(dh)
		}
		prop.set(&n.z)
		for i, p := range n.z.p {
			s := n.invMetric[i] * p
			rho[i] += p
			pBeg[i], pEnd[i] = p, p
			sBeg[i], sEnd[i] = s, s
		}
		return !n.divergent
	}

	lv := &n.levels[depth]
	logSumWInit := math.Inf(-1)
	clear(lv.rhoInit)
	if !n.buildTree(depth-1, prop, sBeg, lv.psInitEnd, lv.rhoInit, pBeg, lv.pInitEnd, sign, &logSumWInit) {
		return false
	}
	logSumWFinal := math.Inf(-1)
	clear(lv.rhoFinal)
	if !n.buildTree(depth-1, &lv.zFinal, lv.psFinalBeg, sEnd, lv.rhoFinal, lv.pFinalBeg, pEnd, sign, &logSumWFinal) {
		return false
	}

	logSumWSub := logAddExp(logSumWInit, logSumWFinal)
	*logSumW = logAddExp(*logSumW, logSumWSub)
	if logSumWFinal > logSumWSub || n.rng.Float64() < math.Exp(logSumWFinal-logSumWSub) {
		prop.set(&lv.zFinal)
	}

	// The merged subtree's momentum sum goes into rho; the criterion is
	// checked on it and, to catch U-turns hidden between the halves, on each
	// half extended by the neighbouring point of the other.
	var a, b float64
	for i := range rho {
		r := lv.rhoInit[i] + lv.rhoFinal[i]
		rho[i] += r
		a += sBeg[i] * r
		b += sEnd[i] * r
	}
	return a > 0 && b > 0 &&
		noUTurn(sBeg, lv.psFinalBeg, lv.rhoInit, lv.pFinalBeg) &&
		noUTurn(lv.psInitEnd, sEnd, lv.rhoFinal, lv.pInitEnd)
}
