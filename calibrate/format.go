package calibrate

import (
	"fmt"
	"math"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// num formats a figure for prose: three significant digits for small
// values, whole numbers with thousands separators for large ones.
func num(x float64) string {
	a := math.Abs(x)
	switch {
	case !stat.Finite(x):
		return "n/a"
	case a >= 1000:
		return thousands(math.Round(x))
	case a >= 100:
		return fmt.Sprintf("%.0f", x)
	case a >= 10:
		return fmt.Sprintf("%.1f", x)
	case a >= 0.1 || a == 0:
		return fmt.Sprintf("%.2f", x)
	}
	// Below 0.1 keep three significant digits: a cost per incremental order
	// of 0.0123 must not print as 0.01.
	return strconvG3(x)
}

func thousands(x float64) string {
	s := fmt.Sprintf("%.0f", math.Abs(x))
	var b strings.Builder
	if x < 0 {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// intervalText renders "2.10 (1.60–2.70)".
func intervalText(iv Interval) string {
	return fmt.Sprintf("%s (%s–%s)", num(iv.Mean), num(iv.Lo), num(iv.Hi))
}

func strconvG3(x float64) string {
	digits := max(2, 2-int(math.Floor(math.Log10(math.Abs(x)))))
	return fmt.Sprintf("%.*f", digits, x)
}
