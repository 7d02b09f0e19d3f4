package batch

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShardsCoverEveryRunOnceAndBalance(t *testing.T) {
	for _, runs := range []int{0, 1, 5, 7, 100, 301} {
		rs := make([]Run, runs)
		for i := range rs {
			rs[i].Name = fmt.Sprint(i)
		}
		for n := 1; n <= 12; n++ {
			seen := map[string]int{}
			lo, hi := runs, 0
			for i := range n {
				sel := Shard{Index: i, Count: n}.Select(rs)
				lo, hi = min(lo, len(sel)), max(hi, len(sel))
				for _, r := range sel {
					seen[r.Name]++
				}
			}
			assert.Len(t, seen, runs, "%d runs, %d shards", runs, n)
			for name, c := range seen {
				assert.Equal(t, 1, c, "run %s in %d shards", name, c)
			}
			assert.LessOrEqual(t, hi-lo, 1, "%d runs over %d shards: sizes %d to %d", runs, n, lo, hi)
		}
	}
	assert.Len(t, Shard{}.Select(make([]Run, 4)), 4)
}

func TestParseShard(t *testing.T) {
	s, err := ParseShard("2/7")
	require.NoError(t, err)
	assert.Equal(t, Shard{Index: 2, Count: 7}, s)
	assert.Equal(t, "2/7", s.String())
	for _, bad := range []string{"7/7", "-1/3", "1/0", "a/3", "3", "1/b", ""} {
		_, err := ParseShard(bad)
		assert.Error(t, err, bad)
	}
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestShardFromEachEngine(t *testing.T) {
	for _, e := range EngineVars {
		s, err := ShardFromEnv(env(map[string]string{e.Index: "4", e.Count: "5"}))
		require.NoError(t, err, e.Engine)
		assert.Equal(t, Shard{Index: 4, Count: 5}, s, e.Engine)

		_, err = ShardFromEnv(env(map[string]string{e.Index: "4"}))
		require.Error(t, err)
		assert.Contains(t, err.Error(), e.Count)

		_, err = ShardFromEnv(env(map[string]string{e.Index: "5", e.Count: "5"}))
		require.Error(t, err)
		assert.Contains(t, err.Error(), e.Index+"=5")
	}
	_, err := ShardFromEnv(env(nil))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "JOB_COMPLETION_INDEX")
	_, err = ShardFromEnv(env(map[string]string{"BATCH_TASK_INDEX": "0", "BATCH_TASK_COUNT": "2", "CLOUD_RUN_TASK_INDEX": "1", "CLOUD_RUN_TASK_COUNT": "2"}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "several")
}
