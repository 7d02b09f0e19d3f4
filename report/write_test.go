package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "nested")
	r := SampleReport()
	require.NoError(t, WriteAll(dir, r))
	for name, write := range map[string]func(*bytes.Buffer) error{
		JSONFile:     func(b *bytes.Buffer) error { return WriteJSON(b, r) },
		MarkdownFile: func(b *bytes.Buffer) error { return WriteMarkdown(b, r) },
		HTMLFile:     func(b *bytes.Buffer) error { return WriteHTML(b, r) },
	} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		var want bytes.Buffer
		require.NoError(t, write(&want))
		assert.Equal(t, want.Bytes(), got, name)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 3, "no temporary files are left behind")

	// A second run replaces the files.
	r.Summary = "second run"
	require.NoError(t, WriteAll(dir, r))
	md, err := os.ReadFile(filepath.Join(dir, MarkdownFile))
	require.NoError(t, err)
	assert.Contains(t, string(md), "second run")
	entries, err = os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 3)
}

func TestWriteAllFailsCleanly(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o644))
	assert.Error(t, WriteAll(file, SampleReport()), "the output dir is a file")

	// A rendering error writes nothing: the previous report stays intact.
	dir := t.TempDir()
	require.NoError(t, WriteAll(dir, SampleReport()))
	before, err := os.ReadFile(filepath.Join(dir, JSONFile))
	require.NoError(t, err)
	assert.Error(t, WriteAll(dir, nil))
	after, err := os.ReadFile(filepath.Join(dir, JSONFile))
	require.NoError(t, err)
	assert.Equal(t, before, after)
}

func BenchmarkWriteAll(b *testing.B) {
	r := SampleReport()
	dir := b.TempDir()
	for b.Loop() {
		if err := WriteAll(dir, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteHTML(b *testing.B) {
	r := SampleReport()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteHTML(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSON(b *testing.B) {
	r := SampleReport()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteJSON(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
}
