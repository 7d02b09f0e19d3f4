package lift

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func readCSV(t testing.TB, f Format, opts ParseOptions, content string) ([]Test, []string, error) {
	t.Helper()
	return Read(writeFile(t, "lift.csv", content), f, opts)
}

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestParseCanonicalSESources(t *testing.T) {
	csv := `test_id,channel,start_date,end_date,spend,incremental_kpi,iroas,se,ci_lower,ci_upper,confidence,ci_sided,p_value,scope_share,test_type,cooldown_end,include,notes
a,tv,2024-01-01,2024-01-28,1000,3000,,500,,,,,,0.2,holdout,2024-02-11,true,free text
b,search,2024-02-05,2024-02-25,2000,4000,,,4000,` + f(4000+2*z975*800) + `,95,,,,heavy_up,,,
c,social,2024-03-04,2024-03-31,500,,2.5,,` + f(2.5-z90*0.5) + `,,90,lower,,,,,false,
d,display,2024-04-01,2024-04-14,100,` + f(z975*50) + `,,,,,,,0.05,,conversion_lift,,,
e,tv,2024-05-06,2024-05-26,800,1200,,,,` + f(1200+z95*300) + `,0.95,upper,,,,,,
`
	tests, warns, err := readCSV(t, Canonical, ParseOptions{}, csv)
	require.NoError(t, err)
	require.Len(t, tests, 5)

	a := tests[0]
	assert.Equal(t, Test{ID: "a", Channel: "tv", Start: day("2024-01-01"), End: day("2024-01-28"),
		CooldownEnd: day("2024-02-11"), Spend: 1000, Incremental: 3000, SE: 500, SESource: SEGiven,
		ScopeShare: 0.2, ScopeGiven: true, Type: Holdout, Include: true, Row: 1}, a)
	assert.Equal(t, day("2024-02-11"), a.MeasureEnd())
	assert.InDelta(t, 3, a.IROAS(), 1e-12)
	assert.InDelta(t, 0.5, a.IROASSE(), 1e-12)
	assert.Equal(t, 28, a.Days())

	assert.Equal(t, HeavyUp, tests[1].Type)
	assert.Equal(t, SEFromCI, tests[1].SESource)
	assert.InEpsilon(t, 800, tests[1].SE, 1e-6)

	// iroas 2.5 with a one-sided 90% lower bound 2.5 − z90·0.5: se of iROAS
	// 0.5, scaled by spend 500.
	c := tests[2]
	assert.InDelta(t, 1250, c.Incremental, 1e-9)
	assert.InEpsilon(t, 250, c.SE, 1e-6)
	assert.False(t, c.Include)
	assert.Equal(t, day("2024-03-31"), c.MeasureEnd())

	d := tests[3]
	assert.Equal(t, SEFromPValue, d.SESource)
	assert.InEpsilon(t, 50, d.SE, 1e-6)
	assert.Equal(t, ConversionLift, d.Type)

	assert.InEpsilon(t, 300, tests[4].SE, 1e-6)
	assert.Equal(t, SEFromCI, tests[4].SESource)

	require.Len(t, warns, 1)
	assert.Equal(t, "lift.csv: row 4, column p_value: standard error 50 derived from the p-value, the weakest source (assumes a z-test)", warns[0])
}

func f(v float64) string { return strings.TrimRight(strings.TrimRight(fmtG(v), "0"), ".") }

func fmtG(v float64) string { return strconvFormat(v) }

