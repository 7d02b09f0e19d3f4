package report

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/triad-mmm/triad/stat"
)

// Interval is a posterior mean with a central credible interval [Lo, Hi] at
// the report's level. A NaN field is unknown and written as null; an
// Interval whose three fields are all unknown is written as null.
type Interval struct {
	Mean, Lo, Hi float64
}

// Unknown is an Interval with nothing known.
var Unknown = Interval{Mean: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}

// Point is an Interval without width, for numbers that are measured rather
// than estimated.
func Point(x float64) Interval { return Interval{Mean: x, Lo: x, Hi: x} }

// Known reports whether the mean is a finite number.
func (iv Interval) Known() bool { return stat.Finite(iv.Mean) }

// Scale returns the interval of a·X for a constant a ≥ 0.
func (iv Interval) Scale(a float64) Interval {
	return Interval{Mean: iv.Mean * a, Lo: iv.Lo * a, Hi: iv.Hi * a}
}

// Per returns the interval of a/X for a constant a > 0, such as the cost per
// incremental KPI (spend / contribution) from a contribution interval.
// Quantiles map through a decreasing transform with their ends swapped, so
// Lo and Hi stay exact; the mean becomes a/Mean, the plug-in value, because
// the posterior mean of a ratio is not recoverable from a summary. An end
// at or below zero maps to +Inf (written as null): the cost is unbounded.
func (iv Interval) Per(a float64) Interval {
	inv := func(x float64) float64 {
		if !stat.Finite(x) {
			return math.NaN()
		}
		if x <= 0 {
			return math.Inf(1)
		}
		return a / x
	}
	return Interval{Mean: inv(iv.Mean), Lo: inv(iv.Hi), Hi: inv(iv.Lo)}
}

// MarshalJSON writes {"mean":…,"lo":…,"hi":…} with null for non-finite
// fields, or null when no field is finite.
func (iv Interval) MarshalJSON() ([]byte, error) {
	if !stat.Finite(iv.Mean) && !stat.Finite(iv.Lo) && !stat.Finite(iv.Hi) {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 64)
	b = append(b, `{"mean":`...)
	b = appendJSONFloat(b, iv.Mean)
	b = append(b, `,"lo":`...)
	b = appendJSONFloat(b, iv.Lo)
	b = append(b, `,"hi":`...)
	b = appendJSONFloat(b, iv.Hi)
	return append(b, '}'), nil
}

// UnmarshalJSON reads what MarshalJSON writes; null becomes NaN.
func (iv *Interval) UnmarshalJSON(b []byte) error {
	var v struct{ Mean, Lo, Hi *float64 }
	if string(b) == "null" {
		*iv = Unknown
		return nil
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("report: interval: %w", err)
	}
	get := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	*iv = Interval{Mean: get(v.Mean), Lo: get(v.Lo), Hi: get(v.Hi)}
	return nil
}

// appendJSONFloat formats x as encoding/json does, or null when x is not
// finite.
func appendJSONFloat(b []byte, x float64) []byte { return appendJSONFloatBits(b, x, 64) }

// appendJSONFloatBits formats x, a float of the given bit size, with the
// shortest digits that round-trip at that size.
func appendJSONFloatBits(b []byte, x float64, bits int) []byte {
	if !stat.Finite(x) {
		return append(b, "null"...)
	}
	abs := math.Abs(x)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, x, format, -1, bits)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
