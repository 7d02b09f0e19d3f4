package panel

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// mediaCSV returns n weekly rows: sales, three spend columns and a price;
// spend_b is 3 × spend_a, spend_c moves on its own.
func mediaCSV(n int, sales func(i int) float64) string {
	var b strings.Builder
	b.WriteString("date,sales,spend_a,spend_b,spend_c,price\n")
	start := civil.New(2022, 1, 3)
	for i := range n {
		a := 100 + 50*math.Sin(float64(i))
		fmt.Fprintf(&b, "%s,%g,%g,%g,%g,%g\n", start.AddDays(7*i), sales(i), a, 3*a, 80+float64(i%7)*9, 2+0.1*float64(i%3))
	}
	return b.String()
}

func mediaSpec(channels ...ChannelColumn) Spec {
	return Spec{Date: "date", KPI: "sales", Channels: channels, Controls: []string{"price"}}
}

var (
	chA = ChannelColumn{Name: "a", Spend: "spend_a"}
	chB = ChannelColumn{Name: "b", Spend: "spend_b"}
	chC = ChannelColumn{Name: "c", Spend: "spend_c"}
)

func varied(i int) float64 { return 1000 + 37*float64(i%11) }

// A column with two roles makes the model unidentifiable: an input error
// naming the file and the column, before the file is even read.
func TestColumnsWithTwoRolesAreRejected(t *testing.T) {
	path := writeFile(t, "panel.csv", mediaCSV(100, varied))
	for _, tc := range []struct {
		name string
		spec Spec
		want string
	}{
		{"KPI as a control", Spec{Date: "date", KPI: "sales", Channels: []ChannelColumn{chA}, Controls: []string{"price", "sales"}},
			"panel.csv: column sales: is the KPI (model.kpi) and also a control (model.controls)"},
		{"spend as a control", Spec{Date: "date", KPI: "sales", Channels: []ChannelColumn{chA, chC}, Controls: []string{"spend_c"}},
			"panel.csv: column spend_c: is channel c and also a control (model.controls)"},
		{"one spend column, two channels", mediaSpec(chA, ChannelColumn{Name: "a2", Spend: "spend_a"}),
			"panel.csv: column spend_a: is the spend column of channel a and of channel a2: their effects cannot be separated"},
		{"KPI as spend", mediaSpec(chA, ChannelColumn{Name: "x", Spend: "sales"}),
			"panel.csv: column sales: is the KPI (model.kpi) and the spend of channel x"},
		{"a control twice", Spec{Date: "date", KPI: "sales", Channels: []ChannelColumn{chA}, Controls: []string{"price", "price"}},
			"panel.csv: column price: is listed twice in model.controls"},
	} {
		_, _, err := Load(path, tc.spec)
		require.Error(t, err, tc.name)
		var ce *tabular.CellError
		assert.ErrorAs(t, err, &ce, tc.name)
		assert.Contains(t, err.Error(), tc.want, tc.name)
	}
}

// Channels whose spend moves in lockstep cannot be separated: a warning
// naming them and saying that only their sum is supported.
func TestLockstepChannelsAreWarned(t *testing.T) {
	_, warn, err := Load(writeFile(t, "panel.csv", mediaCSV(100, varied)), mediaSpec(chA, chB, chC))
	require.NoError(t, err)
	require.Len(t, warn, 1, warn)
	assert.Contains(t, warn[0], "panel.csv: channels a and b cannot be separated: their spend moves in lockstep (b ≈ 3 × a")
	assert.Contains(t, warn[0], "the data support only their combined effect; read the sum of their contributions")

	_, warn, err = Load(writeFile(t, "panel.csv", mediaCSV(100, varied)), mediaSpec(chA, chC))
	require.NoError(t, err)
	assert.Empty(t, warn, "independent channels")
}

func TestConstantKPIIsWarned(t *testing.T) {
	_, warn, err := Load(writeFile(t, "panel.csv", mediaCSV(100, func(int) float64 { return 500 })), mediaSpec(chA, chC))
	require.NoError(t, err)
	require.Len(t, warn, 1, warn)
	assert.Equal(t, "panel.csv: column sales: the KPI is constant (500 in every period): there is nothing for the model to explain, so its fit will not converge and its estimates mean nothing", warn[0])
}

// One week 100× the others is an outlier warning naming the cell.
func TestOutlierWeekIsWarned(t *testing.T) {
	sales := func(i int) float64 {
		if i == 40 {
			return 1e9
		}
		return varied(i)
	}
	_, warn, err := Load(writeFile(t, "panel.csv", mediaCSV(100, sales)), mediaSpec(chA, chC))
	require.NoError(t, err)
	require.Len(t, warn, 1, warn)
	assert.Equal(t, "panel.csv: row 41, column sales: 1e+09 in the period of 2022-10-10 is 8.44e+05 times the median non-zero period (1185): an outlier (a typo, or another unit?) that will dominate the fit", warn[0])

	// 50× is a big week, not an outlier.
	_, warn, err = Load(writeFile(t, "panel.csv", mediaCSV(100, func(i int) float64 { return varied(i) * (1 + 49*float64(i/99)) })), mediaSpec(chA, chC))
	require.NoError(t, err)
	assert.Empty(t, warn)
}

// A flighted channel, off in most weeks, is compared with the weeks it is
// on.
func TestOutlierInAFlightedChannel(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,sales,spend_a,spend_c,price\n")
	start := civil.New(2022, 1, 3)
	for i := range 100 {
		a := 0.0
		switch {
		case i == 50:
			a = 5e7
		case i%10 < 3:
			a = 1000 + float64(i)
		}
		fmt.Fprintf(&b, "%s,%g,%g,%g,2\n", start.AddDays(7*i), varied(i), a, 80+float64(i%7)*9)
	}
	_, warn, err := Load(writeFile(t, "panel.csv", b.String()), Spec{Date: "date", KPI: "sales", Channels: []ChannelColumn{chA, chC}})
	require.NoError(t, err)
	require.Len(t, warn, 1, warn)
	assert.Contains(t, warn[0], "panel.csv: row 51, column spend_a: 5e+07 in the period of 2022-12-19 is")
}