func TestParseCanonicalErrors(t *testing.T) {
	head := "test_id,channel,start_date,end_date,spend,incremental_kpi,se,ci_lower,ci_upper,confidence,p_value,scope_share,test_type,cooldown_end\n"
	cases := []struct{ row, want string }{
		{",tv,2024-01-01,2024-01-28,1000,3000,500,,,,,,,", "lift.csv: row 1, column test_id: missing test_id"},
		{"a,,2024-01-01,2024-01-28,1000,3000,500,,,,,,,", "lift.csv: row 1, column channel: missing channel"},
		{"a,tv,,2024-01-28,1000,3000,500,,,,,,,", "lift.csv: row 1, column start_date: missing date"},
		{"a,tv,2024-02-01,2024-01-28,1000,3000,500,,,,,,,", "lift.csv: row 1, column end_date: end 2024-01-28 is before start 2024-02-01"},
		{"a,tv,2024-01-01,2024-01-28,,3000,500,,,,,,,", "lift.csv: row 1, column spend: missing value"},
		{"a,tv,2024-01-01,2024-01-28,0,3000,500,,,,,,,", "lift.csv: row 1, column spend: spend must be positive, got 0"},
		{"a,tv,2024-01-01,2024-01-28,1000,,500,,,,,,,", "lift.csv: row 1, column incremental_kpi: missing value: give incremental_kpi (or iroas with spend)"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,0,,,,,,,", "lift.csv: row 1, column se: standard error must be positive, got 0"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,-2,,,,,,,", "lift.csv: row 1, column se: standard error must be positive, got -2"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,,2000,4000,,,,,", "lift.csv: row 1, column confidence: missing confidence level of the interval (e.g. 0.9 or 90)"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,,2000,4000,150,,,,", "lift.csv: row 1, column confidence: confidence 150 outside (0, 1) (give 0.9 or 90)"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,,2000,4000,100,,,,", "lift.csv: row 1, column confidence: confidence 100 outside (0, 1) (give 0.9 or 90)"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,,2000,4000,1.5,,,,", "lift.csv: row 1, column confidence: confidence 1.5 is neither a share in (0, 1) nor a percentage from 50 to 100: give 0.9 or 90"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,,4000,2000,0.9,,,,", "lift.csv: row 1, column ci_lower: interval lower bound 4000 above upper bound 2000"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,,2000,,0.9,,,,", "lift.csv: row 1, column ci_upper: missing upper bound of a two-sided interval"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,,,,,1,,,", "lift.csv: row 1, column p_value: p_value 1 outside (0, 1)"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,,,,,,,,", "lift.csv: row 1, column se: no standard error: give se, ci_lower/ci_upper with confidence, or p_value"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,500,,,,,1.5,,", "lift.csv: row 1, column scope_share: scope_share must be in (0, 1], got 1.5"},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,500,,,,,,geo_split,", `lift.csv: row 1, column test_type: unknown test_type "geo_split" (want holdout, heavy_up or conversion_lift)`},
		{"a,tv,2024-01-01,2024-01-28,1000,3000,500,,,,,,,2024-01-20", "lift.csv: row 1, column cooldown_end: cooldown_end 2024-01-20 is before end 2024-01-28"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			_, _, err := readCSV(t, Canonical, ParseOptions{}, head+tc.row+"\n")
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			var ce *tabular.CellError
			assert.True(t, errors.As(err, &ce))
		})
	}
}

func TestParseCanonicalDuplicateAndMany(t *testing.T) {
	csv := "test_id,channel,start_date,end_date,spend,incremental_kpi,se\n" +
		"a,tv,2024-01-01,2024-01-28,1000,3000,500\n" +
		"b,tv,2024-01-01,2024-01-28,1000,3000,500\n" +
		"a,tv,2024-03-01,2024-03-28,1000,3000,500\n"
	_, _, err := readCSV(t, Canonical, ParseOptions{}, csv)
	assert.EqualError(t, err, `lift.csv: row 3, column test_id: duplicate test_id "a" (also row 1)`)

	// Every bad row is reported, up to a bound.
	var b strings.Builder
	b.WriteString("test_id,channel,start_date,end_date,spend,incremental_kpi,se\n")
	for i := 0; i < 30; i++ {
		b.WriteString("x,tv,2024-01-01,2024-01-28,-1,3000,500\n")
	}
	_, _, err = readCSV(t, Canonical, ParseOptions{}, b.String())
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	assert.Len(t, lines, maxErrors+1)
	assert.Equal(t, "lift.csv: 10 more problems not shown", lines[maxErrors])
}

