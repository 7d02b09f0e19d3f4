package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triad-mmm/triad/mmm"
)

// A posterior is the prior's only when it is as wide as the prior and
// centred where the prior is, for a channel with material spend: seed 8's
// search on simulated worlds (SD ratio 0.955, half a prior SD off centre)
// is the data speaking, not the prior.
func TestDominated(t *testing.T) {
	cases := []struct {
		k    mmm.PriorContraction
		want bool
	}{
		{mmm.PriorContraction{SDRatio: 0.99, Z: 0.05, SpendShare: 0.2}, true},
		{mmm.PriorContraction{SDRatio: 0.96, Z: -0.2, SpendShare: 0.06}, true},
		{mmm.PriorContraction{SDRatio: 0.955, Z: 0.49, SpendShare: 0.17}, false},
		{mmm.PriorContraction{SDRatio: 0.99, Z: -0.3, SpendShare: 0.2}, false},
		{mmm.PriorContraction{SDRatio: 0.9, Z: 0, SpendShare: 0.2}, false},
		{mmm.PriorContraction{SDRatio: 0.99, Z: 0, SpendShare: 0.04}, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, dominated(c.k), "%+v", c.k)
	}
}
