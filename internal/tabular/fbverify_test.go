package tabular

import (
	"encoding/binary"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckFooter(t *testing.T) {
	data, err := os.ReadFile(fixtureFiles(t)["arrow file"])
	require.NoError(t, err)
	size := int64(len(data))
	footer := int64(binary.LittleEndian.Uint32(data[size-10:]))
	fb := data[size-10-footer : size-10]

	blocks, err := checkFooter(fb)
	require.NoError(t, err)
	require.Len(t, blocks, 2, "the fixture has two record batches")
	for _, b := range blocks {
		assert.Equal(t, int64(0), b.offset%8)
		assert.LessOrEqual(t, b.offset+b.metaLen+b.bodyLen, size)
	}

	// Every truncation of the footer is caught by the checker itself.
	for n := 0; n < len(fb); n++ {
		if _, err := checkFooter(fb[:n]); err != nil {
			assert.True(t, errors.Is(err, errFlatbuf), "cut at %d: %v", n, err)
		}
	}
	// A vector claiming 2^31 elements.
	bad := append([]byte(nil), fb...)
	ft, err := newFBCheck(bad).root()
	require.NoError(t, err)
	p, err := ft.indirect(1) // schema
	require.NoError(t, err)
	s, err := newFBCheck(bad).table(p)
	require.NoError(t, err)
	vec, err := s.indirect(1) // fields
	require.NoError(t, err)
	binary.LittleEndian.PutUint32(bad[vec:], 1<<31)
	_, err = checkFooter(bad)
	assert.ErrorIs(t, err, errFlatbuf)
}
