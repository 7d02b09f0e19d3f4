package calibrate

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/panel"
	"github.com/triad-mmm/triad/stat"
)

// The panel package computes pro-rata spend independently: both must
// agree on random windows, weekly and daily, and the day shares of a
// window must add up to its length in periods.
func TestCalendarMatchesPanel(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, step := range []int{7, 1} {
		cal := weekly()
		if step == 1 {
			cal.StepDays = 1
			for i := range cal.Dates {
				cal.Dates[i] = cal.Dates[0].AddDays(i)
			}
		}
		require.NoError(t, cal.validate())
		p := &panel.Panel{Dates: cal.Dates, StepDays: cal.StepDays, Channels: cal.Channels, Spend: cal.Spend}
		span := int(cal.End() - cal.Dates[0])
		for range 200 {
			from := cal.Dates[0].AddDays(rng.IntN(span + 1))
			to := from.AddDays(rng.IntN(int(cal.End()-from) + 1))
			for c := range cal.Channels {
				assert.InDelta(t, p.SpendBetween(c, from, to), cal.SpendBetween(c, from, to), 1e-9)
			}
			s, f, err := cal.window(from, to)
			require.NoError(t, err)
			i, _ := p.Index(from)
			assert.Equal(t, i, s)
			assert.InDelta(t, float64(to-from+1)/float64(step), stat.Sum(f), 1e-12)
		}
		// Clipped to the panel.
		assert.InDelta(t, p.SpendBetween(1, civil.Date(0), cal.End()+30), cal.SpendBetween(1, civil.Date(0), cal.End()+30), 1e-9)
	}
}

func TestCalendarValidate(t *testing.T) {
	cal := weekly()
	cal.Dates[3]++
	assert.ErrorContains(t, cal.validate(), "not regular at period 3")
	cal = weekly()
	cal.Spend[1] = cal.Spend[1][:4]
	assert.ErrorContains(t, cal.validate(), `channel "search" has 4 spend periods`)
	assert.ErrorContains(t, Calendar{}.validate(), "empty calendar")
}