func TestParseCanonicalMissingEstimateColumns(t *testing.T) {
	_, _, err := readCSV(t, Canonical, ParseOptions{}, "test_id,channel,start_date,end_date,spend,se\na,tv,2024-01-01,2024-01-28,1,1\n")
	assert.EqualError(t, err, "lift.csv: column incremental_kpi: not found; the estimate needs column incremental_kpi or iroas")
	_, _, err = readCSV(t, Canonical, ParseOptions{}, "test_id,start_date,end_date,spend,se\na,2024-01-01,2024-01-28,1,1\n")
	var ce *tabular.CellError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "channel", ce.Column)
}

func TestParseWarningsAndRelativeSE(t *testing.T) {
	csv := "test_id,channel,start_date,end_date,spend,incremental_kpi,ci_lower,ci_upper,confidence\n" +
		"a,tv,2024-01-01,2024-01-28,1000,5000,1000,3000,0.9\n" +
		"b,tv,2024-03-01,2024-03-28,1000,2000,,,\n"
	tests, warns, err := readCSV(t, Canonical, ParseOptions{RelativeSE: 0.25}, csv)
	require.NoError(t, err)
	require.Len(t, tests, 2)
	assert.InEpsilon(t, 1000/z95, tests[0].SE, 1e-6)
	assert.Equal(t, SEAssumed, tests[1].SESource)
	assert.InDelta(t, 500, tests[1].SE, 1e-9)
	assert.Equal(t, []string{
		"lift.csv: row 1, column ci_lower: estimate 5000 lies outside its interval [1000, 3000]; the SE uses the interval's width",
		"lift.csv: row 2, column se: no uncertainty given; assuming SE = 0.25 × |estimate| = 500 (calibration.relative_se)",
	}, warns)
}

func TestParseIROASDisagrees(t *testing.T) {
	csv := "test_id,channel,start_date,end_date,spend,incremental_kpi,iroas,se\n" +
		"a,tv,2024-01-01,2024-01-28,1000,3000,3.01,500\n" +
		"b,tv,2024-03-01,2024-03-28,1000,3000,2,500\n"
	tests, warns, err := readCSV(t, Canonical, ParseOptions{}, csv)
	require.NoError(t, err)
	assert.Equal(t, 3000.0, tests[1].Incremental)
	assert.Equal(t, []string{"lift.csv: row 2, column iroas: iroas 2 × spend 1000 = 2000 disagrees with incremental_kpi 3000; using incremental_kpi"}, warns)
}

func TestParseAliases(t *testing.T) {
	csv := "test_id,channel,start_date,end_date,spend,incremental_kpi,se\na,tv_S,2024-01-01,2024-01-28,1000,3000,500\n"
	tests, _, err := readCSV(t, Canonical, ParseOptions{Aliases: map[string]string{"tv_S": "tv"}}, csv)
	require.NoError(t, err)
	assert.Equal(t, "tv", tests[0].Channel)
}

