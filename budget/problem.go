package budget

import (
	"errors"
	"fmt"
	"math"

	"github.com/triad-mmm/triad/stat"
)

// ErrInfeasible is wrapped by the error returned when the bounds cannot meet
// the total: the minimums add up to more than it, or the maximums to less.
var ErrInfeasible = errors.New("budget: infeasible")

// Bounds limits one channel's period spend, in currency. A locked channel
// keeps its current spend whatever Min and Max say.
type Bounds struct {
	Min, Max float64
	Locked   bool
}

// DefaultBounds returns bounds of ±frac around each current spend
// (frac 0.3 allows 70% to 130%), with the minimum floored at zero.
func DefaultBounds(current []float64, frac float64) []Bounds {
	b := make([]Bounds, len(current))
	for i, c := range current {
		b[i] = Bounds{Min: math.Max(0, (1-frac)*c), Max: (1 + frac) * c}
	}
	return b
}

// Objective is what the optimiser maximises over the posterior draws of the
// total media contribution: Mean (the default, also used when the Objective
// is nil) or Quantile.
type Objective interface {
	String() string
	objective()
}

// Mean maximises the posterior mean of the total KPI.
type Mean struct{}

// Quantile maximises the Q-quantile over posterior draws of the total media
// contribution, a risk-averse plan for Q < 0.5: it prefers channels whose
// effect is well measured. Q must lie in [0.01, 0.5]. The baseline is not
// part of the Response and so does not enter the quantile.
type Quantile struct{ Q float64 }

func (Mean) objective()     {}
func (Quantile) objective() {}

func (Mean) String() string       { return "mean" }
func (q Quantile) String() string { return fmt.Sprintf("quantile(%g)", q.Q) }

// Problem is a budget allocation problem.
type Problem struct {
	// Current is the current period spend per channel.
	Current []float64
	// Total is the budget to allocate; 0 means the sum of Current.
	Total float64
	// Bounds per channel; nil means DefaultBounds(Current, 0.3).
	Bounds []Bounds
	// Objective defaults to Mean.
	Objective Objective
}

// resolved is a validated problem with defaults filled in and locked
// channels turned into equal bounds.
type resolved struct {
	cur, lo, hi []float64
	locked      []bool
	total       float64
	free        []int // channels with lo < hi, in index order
	scale       []float64
	quantile    float64 // 0 for the mean objective
}

// checkResponse checks that r answers for n channels with some draws.
func checkResponse(r Response, n int) error {
	switch {
	case r == nil:
		return errors.New("budget: nil response")
	case r.Channels() != n:
		return fmt.Errorf("budget: response has %d channels, current spend %d", r.Channels(), n)
	case n == 0:
		return errors.New("budget: no channels")
	case r.Draws() < 1:
		return errors.New("budget: response has no draws")
	}
	return nil
}

// objectiveQuantile returns the quantile a Quantile objective maximises, 0
// for the mean.
func objectiveQuantile(o Objective) (float64, error) {
	switch o := o.(type) {
	case nil, Mean:
		return 0, nil
	case Quantile:
		if !(o.Q >= 0.01 && o.Q <= 0.5) {
			return 0, fmt.Errorf("budget: quantile objective needs 0.01 ≤ q ≤ 0.5, got %g", o.Q)
		}
		return o.Q, nil
	}
	return 0, fmt.Errorf("budget: unknown objective %v", o)
}

func resolve(r Response, p Problem, needTotal bool) (*resolved, error) {
	n := len(p.Current)
	if err := checkResponse(r, n); err != nil {
		return nil, err
	}
	bounds := p.Bounds
	if bounds == nil {
		bounds = DefaultBounds(p.Current, 0.3)
	}
	if len(bounds) != n {
		return nil, fmt.Errorf("budget: %d bounds for %d channels", len(bounds), n)
	}
	s := &resolved{cur: p.Current, lo: make([]float64, n), hi: make([]float64, n), locked: make([]bool, n), scale: make([]float64, n)}
	var sumCur float64
	for i, c := range p.Current {
		if !stat.Finite(c) || c < 0 {
			return nil, fmt.Errorf("budget: channel %d: current spend %g is not a non-negative number", i, c)
		}
		sumCur += c
		b := bounds[i]
		if b.Locked {
			s.lo[i], s.hi[i], s.locked[i] = c, c, true
			continue
		}
		if !stat.Finite(b.Min) || !stat.Finite(b.Max) || b.Min < 0 || b.Min > b.Max {
			return nil, fmt.Errorf("budget: channel %d: bounds [%g, %g] are not 0 ≤ min ≤ max", i, b.Min, b.Max)
		}
		s.lo[i], s.hi[i] = b.Min, b.Max
		if b.Min < b.Max {
			s.free = append(s.free, i)
		}
	}
	s.total = p.Total
	if s.total == 0 {
		s.total = sumCur
	}
	if !stat.Finite(s.total) || s.total < 0 {
		return nil, fmt.Errorf("budget: total %g is not a non-negative number", p.Total)
	}
	q, err := objectiveQuantile(p.Objective)
	if err != nil {
		return nil, err
	}
	s.quantile = q
	var sumLo, sumHi float64
	for i := range s.lo {
		sumLo += s.lo[i]
		sumHi += s.hi[i]
	}
	if needTotal {
		tol := 1e-12 * math.Max(s.total, 1)
		if sumLo > s.total+tol {
			return nil, fmt.Errorf("%w: the minimums (and locked spends) add up to %g, more than the total %g", ErrInfeasible, sumLo, s.total)
		}
		if sumHi < s.total-tol {
			return nil, fmt.Errorf("%w: the maximums (and locked spends) add up to %g, less than the total %g", ErrInfeasible, sumHi, s.total)
		}
	}
	// The scale sets finite-difference steps: a channel's own spend, or an
	// even share of the budget for a channel that currently spends nothing.
	even := math.Max(s.total, sumCur) / float64(n)
	for i := range s.scale {
		s.scale[i] = math.Max(math.Max(p.Current[i], s.lo[i]), even)
		if s.scale[i] == 0 {
			s.scale[i] = 1
		}
	}
	return s, nil
}
