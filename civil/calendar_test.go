package civil

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func regular(start Date, n, step int) Calendar {
	c := Calendar{StepDays: step}
	for t := range n {
		c.Dates = append(c.Dates, start.AddDays(t*step))
	}
	return c
}

// TestWindowBetween checks the day shares and the pro-rata total against
// an independent oracle: spread each period's value evenly over its days,
// then add up the days in the range one by one.
func TestWindowBetween(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, step := range []int{1, 7, 14} {
		start := New(2023, 5, 4)
		c := regular(start, 12, step)
		x := make([]float64, 12)
		daily := map[Date]float64{}
		for i, d := range c.Dates {
			x[i] = float64(rng.IntN(1000))
			for k := range step {
				daily[d.AddDays(k)] = x[i] / float64(step)
			}
		}
		for range 300 {
			from := start.AddDays(rng.IntN(12*step+20) - 10)
			to := from.AddDays(rng.IntN(5*step+3) - 2)
			want := 0.0
			for d := from; d <= to; d++ {
				want += daily[d]
			}
			require.InDelta(t, want, c.Between(x, from, to), 1e-9, "step %d, %s..%s", step, from, to)

			s, f, err := c.Window(from, to)
			if from < c.Start() || to > c.End() || to < from {
				assert.Error(t, err)
				continue
			}
			require.NoError(t, err)
			i, _ := c.Index(from)
			assert.Equal(t, i, s)
			days := 0.0
			for _, v := range f {
				days += v * float64(step)
			}
			assert.InDelta(t, float64(to-from+1), days, 1e-9)
		}
	}
}

func TestCalendarIndex(t *testing.T) {
	c := regular(New(2024, 1, 3), 10, 7) // Wednesdays
	assert.Equal(t, New(2024, 1, 3), c.Start())
	assert.Equal(t, New(2024, 3, 12), c.End())
	for _, k := range []struct {
		day    Date
		t      int
		inside bool
	}{
		{New(2024, 1, 2), 0, false}, {New(2024, 1, 3), 0, true}, {New(2024, 1, 9), 0, true},
		{New(2024, 1, 10), 1, true}, {c.End(), 9, true}, {c.End().AddDays(1), 0, false},
	} {
		got, ok := c.Index(k.day)
		assert.Equal(t, k.inside, ok, "%s", k.day)
		assert.Equal(t, k.t, got, "%s", k.day)
	}
	var empty Calendar
	_, ok := empty.Index(New(2024, 1, 3))
	assert.False(t, ok)
	assert.Zero(t, empty.Between(nil, 0, 100))
	assert.Zero(t, empty.End())
}

func TestCalendarValidate(t *testing.T) {
	c := regular(New(2024, 1, 1), 6, 7)
	require.NoError(t, c.Validate())
	c.Dates[3]++
	assert.ErrorContains(t, c.Validate(), "not regular at period 3")
	assert.ErrorContains(t, Calendar{}.Validate(), "empty calendar")
	assert.ErrorContains(t, Calendar{Dates: []Date{1}}.Validate(), "step 0 days")
}
