package mmm

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Period contributions must add up to the channel's total contribution.
func TestPeriodContributionsAddUp(t *testing.T) {
	w := simWorldGen(5, simOptions{n: 80, channels: 3, delayed: true, logistic: true, trend: true})
	m, err := NewModel(w.data, w.spec)
	require.NoError(t, err)
	p := fixedPosterior(t, m, randomDraws(m, 200, 2))
	nd := p.Draws()
	want := make([]float64, nd)
	for c := range m.Channels() {
		hist := p.m.data.Spend[c]
		per := p.PeriodContributions(c)
		require.Len(t, per, nd)
		p.ContributionDraws(want, c, hist)
		for d := range per {
			s := 0.0
			for _, v := range per[d] {
				s += v
			}
			assert.InDelta(t, want[d], s, 1e-9*(1+abs(want[d])))
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
