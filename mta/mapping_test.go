package mta

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMapping(t *testing.T) {
	chans := []string{"search", "social", "tv"}
	m, err := NewMapping([]MapEntry{
		{MTA: "Paid Search", Channel: "search"},
		{MTA: "Facebook Ads", Channel: "social"},
		{MTA: "Instagram", Channel: "social"},
		{MTA: "TV", Channel: "social"}, // explicit beats the implicit "tv" case-insensitively
	}, chans)
	require.NoError(t, err)
	cases := map[string]int{
		"Paid Search": 0, "paid search": 0, " PAID SEARCH ": 0,
		"Facebook Ads": 1, "instagram": 1,
		"search": 0, "Search": 0, "tv": 2, "TV": 1, "Tv": 1,
	}
	for name, want := range cases {
		got, ok := m.Lookup(name)
		require.True(t, ok, name)
		assert.Equal(t, want, got, name)
	}
	for _, name := range []string{"Email", "", "Paid"} {
		_, ok := m.Lookup(name)
		assert.False(t, ok, name)
	}
	assert.Equal(t, chans, m.Channels())
}

func TestMappingAmbiguousCase(t *testing.T) {
	m, err := NewMapping([]MapEntry{{MTA: "Display", Channel: "display"}, {MTA: "DISPLAY", Channel: "video"}}, []string{"display", "video"})
	require.NoError(t, err)
	c, ok := m.Lookup("Display")
	require.True(t, ok)
	assert.Equal(t, 0, c)
	c, ok = m.Lookup("DISPLAY")
	require.True(t, ok)
	assert.Equal(t, 1, c)
	_, ok = m.Lookup("display ") // neither exact: case-insensitive match would have to guess
	assert.False(t, ok)
}

func TestMappingErrors(t *testing.T) {
	_, err := NewMapping([]MapEntry{{MTA: "Paid Search", Channel: "sem"}}, []string{"search"})
	assert.EqualError(t, err, `mta: channel_map[0] maps "Paid Search" to "sem", which is not a model channel (have: search)`)
	_, err = NewMapping([]MapEntry{{MTA: "X", Channel: "a"}, {MTA: "X", Channel: "b"}}, []string{"a", "b"})
	assert.EqualError(t, err, `mta: channel_map maps "X" to both "a" and "b"`)
	_, err = NewMapping([]MapEntry{{MTA: "", Channel: "a"}}, []string{"a"})
	assert.EqualError(t, err, "mta: channel_map[0] needs both an MTA name and a channel")
	_, err = NewMapping(nil, []string{"a", "a"})
	assert.EqualError(t, err, `mta: MMM channel "a" listed twice`)
	// A repeated identical entry is harmless.
	_, err = NewMapping([]MapEntry{{MTA: "X", Channel: "a"}, {MTA: "X", Channel: "a"}}, []string{"a"})
	assert.NoError(t, err)
}
