package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A Laplace fit has no chains and no warmup: the log says what it does.
func TestLaplaceLogNamesNoChains(t *testing.T) {
	cfg := demoConfig(t, "laplace", 4, 1000, 200)
	var msgs []string
	_, err := Run(context.Background(), cfg, notices(&msgs))
	require.NoError(t, err)
	log := strings.Join(msgs, "\n")
	assert.Contains(t, log, "fitting the MMM (laplace: mode and Gaussian approximation, 200 draws)")
	assert.NotContains(t, log, "chains")
	assert.NotContains(t, log, "1000")
}
