package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// proseNum formats a figure for prose: three significant digits for small
// values, whole numbers with thousands separators for large ones.
func proseNum(x float64) string {
	a := math.Abs(x)
	switch {
	case !stat.Finite(x):
		return "n/a"
	case a >= 1000:
		if x < 0 {
			return "-" + thousands(math.Round(a))
		}
		return thousands(math.Round(a))
	case a >= 100:
		return fmt.Sprintf("%.0f", x)
	case a >= 10:
		return fmt.Sprintf("%.1f", x)
	case a >= 0.1 || a == 0:
		return fmt.Sprintf("%.2f", x)
	}
	// Below 0.1 keep three significant digits: a cost per incremental order
	// of 0.0123 must not print as 0.01.
	digits := max(2, 2-int(math.Floor(math.Log10(a))))
	return fmt.Sprintf("%.*f", digits, x)
}

// proseInterval renders "2.10 (1.60–2.70)".
func proseInterval(iv Interval) string {
	return fmt.Sprintf("%s (%s–%s)", proseNum(iv.Mean), proseNum(iv.Lo), proseNum(iv.Hi))
}

func prosePct(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// andList joins "a", "a and b", "a, b and c".
func andList(v []string) string {
	switch len(v) {
	case 0:
		return ""
	case 1:
		return v[0]
	}
	return strings.Join(v[:len(v)-1], ", ") + " and " + v[len(v)-1]
}