func TestParseRobyn(t *testing.T) {
	csv := `channel,liftStartDate,liftEndDate,liftAbs,spend,confidence,metric,calibration_scope
facebook_S,2018-05-01,2018-06-10,400000,421000,0.85,revenue,immediate
tv_S,2018-04-03,2018-06-03,300000,7100,90,revenue,total
search_S,2018-07-01,2018-07-20,7000,3500,,revenue,
`
	opts := ParseOptions{RelativeSE: 0.3, PanelEnd: day("2018-07-15"), KPI: "revenue", Aliases: map[string]string{"tv_S": "tv"}}
	tests, warns, err := readCSV(t, Robyn, opts, csv)
	require.NoError(t, err)
	require.Len(t, tests, 3)
	fb := tests[0]
	assert.Equal(t, "robyn-1", fb.ID)
	assert.Equal(t, "facebook_S", fb.Channel)
	assert.Equal(t, Holdout, fb.Type)
	assert.Equal(t, civil.Date(0), fb.CooldownEnd)
	// confidence 0.85 = 1 − p, p = 0.15: se = 400000 / z(0.925).
	assert.InDelta(t, 400000/1.4395315, fb.SE, 0.01)
	assert.Equal(t, SEFromPValue, fb.SESource)

	tv := tests[1]
	assert.Equal(t, "tv", tv.Channel)
	assert.InDelta(t, 300000/z95, tv.SE, 0.1)
	// 56 days after 2018-06-03 is 2018-07-29, clipped to the panel's end.
	assert.Equal(t, day("2018-07-15"), tv.CooldownEnd)

	assert.Equal(t, SEAssumed, tests[2].SESource)
	assert.InDelta(t, 2100, tests[2].SE, 1e-9)
	assert.Len(t, warns, 4)
	assert.Contains(t, warns[2], "calibration_scope total")

	tests, _, err = readCSV(t, Robyn, ParseOptions{Aliases: map[string]string{"facebook_S": "facebook", "search_S": "search"}}, "channel,liftStartDate,liftEndDate,liftAbs,spend,confidence\nfacebook_S+search_S,2018-07-01,2018-07-20,700000,350000,0.99\n")
	require.NoError(t, err)
	assert.Equal(t, "facebook+search", tests[0].Channel)
	assert.Equal(t, []string{"facebook", "search"}, tests[0].Channels())
	assert.True(t, tests[0].Combined())
	_, _, err = readCSV(t, Robyn, ParseOptions{}, "channel,liftStartDate,liftEndDate,liftAbs,spend\ntv,2018-07-01,2018-07-20,700,350\n")
	assert.EqualError(t, err, "lift.csv: row 1, column confidence: no standard error: give confidence (1 − p-value) or se")
	const revenueRow = "channel,liftStartDate,liftEndDate,liftAbs,spend,se,metric\ntv,2018-07-01,2018-07-20,700,350,100,revenue\n"
	_, _, err = readCSV(t, Robyn, ParseOptions{KPI: "orders", KPIType: "count"}, revenueRow)
	assert.EqualError(t, err, `lift.csv: row 1, column metric: metric "revenue" is not the model's KPI "orders" (count); set model.revenue_per_kpi to convert revenue into orders`)
	tests, _, err = readCSV(t, Robyn, ParseOptions{KPI: "orders", KPIType: "count", RevenuePerKPI: true}, revenueRow)
	require.NoError(t, err)
	assert.True(t, tests[0].InRevenue)
	_, _, err = readCSV(t, Robyn, ParseOptions{KPI: "revenue", KPIType: "revenue"}, strings.Replace(revenueRow, ",revenue\n", ",conversion\n", 1))
	assert.EqualError(t, err, `lift.csv: row 1, column metric: metric "conversion" is not the model's KPI "revenue" (revenue)`)
	for _, m := range []string{"orders", "count", "conversions"} {
		_, _, err = readCSV(t, Robyn, ParseOptions{KPI: "orders", KPIType: "count"}, strings.Replace(revenueRow, ",revenue\n", ","+m+"\n", 1))
		assert.NoError(t, err, m)
	}
}

