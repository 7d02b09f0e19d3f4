package eval

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/internal/simulate"
)

var (
	world1     *simulate.World
	world1Once sync.Once
	world1Err  error
)

// testWorld returns the default world of seed 1, generated once.
func testWorld(t testing.TB) *simulate.World {
	t.Helper()
	world1Once.Do(func() { world1, world1Err = simulate.Generate(simulate.Options{Seed: 1}) })
	require.NoError(t, world1Err)
	return world1
}
