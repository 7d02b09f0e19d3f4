package civil

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseForms(t *testing.T) {
	want := New(2024, time.February, 29)
	for _, s := range []string{"2024-02-29", "2024-02-29T00:00:00Z", "2024-02-29 13:45:00", "2024/02/29"} {
		d, err := Parse(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, d, s)
	}
	_, err := Parse("29.02.2024")
	assert.Error(t, err)
	_, err = Parse("2023-02-29")
	assert.Error(t, err)
}

func TestArithmeticAndText(t *testing.T) {
	d := New(1970, time.January, 1)
	assert.Equal(t, Date(0), d)
	assert.Equal(t, "1970-01-08", d.AddDays(7).String())
	assert.Equal(t, time.Thursday, d.Weekday())
	b, err := json.Marshal(struct{ D Date }{New(2025, 12, 31)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"D":"2025-12-31"}`, string(b))
	var v struct{ D Date }
	require.NoError(t, json.Unmarshal(b, &v))
	assert.Equal(t, New(2025, 12, 31), v.D)
}
