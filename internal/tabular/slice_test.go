package tabular

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSlice(t *testing.T) {
	tb := sampleTable()
	tb.FirstRow = 10
	s := tb.Slice(1, 3)
	require.Equal(t, 2, s.Len())
	assert.Equal(t, tb.Names(), s.Names())
	assert.Equal(t, 11, s.FirstRow)
	assert.Equal(t, []float64{0.1 + 0.2, 0}, s.Floats("value"))
	assert.False(t, s.Valid("value", 1))
	assert.Equal(t, "sample: row 13, column value: x", s.Errorf(1, "value", "x").Error())
	assert.Panics(t, func() { tb.Slice(3, 5) })
}
