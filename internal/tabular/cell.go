package tabular

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/triad-mmm/triad/civil"
)

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
	if err != nil {
		if _, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil {
			return 0, fmt.Errorf("%q is not a number (use a decimal point, and no thousands separators)", s)
		}
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return v, nil
}

func parseDateText(s string) (civil.Date, error) {
	d, err := civil.Parse(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
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
	return false, fmt.Errorf("%q is not a boolean (want true or false)", s)
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
