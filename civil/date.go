package civil

import (
	"fmt"
	"time"
)

// Date is a calendar day, counted in days since 1970-01-01 (the same
// representation as Arrow's date32).
type Date int32

// FromTime returns the calendar day of t in t's own location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(u.Unix() / 86400)
}

// New returns the date y-m-d.
func New(y int, m time.Month, d int) Date {
	return FromTime(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// Parse reads an ISO 8601 date (2024-01-31). A date-time such as
// 2024-01-31T00:00:00Z or "2024-01-31 00:00:00" is accepted and its day kept.
func Parse(s string) (Date, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return FromTime(t), nil
		}
	}
	return 0, fmt.Errorf("%q is not an ISO date (want YYYY-MM-DD)", s)
}

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return d.Time().Format("2006-01-02") }

// AddDays returns d shifted by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// DayOfYearFraction returns the position of d in its year as a fraction in
// [0, 1), used for yearly Fourier seasonality.
func (d Date) DayOfYearFraction() float64 {
	t := d.Time()
	return float64(t.YearDay()-1) / 365.25
}

// MarshalText implements encoding.TextMarshaler so dates appear as ISO
// strings in JSON.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
