package mta

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An unmapped channel with a huge name is named in part in the warning.
func TestHugeChannelNameIsQuotedInPart(t *testing.T) {
	huge := strings.Repeat("y", 1<<20)
	cal := grid{start: day("2024-01-01"), step: 7, n: 4}
	path := writeFile(t, "mta.csv", "date,channel,conversions_value\n2024-01-02,Paid Search,5\n2024-01-02,"+huge+",3\n")
	_, warns, err := AggregateFile(path, testSpec, mustMapping(t, "search", "social"), cal)
	require.NoError(t, err)
	require.Len(t, warns, 1)
	assert.Less(t, len(warns[0]), 400)
	assert.Contains(t, warns[0], `"… (1048576 bytes) (1 rows, attributed 3)`)
}
