package report

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCompareNamesNaturalOrder(t *testing.T) {
	want := []string{"", "brand", "brand1", "brand2", "brand9", "brand10", "brand10-de", "brand10-fr", "brand11", "brand100",
		"brand0100x", "brand100x", "brand101", "brandb", "m2-a3", "m2-a20", "m10-a1", "x"}
	got := slices.Clone(want)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
	slices.SortFunc(got, CompareNames)
	assert.Equal(t, want, got)
}

func TestCompareNamesIsATotalOrder(t *testing.T) {
	names := []string{"a1", "a01", "a001", "a1b", "a01b", "1", "01", "a", "b", "a10", "a9", "9", "10", "a0", "a00"}
	for _, x := range names {
		assert.Zero(t, CompareNames(x, x), x)
		for _, y := range names {
			c := CompareNames(x, y)
			assert.Equal(t, -c, CompareNames(y, x), "%s %s", x, y)
			if x != y {
				assert.NotZero(t, c, "%s %s", x, y)
			}
			for _, z := range names {
				if c < 0 && CompareNames(y, z) < 0 {
					assert.Negative(t, CompareNames(x, z), "%s < %s < %s", x, y, z)
				}
			}
		}
	}
}