func TestParsePyMC(t *testing.T) {
	csv := `channel,x,delta_x,delta_y,sigma
x1,100,-100,-250,30
x2,200,50,60,10
`
	// 10 weekly periods.
	opts := ParseOptions{PanelStart: day("2024-01-01"), PanelEnd: day("2024-03-10"), StepDays: 7}
	tests, warns, err := readCSV(t, PyMC, opts, csv)
	require.NoError(t, err)
	assert.Empty(t, warns)
	require.Len(t, tests, 2)
	h := tests[0]
	assert.Equal(t, Test{ID: "pymc-1", Channel: "x1", Start: opts.PanelStart, End: opts.PanelEnd,
		Spend: 1000, BaseSpend: 1000, Incremental: 2500, SE: 300, SESource: SEGiven, ScopeShare: 1,
		Type: Holdout, Include: true, Row: 1}, h)
	assert.InDelta(t, 2.5, h.IROAS(), 1e-12) // delta_y/delta_x kept
	u := tests[1]
	assert.Equal(t, HeavyUp, u.Type)
	assert.InDelta(t, 500, u.Spend, 1e-9)
	assert.InDelta(t, 600, u.Incremental, 1e-9)
	assert.InDelta(t, 1.2, u.IROAS(), 1e-12)

	// Dated rows use their own window: 2 weeks.
	tests, _, err = readCSV(t, PyMC, ParseOptions{}, "channel,x,delta_x,delta_y,sigma,start_date,end_date,test_id\nx1,100,-20,-50,5,2024-01-01,2024-01-14,t1\n")
	require.NoError(t, err)
	assert.Equal(t, "t1", tests[0].ID)
	assert.InDelta(t, 40, tests[0].Spend, 1e-9)
	assert.InDelta(t, 100, tests[0].Incremental, 1e-9)
	assert.InDelta(t, 10, tests[0].SE, 1e-9)

	_, _, err = readCSV(t, PyMC, ParseOptions{}, "channel,x,delta_x,delta_y,sigma\nx1,100,-100,-250,30\n")
	assert.EqualError(t, err, "lift.csv: row 1, column start_date: a lift frame without start_date/end_date needs the panel's date range")
	_, _, err = readCSV(t, PyMC, opts, "channel,x,delta_x,delta_y,sigma\nx1,100,-150,-250,30\n")
	assert.EqualError(t, err, "lift.csv: row 1, column delta_x: delta_x -150 takes spend below zero (x = 100)")
	_, _, err = readCSV(t, PyMC, opts, "channel,x,delta_x,delta_y,sigma\nx1,100,0,-250,30\n")
	assert.EqualError(t, err, "lift.csv: row 1, column delta_x: delta_x is 0: the test moved no spend")
	_, _, err = readCSV(t, PyMC, opts, "channel,x,delta_x,delta_y,sigma\nx1,100,-10,-250,0\n")
	assert.EqualError(t, err, "lift.csv: row 1, column sigma: standard error must be positive, got 0")
}

func TestParseGeoLift(t *testing.T) {
	csv := "channel,start_date,end_date,incremental,lower,upper,spend,scope_share\n" +
		"tv,2024-01-01,2024-01-28,5000," + f(5000-2*z95*1000) + "," + f(5000+2*z95*1000) + ",2000,0.15\n"
	tests, _, err := readCSV(t, GeoLift, ParseOptions{}, csv)
	require.NoError(t, err)
	require.Len(t, tests, 1)
	g := tests[0]
	assert.Equal(t, "geolift-1", g.ID)
	assert.InEpsilon(t, 2000, g.SE, 1e-6) // default confidence 0.9
	assert.Equal(t, SEFromCI, g.SESource)
	assert.InDelta(t, 0.15, g.ScopeShare, 0)

	csv = "channel,start_date,end_date,incremental,lower,upper,confidence,spend\n" +
		"tv,2024-01-01,2024-01-28,5000,3040.0720,6959.9280,95,2000\n"
	tests, _, err = readCSV(t, GeoLift, ParseOptions{}, csv)
	require.NoError(t, err)
	assert.InEpsilon(t, 1000, tests[0].SE, 1e-4)
}

func TestColumnsRequestedExist(t *testing.T) {
	for _, fm := range []Format{Canonical, Robyn, PyMC, GeoLift} {
		seen := map[string]bool{}
		for _, c := range columns(fm) {
			assert.NotEmpty(t, c.Name, fm)
			assert.False(t, seen[c.Name], "%v: %s twice", fm, c.Name)
			seen[c.Name] = true
		}
	}
}
