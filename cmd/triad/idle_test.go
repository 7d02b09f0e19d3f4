package main

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIdleShare(t *testing.T) {
	at := func() cpuTime {
		c, err := readCPUTime()
		require.NoError(t, err)
		return c
	}
	// Sleeping leaves the processors idle.
	a := at()
	time.Sleep(time.Second)
	b := at()
	sleeping, err := idleSince(a, b)
	require.NoError(t, err)
	assert.Greater(t, sleeping, 0.5)
	assert.LessOrEqual(t, sleeping, 1.0)
	// Spinning on every processor does not.
	var wg sync.WaitGroup
	stop := time.Now().Add(time.Second)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for x := 0; time.Now().Before(stop); x++ {
				_ = x * x
			}
		}()
	}
	wg.Wait()
	spinning, err := idleSince(b, at())
	require.NoError(t, err)
	assert.Less(t, spinning, 0.5)
	assert.GreaterOrEqual(t, spinning, 0.0)
	_, err = idleSince(b, b)
	assert.Error(t, err)
}
