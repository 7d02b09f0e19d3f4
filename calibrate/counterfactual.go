package calibrate

import (
	"fmt"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/stat"
)

// holdoutTolerance is how far a holdout's spend may exceed the panel's spend
// in its window (× scope share) before the mismatch is worth a warning; the
// lift checks use the same ±10%.
const holdoutTolerance = 0.1

// design is a lift test reduced to what the counterfactual needs.
type design struct {
	start, end, measureEnd civil.Date
	spend, scope           float64
	// base is the scope's spend over the window without the test when the
	// test states it (0 if not); it then fixes r instead of the panel.
	base    float64
	heavyUp bool
}

// terms is a test in model terms: the share of spend moved per period and
// the measurement weights per period, both from period start.
type terms struct {
	start   int
	moved   []float64
	measure []float64
	// r is the share of the scope's spend in the window that the test moved,
	// before a holdout is clamped to 1.
	r float64
}

// counterfactual maps a test on channel ch to model terms (design.md §3):
// moved_t = r·f_t with r = spend / (scope · Σ_t f_t·x_t) and f_t the share of
// period t inside the treatment window, and measure_t the share of period t
// inside the measurement window. A holdout cannot withhold more than was
// spent, so its r is clamped to 1; beyond the tolerance the clamp is a
// warning because test and panel disagree about the spend. When the test
// states the scope's spend without it (base), r = spend / base: the test's
// own account of the share it moved beats a pro-rata share of the panel.
func counterfactual(d design, cal Calendar, ch int) (terms, []string, error) {
	if ch < 0 || ch >= len(cal.Spend) {
		return terms{}, nil, fmt.Errorf("channel index %d out of range (%d channels)", ch, len(cal.Spend))
	}
	if !(d.scope > 0 && d.scope <= 1) {
		return terms{}, nil, fmt.Errorf("scope share %g, want in (0, 1]", d.scope)
	}
	if !(d.spend >= 0) || !stat.Finite(d.spend) {
		return terms{}, nil, fmt.Errorf("spend %g, want >= 0", d.spend)
	}
	if d.measureEnd < d.end {
		return terms{}, nil, fmt.Errorf("measurement ends %v before the treatment ends %v", d.measureEnd, d.end)
	}
	s, f, err := cal.Window(d.start, d.end)
	if err != nil {
		return terms{}, nil, fmt.Errorf("treatment %w", err)
	}
	// Both windows open on the same day, so they start in the same period.
	_, g, err := cal.Window(d.start, d.measureEnd)
	if err != nil {
		return terms{}, nil, fmt.Errorf("measurement %w", err)
	}
	base := dotFrom(cal.Spend[ch], s, f)
	if !(base > 0) {
		return terms{}, nil, fmt.Errorf("the panel has no %s spend between %v and %v, so the model cannot represent the test", cal.name(ch), d.start, d.end)
	}
	r := d.spend / (d.scope * base)
	if d.base > 0 {
		r = d.spend / d.base
	}
	if d.spend == 0 {
		// An unpaid (organic) channel's test states no spend: it switched
		// the channel off in its scope, a full holdout of its units.
		r = 1
	}
	var warns []string
	rm := r
	if !d.heavyUp && r > 1 {
		if r > 1+holdoutTolerance {
			warns = append(warns, fmt.Sprintf("holdout spend %.6g is %.0f%% above the panel's %s spend in the window × scope share (%.6g); treated as a full holdout of the scope",
				d.spend, 100*(r-1), cal.name(ch), d.scope*base))
		}
		rm = 1
	}
	moved := make([]float64, len(f))
	for i, fi := range f {
		moved[i] = rm * fi
	}
	return terms{start: s, moved: moved, measure: g, r: r}, warns, nil
}

// name returns channel ch's name, or its index when the calendar has none.
func (c Calendar) name(ch int) string {
	if ch >= 0 && ch < len(c.Channels) {
		return c.Channels[ch]
	}
	return fmt.Sprintf("channel %d", ch)
}
