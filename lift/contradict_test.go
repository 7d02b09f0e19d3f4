package lift

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A test file that grows: the older test on tv is flagged once a newer
// one measures an iROAS far from it; a newer test that agrees, a test on
// another channel and the newer test itself are not.
func TestCheckContradictions(t *testing.T) {
	cal := weekly("2024-01-01", 52, 100)
	cal.channels = []string{"tv"}
	old := Test{ID: "old", Channel: "tv", Start: day("2024-01-08"), End: day("2024-02-04"), Spend: 400, Incremental: 800, SE: 100, ScopeShare: 1}
	agrees := old
	agrees.ID, agrees.Start, agrees.End, agrees.Incremental = "agrees", day("2024-05-06"), day("2024-06-02"), 900
	assert.NotContains(t, codes(Check([]Test{old, agrees}, cal, CheckOptions{})), Contradicted)

	newer := agrees
	newer.ID, newer.Start, newer.End, newer.Incremental = "newer", day("2024-09-02"), day("2024-09-29"), 200
	other := newer
	other.ID, other.Channel = "other", "radio"
	var got []Finding
	for _, f := range Check([]Test{old, agrees, newer, other}, cal, CheckOptions{}) {
		if f.Code == Contradicted {
			got = append(got, f)
		}
	}
	require.Len(t, got, 2)
	// iROAS 2 (SE 0.25) against 0.5 (SE 0.25): z = −1.5/0.354 = −4.2;
	// 2.25 against 0.5: z = −4.9.
	assert.Equal(t, "old", got[0].TestID)
	assert.Equal(t, Warning, got[0].Severity)
	assert.Contains(t, got[0].Message, "contradicted by the newer test newer (iROAS 0.5, SE 0.25, measured until 2024-09-29; z = -4.2) on tv")
	assert.Equal(t, "agrees", got[1].TestID)
	assert.Contains(t, got[1].Message, "z = -4.9")

	// A heavy-up measures a marginal return: not compared with holdouts.
	newer.Type = HeavyUp
	assert.NotContains(t, codes(Check([]Test{old, newer}, cal, CheckOptions{})), Contradicted)
}
