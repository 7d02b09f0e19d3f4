package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/triad-mmm/triad/stat"
)

// notAvailable stands for an unknown number in text.
const notAvailable = "n/a"

// formatSig formats x with three significant digits and no exponent for
// everyday magnitudes: 2.13, 0.482, 12.3, 1234.
func formatSig(x float64) string {
	if math.IsNaN(x) {
		return notAvailable
	}
	if math.IsInf(x, 1) {
		return "∞"
	}
	if math.IsInf(x, -1) {
		return "−∞"
	}
	if x == 0 {
		return "0"
	}
	a := math.Abs(x)
	if a < 1e-3 || a >= 1e15 {
		return strconv.FormatFloat(x, 'g', 3, 64)
	}
	dec := max(0, 2-int(math.Floor(math.Log10(a))))
	s := strconv.FormatFloat(x, 'f', dec, 64)
	// Rounding may carry into a new digit (9.996 → "10.00"); one more
	// pass fixes the digit count.
	if r, _ := strconv.ParseFloat(s, 64); r != 0 {
		if d2 := max(0, 2-int(math.Floor(math.Log10(math.Abs(r))))); d2 != dec {
			s = strconv.FormatFloat(r, 'f', d2, 64)
		}
	}
	return s
}

// formatCompact formats amounts with a k/M/B suffix and three significant
// digits: 1.23M, 456k, 980.
func formatCompact(x float64) string {
	if !stat.Finite(x) {
		return formatSig(x)
	}
	a := math.Abs(x)
	switch {
	case a >= 1e12:
		return formatSig(x/1e12) + "T"
	case a >= 999.5e6:
		return formatSig(x/1e9) + "B"
	case a >= 999.5e3:
		return formatSig(x/1e6) + "M"
	case a >= 999.5:
		return formatSig(x/1e3) + "k"
	}
	return formatSig(x)
}

// formatPct formats a fraction as a percentage with up to three
// significant digits: 0.0342 → 3.42%.
func formatPct(x float64) string {
	if !stat.Finite(x) {
		return formatSig(x)
	}
	return formatSig(100*x) + "%"
}

// formatInterval formats an interval as "2.13 (1.62–2.71)" with f applied
// to each end.
func formatInterval(iv Interval, f func(float64) string) string {
	if !iv.Known() {
		return notAvailable
	}
	if !stat.Finite(iv.Lo) && !stat.Finite(iv.Hi) && !math.IsInf(iv.Lo, 0) && !math.IsInf(iv.Hi, 0) {
		return f(iv.Mean)
	}
	if iv.Lo == iv.Mean && iv.Hi == iv.Mean {
		return f(iv.Mean) // a measured number, not an estimate
	}
	var b strings.Builder
	b.WriteString(f(iv.Mean))
	b.WriteString(" (")
	b.WriteString(f(iv.Lo))
	b.WriteString("–")
	b.WriteString(f(iv.Hi))
	b.WriteString(")")
	return b.String()
}

// formatShort is formatSig without trailing zeros: 0.910 → 0.91, 90.0 → 90.
func formatShort(x float64) string {
	s := formatSig(x)
	if !strings.Contains(s, ".") || strings.ContainsAny(s, "eE") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// formatShortPct is a percentage without trailing zeros: 0.9 → 90%.
func formatShortPct(x float64) string {
	if !stat.Finite(x) {
		return formatSig(x)
	}
	return formatShort(100*x) + "%"
}

// formatRHat shows R̂ to three decimals, where its thresholds (1.01,
// 1.05) live.
func formatRHat(x float64) string {
	if !stat.Finite(x) {
		return formatSig(x)
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}

// signedPct is a change as "+12%" or "−8%".
func signedPct(x float64) string {
	if !stat.Finite(x) {
		return notAvailable
	}
	s := formatShortPct(x)
	if x > 0 {
		s = "+" + s
	}
	return s
}

// formatTick is formatCompact without trailing zeros, for axis labels
// whose nice values need no padding: 5M, 2.5M, 0.5.
func formatTick(x float64) string {
	s := formatCompact(x)
	num := strings.TrimRight(s, "kMBT")
	suffix := s[len(num):]
	if strings.Contains(num, ".") && !strings.ContainsAny(num, "eE") {
		num = strings.TrimSuffix(strings.TrimRight(num, "0"), ".")
	}
	return num + suffix
}
