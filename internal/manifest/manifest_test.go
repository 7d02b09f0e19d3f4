package manifest

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Describe's streaming hash and row count agree with hashing the whole
// file at once and counting its lines.
func TestDescribeAgreesWithWholeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mta.csv")
	writeMTA(t, path, 12345)
	in, err := Describe(context.Background(), "data.mta", path)
	require.NoError(t, err)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	sum := sha256.Sum256(b)
	assert.Equal(t, hex.EncodeToString(sum[:]), in.SHA256)
	assert.EqualValues(t, len(b), in.Bytes)
	assert.EqualValues(t, 12345, in.Rows)
	assert.Equal(t, Input{Key: "data.mta", Path: path, Bytes: in.Bytes, Rows: 12345, SHA256: in.SHA256}, in)
}

func TestDescribeStopsWhenCancelled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mta.csv")
	writeMTA(t, path, 10)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Describe(ctx, "data.mta", path)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestDescribeAllSkipsUnsetKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "panel.csv")
	writeMTA(t, path, 3)
	got, err := DescribeAll(context.Background(), []Input{{Key: "data.panel", Path: path}, {Key: "data.mta"}})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "data.panel", got[0].Key)
	_, err = DescribeAll(context.Background(), []Input{{Key: "data.panel", Path: path + ".missing.csv"}})
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func TestReadWhatEncodeWrote(t *testing.T) {
	dir := t.TempDir()
	_, err := Read(dir)
	assert.ErrorIs(t, err, fs.ErrNotExist)

	m := &Manifest{SchemaVersion: SchemaVersion, Version: "v1", Command: "run", Seed: 3,
		Config:  map[string]any{"sampler": map[string]any{"seed": 3.0}},
		Inputs:  []Input{{Key: "data.panel", Path: "/p.csv", Bytes: 10, Rows: 2, SHA256: "ab"}},
		Choices: Choices{CalibrationMode: "counterfactual", Channels: []ChannelChoice{{Name: "tv", Adstock: "geometric", Saturation: "hill", MaxLag: 8, ROIPrior: LogNormal{0.2, 0.9}}}},
		Seconds: 1.5, Timings: []Timing{{"fit", 1}}, Outputs: []string{"report.json"}}
	b, err := Encode(m)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, File), b, 0o644))
	got, err := Read(dir)
	require.NoError(t, err)
	assert.Equal(t, m, got)

	require.NoError(t, os.WriteFile(filepath.Join(dir, File), []byte(`{"schema_version": "9"}`), 0o644))
	_, err = Read(dir)
	assert.ErrorContains(t, err, `schema_version "9"`)
	assert.False(t, errors.Is(err, fs.ErrNotExist))
}

// writeMTA writes an MTA export of n rows.
func writeMTA(t testing.TB, path string, n int) {
	f, err := os.Create(path)
	require.NoError(t, err)
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "date,channel,campaign,attributed_revenue,spend")
	channels := []string{"Paid Search", "Facebook Ads", "Programmatic", "Affiliates"}
	for i := range n {
		fmt.Fprintf(w, "2024-%02d-%02d,%s,campaign_%03d,%d.%02d,%d.%02d\n", 1+i%12, 1+i%28, channels[i%4], i%997, i%5000, i%100, i%3000, i%97)
	}
	require.NoError(t, w.Flush())
	require.NoError(t, f.Close())
}
