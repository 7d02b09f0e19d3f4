package manifest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"

	"github.com/triad-mmm/triad/internal/tabular"
)

// Describe reads the file at path once, streaming, and returns its size,
// SHA-256 and row count under key. A plain CSV is counted from the same
// pass; other formats count from their metadata (see tabular.RowCounter).
// ctx stops it between blocks.
func Describe(ctx context.Context, key, path string) (Input, error) {
	in := Input{Key: key, Path: path}
	rc, err := tabular.NewRowCounter(path)
	if err != nil {
		return in, err
	}
	f, err := os.Open(path)
	if err != nil {
		return in, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.CopyBuffer(io.MultiWriter(h, rc), ctxReader{ctx, f}, make([]byte, 1<<20))
	if err != nil {
		return in, fmt.Errorf("%s: %w", path, err)
	}
	in.Bytes, in.SHA256 = n, hex.EncodeToString(h.Sum(nil))
	if in.Rows, err = rc.Rows(); err != nil {
		return in, err
	}
	return in, nil
}

// DescribeAll describes each named input in order (keys with an empty
// path are skipped).
func DescribeAll(ctx context.Context, files []Input) ([]Input, error) {
	out := make([]Input, 0, len(files))
	for _, f := range files {
		if f.Path == "" {
			continue
		}
		d, err := Describe(ctx, f.Key, f.Path)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
