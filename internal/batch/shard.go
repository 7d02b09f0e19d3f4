package batch

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard is part Index (0-based) of Count parts of a manifest. The zero
// Shard is the whole manifest.
//
// Run i of the manifest (in manifest order) belongs to shard i mod Count:
// the assignment depends only on the manifest, every run belongs to
// exactly one shard, and shards differ in size by at most one run.
type Shard struct {
	Index, Count int
}

// Whole reports whether s is the whole manifest.
func (s Shard) Whole() bool { return s.Count <= 1 }

func (s Shard) String() string {
	if s.Whole() {
		return "0/1"
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Holds reports whether run i of the manifest belongs to s.
func (s Shard) Holds(i int) bool { return s.Whole() || i%s.Count == s.Index }

// Select returns the runs of s, in manifest order.
func (s Shard) Select(runs []Run) []Run {
	var out []Run
	for i, r := range runs {
		if s.Holds(i) {
			out = append(out, r)
		}
	}
	return out
}

// ParseShard parses "i/N": shard i (0-based, as the engines number their
// tasks) of N.
func ParseShard(v string) (Shard, error) {
	a, b, ok := strings.Cut(v, "/")
	if !ok {
		return Shard{}, fmt.Errorf("shard %q: want i/N (0-based index i of N shards) or auto", v)
	}
	return makeShard(v, a, b)
}

func makeShard(what, index, count string) (Shard, error) {
	i, err1 := strconv.Atoi(strings.TrimSpace(index))
	n, err2 := strconv.Atoi(strings.TrimSpace(count))
	switch {
	case err1 != nil || err2 != nil:
		return Shard{}, fmt.Errorf("shard %s: index and count must be integers", what)
	case n < 1:
		return Shard{}, fmt.Errorf("shard %s: the count must be at least 1", what)
	case i < 0 || i >= n:
		return Shard{}, fmt.Errorf("shard %s: the index must be from 0 to %d", what, n-1)
	}
	return Shard{Index: i, Count: n}, nil
}

// EngineVars are the environment variables of a task's index and of the
// number of tasks, per distributed engine.
var EngineVars = []struct{ Engine, Index, Count string }{
	// Indexed Jobs set the index; the count is the Job's completions,
	// which the Job's pod template passes (deploy/kubernetes/job.yaml).
	{"Kubernetes Indexed Job", "JOB_COMPLETION_INDEX", "JOB_COMPLETION_COUNT"},
	// Array jobs set the index; the job definition passes the size.
	{"AWS Batch array job", "AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE"},
	{"Google Cloud Batch", "BATCH_TASK_INDEX", "BATCH_TASK_COUNT"},
	{"Cloud Run job", "CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT"},
}

// ShardFromEnv returns the shard that the engine running this process
// assigned, from its variables (EngineVars) as getenv returns them. It is
// an error when no engine's index is set, when two engines' are, or when
// the count that goes with an index is missing.
func ShardFromEnv(getenv func(string) string) (Shard, error) {
	var found []Shard
	var names []string
	for _, e := range EngineVars {
		idx := getenv(e.Index)
		if idx == "" {
			continue
		}
		cnt := getenv(e.Count)
		if cnt == "" {
			return Shard{}, fmt.Errorf("shard auto: %s is set (%s) but %s, the number of tasks, is not", e.Index, e.Engine, e.Count)
		}
		s, err := makeShard(fmt.Sprintf("auto (%s=%s, %s=%s)", e.Index, idx, e.Count, cnt), idx, cnt)
		if err != nil {
			return Shard{}, err
		}
		found = append(found, s)
		names = append(names, e.Index)
	}
	switch len(found) {
	case 0:
		var vars []string
		for _, e := range EngineVars {
			vars = append(vars, e.Index)
		}
		return Shard{}, fmt.Errorf("shard auto: none of %s is set (use --shard i/N outside an engine)", strings.Join(vars, ", "))
	case 1:
		return found[0], nil
	}
	return Shard{}, fmt.Errorf("shard auto: several engines' indexes are set (%s): use --shard i/N", strings.Join(names, ", "))
}
