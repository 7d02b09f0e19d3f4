package lift

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A huge cell is quoted in part, whichever check trips on it: a message
// stays a line, not megabytes.
func TestHugeCellsAreQuotedInPart(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	head := "test_id,channel,start_date,end_date,spend,incremental_kpi,se,test_type,ci_sided\n"
	for _, row := range []string{
		"a,tv,2024-01-01,2024-01-28,1000,3000,500," + huge + ",",
		huge + ",tv,2024-01-01,2024-01-28,1000,3000,500,,\n" + huge + ",tv,2024-01-01,2024-01-28,1000,3000,500,,",
	} {
		_, _, err := readCSV(t, Canonical, ParseOptions{}, head+row+"\n")
		require.Error(t, err)
		assert.Less(t, len(err.Error()), 400, err.Error()[:min(len(err.Error()), 300)])
		assert.Contains(t, err.Error(), "… (1048576 bytes)")
	}
	tests, _, err := readCSV(t, Canonical, ParseOptions{}, head+"a,"+huge+",2024-01-01,2024-01-28,1000,3000,500,,\n")
	require.NoError(t, err)
	f := Check(tests, weekly("2024-01-01", 10, 100), CheckOptions{Source: "lift.csv"})
	require.NotEmpty(t, f)
	assert.Less(t, len(f[0].String()), 400)
}
