package panel

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
)

func testPanel(start civil.Date, n, step int, rng *rand.Rand) *Panel {
	p := &Panel{Calendar: civil.Calendar{StepDays: step}, Channels: []string{"a"}, Spend: [][]float64{make([]float64, n)}}
	for t := 0; t < n; t++ {
		p.Dates = append(p.Dates, start.AddDays(t*step))
		p.Spend[0][t] = float64(rng.IntN(1000))
	}
	return p
}

func TestIndex(t *testing.T) {
	p := testPanel(civil.New(2024, 1, 3), 10, 7, rand.New(rand.NewPCG(1, 1))) // Wednesdays
	cases := []struct {
		day    civil.Date
		t      int
		inside bool
	}{
		{civil.New(2024, 1, 2), 0, false},
		{civil.New(2024, 1, 3), 0, true},
		{civil.New(2024, 1, 9), 0, true},
		{civil.New(2024, 1, 10), 1, true},
		{p.End(), 9, true},
		{p.End().AddDays(1), 0, false},
	}
	for _, c := range cases {
		got, ok := p.Index(c.day)
		assert.Equal(t, c.inside, ok, "%s", c.day)
		if c.inside {
			assert.Equal(t, c.t, got, "%s", c.day)
		}
	}
	assert.Equal(t, civil.New(2024, 3, 12), p.End())
}

// TestSpendBetween checks pro-rata spend against an independent oracle:
// spread each period's spend evenly over its days, then add up the days in
// the range one by one.
func TestSpendBetween(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, step := range []int{1, 7, 14} {
		start := civil.New(2023, 5, 4)
		p := testPanel(start, 12, step, rng)
		daily := map[civil.Date]float64{}
		for t, d := range p.Dates {
			for k := 0; k < step; k++ {
				daily[d.AddDays(k)] = p.Spend[0][t] / float64(step)
			}
		}
		for trial := 0; trial < 300; trial++ {
			from := start.AddDays(rng.IntN(12*step+20) - 10)
			to := from.AddDays(rng.IntN(5*step+3) - 2)
			want := 0.0
			for d := from; d <= to; d++ {
				want += daily[d]
			}
			require.InDelta(t, want, p.SpendBetween(0, from, to), 1e-9, "step %d, %s..%s", step, from, to)
		}
	}
}

func TestSpendBetweenWholeWeeks(t *testing.T) {
	p := testPanel(civil.New(2024, 1, 1), 4, 7, rand.New(rand.NewPCG(2, 2)))
	p.Spend[0] = []float64{70, 140, 0, 7}
	assert.Equal(t, 217.0, p.SpendBetween(0, p.Start(), p.End()))
	assert.Equal(t, 140.0, p.SpendBetween(0, civil.New(2024, 1, 8), civil.New(2024, 1, 14)))
	// Thursday to the next Tuesday: 4 days of week 1, 2 days of week 2.
	assert.InDelta(t, 4.0/7*70+2.0/7*140, p.SpendBetween(0, civil.New(2024, 1, 4), civil.New(2024, 1, 9)), 1e-12)
	assert.Equal(t, 0.0, p.SpendBetween(0, civil.New(2024, 1, 9), civil.New(2024, 1, 4)), "empty range")
}
