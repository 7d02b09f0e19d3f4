package report

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAmount(t *testing.T) {
	for x, want := range map[float64]string{
		0: "0", 0.01234: "0.0123", 1: "1.00", 999.994: "999.99", 1000: "1,000", 1234567.5: "1,234,568",
		-98765: "-98,765", 100000: "100,000",
	} {
		assert.Equal(t, want, Amount(x), "%g", x)
	}
}

func testBudget() *Budget {
	ch := []BudgetChannel{
		{Name: "tv", Current: 1000, Recommended: 1200, Min: 700, Max: 1300, MROICurrent: Interval{1.5, 1, 2}, MROIRecommended: Interval{1.2, 0.8, 1.6}},
		{Name: "search", Current: 500, Recommended: 300, Min: 300, Max: 650, Locked: false, MROICurrent: Interval{0.5, 0.2, 0.9}, MROIRecommended: Unknown},
	}
	return &Budget{Total: 1500, Objective: "mean", Channels: ch, ExpectedGain: Interval{120, math.NaN(), 200},
		CurrentKPI: Interval{2000, 1800, 2200}, RecommendedKPI: Interval{2120, 1900, 2350}}
}

// budget.json holds the object report.json holds as its budget, unknown
// numbers as null, with the target-ROI plan inside it.
func TestMarshalBudget(t *testing.T) {
	b := testBudget()
	b.TargetROI = &TargetROI{Target: 1.5, Total: 1800, Channels: b.Channels, ExpectedGain: Interval{50, 10, 90}}
	js, err := MarshalBudget(b)
	require.NoError(t, err)
	var got struct {
		Budget map[string]any `json:"budget"`
	}
	require.NoError(t, json.Unmarshal(js, &got))
	assert.Equal(t, map[string]any{"mean": 120.0, "lo": nil, "hi": 200.0}, got.Budget["expected_gain"])
	tr := got.Budget["target_roi"].(map[string]any)
	assert.Equal(t, 1800.0, tr["total"])
	assert.Len(t, tr["channels"], 2)

	r := &Report{Budget: b}
	rj, err := marshalReport(r)
	require.NoError(t, err)
	var whole struct {
		Budget json.RawMessage `json:"budget"`
	}
	require.NoError(t, json.Unmarshal(rj, &whole))
	var inReport, inFile any
	require.NoError(t, json.Unmarshal(whole.Budget, &inReport))
	var file struct {
		Budget json.RawMessage `json:"budget"`
	}
	require.NoError(t, json.Unmarshal(js, &file))
	require.NoError(t, json.Unmarshal(file.Budget, &inFile))
	assert.Equal(t, inReport, inFile, "one schema for report.json's budget and budget.json")

	_, err = MarshalBudget(nil)
	assert.Error(t, err)
}

func TestBudgetTable(t *testing.T) {
	b := testBudget()
	s := BudgetTable(b, 0.9)
	assert.Contains(t, s, "+20.0%")
	assert.Contains(t, s, "total 1,500 (mean); expected gain 120.00 (90% interval NaN to 200.00)")
	assert.NotContains(t, s, "Largest budget")
	b.TargetROI = &TargetROI{Target: 1.5, Total: 1800, Channels: b.Channels, ExpectedGain: Interval{50, 10, 90}}
	s = BudgetTable(b, 0.9)
	assert.Contains(t, s, "Largest budget whose marginal ROI stays at or above 1.5: 1,800\n")
	assert.Contains(t, s, "total 1,800 (target_roi); expected gain 50.00")
	assert.Equal(t, "Reallocating the same budget within the bounds is expected to add 120.00 KPI (90% interval NaN to 200.00).",
		BudgetSentence(b, 0.9, true))
}
