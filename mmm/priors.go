package mmm

import (
	"math"

	"github.com/triad-mmm/triad/stat"
)

// Priors are value types with their log density and its derivative. Inside
// the model every prior acts on an unconstrained coordinate u; the helpers
// named on* return the log density of u (prior times the Jacobian of the
// transform), up to an additive constant, and its derivative in u.

// Normal is the normal distribution N(Mu, Sigma²).
type Normal struct{ Mu, Sigma float64 }

// LogProb returns the log density at x.
func (d Normal) LogProb(x float64) float64 {
	z := (x - d.Mu) / d.Sigma
	return -0.5*z*z - math.Log(d.Sigma) - 0.5*math.Log(2*math.Pi)
}

// DLogProb returns the derivative of LogProb at x.
func (d Normal) DLogProb(x float64) float64 { return -(x - d.Mu) / (d.Sigma * d.Sigma) }

func (d Normal) valid() bool { return stat.Finite(d.Mu) && d.Sigma > 0 && stat.Finite(d.Sigma) }

// LogNormal is the distribution of exp(N(Mu, Sigma²)).
type LogNormal struct{ Mu, Sigma float64 }

// LogProb returns the log density at x > 0.
func (d LogNormal) LogProb(x float64) float64 {
	if x <= 0 {
		return math.Inf(-1)
	}
	lx := math.Log(x)
	z := (lx - d.Mu) / d.Sigma
	return -0.5*z*z - lx - math.Log(d.Sigma) - 0.5*math.Log(2*math.Pi)
}

// DLogProb returns the derivative of LogProb at x > 0.
func (d LogNormal) DLogProb(x float64) float64 {
	return -(1 + (math.Log(x)-d.Mu)/(d.Sigma*d.Sigma)) / x
}

// Median returns exp(Mu).
func (d LogNormal) Median() float64 { return math.Exp(d.Mu) }

func (d LogNormal) valid() bool { return stat.Finite(d.Mu) && d.Sigma > 0 && stat.Finite(d.Sigma) }

// onLog is the density of u = log x: with the Jacobian x the LogNormal
// becomes a Normal on u, which is why log-scale parameters sample so well.
func (d LogNormal) onLog(u float64) (lp, dlp float64) {
	z := (u - d.Mu) / d.Sigma
	return -0.5 * z * z, -z / d.Sigma
}

// Beta is the beta distribution on (0, 1).
type Beta struct{ A, B float64 }

// LogProb returns the log density at x in (0, 1).
func (d Beta) LogProb(x float64) float64 {
	if x <= 0 || x >= 1 {
		return math.Inf(-1)
	}
	la, _ := math.Lgamma(d.A)
	lb, _ := math.Lgamma(d.B)
	lab, _ := math.Lgamma(d.A + d.B)
	return (d.A-1)*math.Log(x) + (d.B-1)*math.Log1p(-x) + lab - la - lb
}

// DLogProb returns the derivative of LogProb at x in (0, 1).
func (d Beta) DLogProb(x float64) float64 { return (d.A-1)/x - (d.B-1)/(1-x) }

// Mean returns A/(A+B).
func (d Beta) Mean() float64 { return d.A / (d.A + d.B) }

func (d Beta) valid() bool { return d.A > 0 && d.B > 0 && stat.Finite(d.A) && stat.Finite(d.B) }

// onLogit is the density of u = logit x. The Jacobian x(1−x) turns the
// exponents A−1, B−1 into A, B; logX and log1mX are passed in because the
// caller computes them stably from u.
func (d Beta) onLogit(x, logX, log1mX float64) (lp, dlp float64) {
	return d.A*logX + d.B*log1mX, d.A*(1-x) - d.B*x
}

// HalfNormal is the normal distribution N(0, Sigma²) folded onto x ≥ 0.
type HalfNormal struct{ Sigma float64 }

// LogProb returns the log density at x ≥ 0.
func (d HalfNormal) LogProb(x float64) float64 {
	if x < 0 {
		return math.Inf(-1)
	}
	z := x / d.Sigma
	return -0.5*z*z - math.Log(d.Sigma) + 0.5*math.Log(2/math.Pi)
}

// DLogProb returns the derivative of LogProb at x ≥ 0.
func (d HalfNormal) DLogProb(x float64) float64 { return -x / (d.Sigma * d.Sigma) }

func (d HalfNormal) valid() bool { return d.Sigma > 0 && stat.Finite(d.Sigma) }

// onLog is the density of u = log x, Jacobian x included.
func (d HalfNormal) onLog(u, x float64) (lp, dlp float64) {
	z := x / d.Sigma
	return -0.5*z*z + u, 1 - z*z
}

// logistic returns σ(u), log σ(u) and log(1−σ(u)) without overflow.
func logistic(u float64) (p, logP, log1mP float64) {
	if u >= 0 {
		e := math.Exp(-u)
		p = 1 / (1 + e)
		l := math.Log1p(e)
		return p, -l, -u - l
	}
	e := math.Exp(u)
	p = e / (1 + e)
	l := math.Log1p(e)
	return p, u - l, -l
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

// orDefault returns v, or d where v is the zero value: zero priors take
// the defaults.
func orDefault[T comparable](v, d T) T {
	var zero T
	if v == zero {
		return d
	}
	return v
}
