package tabular

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/triad-mmm/triad/civil"
)

// MaxQuote bounds how much of a cell a message repeats: a cell can hold
// hundreds of megabytes, which must not end up on a terminal.
const MaxQuote = 80

// Quote quotes s for a message, cut to MaxQuote bytes with its full length
// noted.
func Quote(s string) string {
	if len(s) <= MaxQuote {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(clip(s)), len(s))
}

// clip cuts s to MaxQuote bytes at a character boundary.
func clip(s string) string {
	if len(s) <= MaxQuote {
		return s
	}
	cut := MaxQuote
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// isNullText reports whether a text cell means "no value". Spreadsheets and
// pandas write missing values in several spellings; all of them are null
// here, whatever the column's kind.
func isNullText(s string) bool {
	switch len(s) {
	case 0:
		return true
	case 2, 3, 4:
		return strings.EqualFold(s, "NA") || strings.EqualFold(s, "N/A") ||
			strings.EqualFold(s, "NaN") || strings.EqualFold(s, "null")
	}
	return false
}

// parseFloatText reads a number cell. Infinite values are rejected: no input
// triad reads has a meaningful infinity, and one would poison every sum.
func parseFloatText(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if errors.Is(err, strconv.ErrRange) && math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s is too large (triad reads numbers up to ±%g; larger values overflow the model's scaling)", Quote(s), MaxMagnitude)
	}
	if err != nil {
		if _, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil {
			return 0, fmt.Errorf("%s is not a number (use a decimal point, and no thousands separators)", Quote(s))
		}
		return 0, fmt.Errorf("%s is not a number", Quote(s))
	}
	if math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s is not a finite number", Quote(s))
	}
	return checkMagnitude(v)
}

// MaxMagnitude is the largest absolute number triad reads. The model
// squares and multiplies values in their original units (variances,
// residual sums, spend × ROI), so a value near float64's limit of 1.8e308
// overflows to infinity somewhere downstream; 1e100 leaves room for all of
// that while no KPI, spend or count in any currency comes near it.
const MaxMagnitude = 1e100

func checkMagnitude(v float64) (float64, error) {
	if math.Abs(v) > MaxMagnitude {
		return 0, fmt.Errorf("%g is too large (triad reads numbers up to ±%g; larger values overflow the model's scaling)", v, MaxMagnitude)
	}
	return v, nil
}

func parseDateText(s string) (civil.Date, error) {
	d, err := civil.Parse(s)
	if err != nil {
		return 0, fmt.Errorf("%s is not a date (want YYYY-MM-DD)", Quote(s))
	}
	return d, nil
}

func parseBoolText(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "t", "yes", "y", "1":
		return true, nil
	case "false", "f", "no", "n", "0":
		return false, nil
	}
	return false, fmt.Errorf("%s is not a boolean (want true or false)", Quote(s))
}

// appendText parses one text cell into b. Surrounding blanks are not part of
// a value (CSV written by hand often has "1, 2, 3").
func (b *colBuf) appendText(s string) error {
	if b.kind != String {
		s = strings.TrimSpace(s)
	}
	if isNullText(strings.TrimSpace(s)) {
		b.appendNull()
		return nil
	}
	switch b.kind {
	case Float:
		v, err := parseFloatText(s)
		if err != nil {
			return err
		}
		b.f = append(b.f, v)
	case String:
		b.s = append(b.s, b.keep(s))
	case Date:
		v, err := parseDateText(s)
		if err != nil {
			return err
		}
		b.d = append(b.d, v)
	case Bool:
		v, err := parseBoolText(s)
		if err != nil {
			return err
		}
		b.b = append(b.b, v)
	}
	b.markValid()
	return nil
}
