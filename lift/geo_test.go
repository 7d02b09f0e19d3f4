package lift

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/internal/simulate"
)

var _ GeoCalendar = (*panel.Panel)(nil)

func TestParseGeos(t *testing.T) {
	geos := []string{"Austin", "Boston", "Chicago", "Denver"}
	head := "test_id,channel,start_date,end_date,spend,incremental_kpi,se,geos\n"
	tests, _, err := readCSV(t, Canonical, ParseOptions{Geos: geos}, head+
		"a,tv,2024-01-01,2024-01-28,1000,3000,500,Chicago; Austin\n"+
		"b,tv,2024-03-04,2024-03-31,1000,3000,500,\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"Austin", "Chicago"}, tests[0].Geos, "trimmed and sorted")
	assert.False(t, tests[0].ScopeGiven)
	assert.Nil(t, tests[1].Geos, "an empty cell is a national test")

	for body, want := range map[string]string{
		"a,tv,2024-01-01,2024-01-28,1000,3000,500,Austin;Atlantis\n": `lift.csv: row 1, column geos: unknown geo "Atlantis" (the panel's geos: Austin, Boston, Chicago, Denver)`,
		"a,tv,2024-01-01,2024-01-28,1000,3000,500,Austin;Austin\n":   `lift.csv: row 1, column geos: geo "Austin" is listed twice`,
		"a,tv,2024-01-01,2024-01-28,1000,3000,500,austin\n":          `lift.csv: row 1, column geos: unknown geo "austin" (the panel's geos: Austin, Boston, Chicago, Denver)`,
		"a,tv,2024-01-01,2024-01-28,1000,3000,500, ; \n":             `lift.csv: row 1, column geos: no geo names in ";" (separate them with ";")`,
	} {
		_, _, err := readCSV(t, Canonical, ParseOptions{Geos: geos}, head+body)
		assert.EqualError(t, err, want)
	}
	_, _, err = readCSV(t, Canonical, ParseOptions{}, head+"a,tv,2024-01-01,2024-01-28,1000,3000,500,Austin\n")
	assert.EqualError(t, err, `lift.csv: row 1, column geos: the test names geos ("Austin") but the panel has none (set model.geo)`)

	// GeoLift lists its treated locations comma-separated and lower-cased.
	gl := "channel,start_date,end_date,spend,incremental,lower,upper,location\n" +
		"tv,2024-01-01,2024-01-28,1000,3000,2000,4000,\"chicago, denver\"\n"
	tests, _, err = readCSV(t, GeoLift, ParseOptions{Geos: geos}, gl)
	require.NoError(t, err)
	assert.Equal(t, []string{"Chicago", "Denver"}, tests[0].Geos)
}

// On a simulated geo world the geo tests' default scope is their geos'
// share of the spend, which makes the panel's spend check agree exactly.
func TestGeoWorldScopes(t *testing.T) {
	w, err := simulate.Generate(simulate.Options{Seed: 3, Geos: 12, Weeks: 104})
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, w.WriteFiles(dir, "csv"))
	spec := panel.Spec{Date: "date", KPI: "revenue", Geo: "geo", Population: "population", Controls: []string{"price", "promo"}}
	for _, c := range w.Channels {
		spec.Channels = append(spec.Channels, panel.ChannelColumn{Name: c.Name, Spend: simulate.SpendColumn(c.Name)})
	}
	p, _, err := panel.Load(filepath.Join(dir, "panel.csv"), spec)
	require.NoError(t, err)
	opts := ParseOptions{PanelStart: p.Start(), PanelEnd: p.End(), StepDays: 7, Geos: p.Geos.Names}
	tests, _, err := Read(filepath.Join(dir, "lift_tests.csv"), Canonical, opts)
	require.NoError(t, err)
	require.Len(t, tests, len(w.LiftTests))
	SetGeoScopes(tests, p)
	for k, tt := range w.Truth.Tests {
		assert.Equal(t, tt.Geos, tests[k].Geos)
		assert.InDelta(t, tt.Scope, tests[k].ScopeShare, 1e-6, tt.ID)
	}
	for _, f := range Check(tests, p, CheckOptions{}) {
		assert.NotEqual(t, SpendMismatch, f.Code, f.String())
	}

	// An explicit scope_share wins over the geos' spend share.
	tests[0].ScopeShare, tests[0].ScopeGiven = 0.5, true
	SetGeoScopes(tests, p)
	assert.Equal(t, 0.5, tests[0].ScopeShare)
	assert.True(t, strings.HasPrefix(tests[0].ID, "GT"))
}
