package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triad-mmm/triad/civil"
)

func TestDataSummaryText(t *testing.T) {
	off, on := true, false
	start := civil.Date(19723) // 2024-01-01
	s := &DataSummary{
		Panel:    "panel.csv",
		Period:   Period{Start: start, End: start.AddDays(13), Grain: "weekly", Periods: 2},
		KPI:      "revenue",
		KPITotal: 1234567.8,
		Channels: []DataChannel{
			{Name: "tv", Spend: 1000, Offline: &off},
			{Name: "search", Spend: 2500, Offline: &on, Attributed: 4000, HasUnits: true, Units: 90000, UnitsColumn: "clicks"},
			{Name: "mail", Offline: nil, HasUnits: true, Units: 300, UnitsColumn: "sends", Organic: true},
			{Name: "yt", Spend: 10, HasUnits: true, Units: 600, Reach: 200, ReachColumn: "yt_reach", Frequency: 3, FrequencyColumn: "yt_freq"},
		},
		Window:     &DataWindow{Before: 3, After: 1},
		Treatments: []DataTreatment{{Name: "promo", Column: "promo_col", Baseline: 0, Min: 0, Max: 1}},
		Factors:    []Factor{{Column: "events", Levels: []string{"sale", "launch"}}},
		MTA: &DataMTA{File: "mta.csv", Rows: 10, Campaigns: 2, Mapped: 1,
			Unmapped: []DataUnmapped{{Name: "Affiliates", Rows: 4, Attributed: 55}}, OutsideRows: 2, OutsideAttributed: 7},
		Warnings: 2,
	}
	want := `panel     panel.csv
period    2024-01-01 .. 2024-01-14, 2 weekly periods
kpi       revenue, total 1,234,568
channels  4
  tv               spend        1,000  offline  mta attributed 0
  search           spend        2,500  online  mta attributed 4,000  units 90,000 (clicks) drive it
  mail             spend            0    mta attributed 0  organic, units 300.00 (sends)
  yt               spend        10.00    mta attributed 0  reach 200.00 (yt_reach), average frequency 3.00 (yt_freq)
window    fitted 2024-01-01 .. 2024-01-14 (2 periods); 3 earlier periods feed the carryover only, 1 later ones are left out
factor    events: levels sale, launch (reference empty/na)
treatment promo (column promo_col): baseline 0, range 0 .. 1.00
tests     none (the MMM is not calibrated)
mta       mta.csv: 10 rows, 2 campaigns, 1 channels mapped, 1 unmapped
  unmapped Affiliates       4 rows, attributed 55.00
  2 rows (attributed 7.00) fall outside the panel's dates and are not used
warnings  2 (see the log)
`
	assert.Equal(t, want, s.Text())

	s.MTA, s.Window, s.Factors, s.Treatments = nil, nil, nil, nil
	s.HasTests, s.Calibration = true, "roi_prior"
	s.Tests = []DataTest{{ID: "LT1", Channel: "tv", Start: start, End: start.AddDays(27), Spend: 500, Incremental: 800, SE: 90, SESource: "given", Include: true},
		{ID: "LT2", Channel: "search", Start: start, End: start.AddDays(6), Spend: 50, Incremental: 80, SE: 9, SESource: "p_value"}}
	s.RevenuePerKPI = &RevenuePerKPI{Mean: 2.5}
	got := s.Text()
	assert.Contains(t, got, "  tv               spend        1,000  offline\n")
	assert.Contains(t, got, "revenue   per revenue: 2.50 (constant, KPI-weighted mean); the KPI is fitted as a count\n")
	assert.Contains(t, got, "tests     2 lift tests (1 used in the fit), calibration roi_prior\n")
	assert.Contains(t, got, "  LT1          tv         2024-01-01 .. 2024-01-28  spend 500.00  incremental 800.00 ± 90.00 (given)\n")
	assert.Contains(t, got, "mta       none\n")
}
