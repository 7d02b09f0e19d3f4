package mmm

import "math"

// addNoise adds the log likelihood of y around mu, with noise scale
// e^logSigma, to lp and returns it with d log p / d logSigma. It writes
// d log p / d mu into r. The national and the geo model share it so the two
// likelihoods cannot drift apart; lp is threaded through so that each keeps
// its own order of floating-point additions.
func addNoise(lp float64, r, y, mu []float64, logSigma float64, lik Likelihood, nu float64) (float64, float64) {
	n := float64(len(y))
	sigma := math.Exp(logSigma)
	dls := -n
	lp -= n * logSigma
	if lik == NormalLikelihood {
		inv := 1 / (sigma * sigma)
		ss := 0.0
		for t, v := range y {
			e := v - mu[t]
			ss += e * e
			r[t] = e * inv
		}
		lp -= 0.5 * ss * inv
		return lp, dls + ss*inv
	}
	ns2 := nu * sigma * sigma
	acc, gs := 0.0, 0.0
	for t, v := range y {
		e := v - mu[t]
		d := ns2 + e*e
		acc += math.Log1p(e * e / ns2)
		r[t] = (nu + 1) * e / d
		gs += e * e / d
	}
	lp -= 0.5 * (nu + 1) * acc
	return lp, dls + (nu+1)*gs
}
