package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/triad-mmm/triad/internal/atomicfile"
)

// Names of the files WriteAll writes.
const (
	JSONFile     = "report.json"
	MarkdownFile = "report.md"
	HTMLFile     = "report.html"
)

// WriteAll writes report.json, report.md and report.html into dir,
// creating dir if needed. All three are rendered before anything is
// written, and each file replaces its predecessor atomically (a temporary
// file in dir, synced, then renamed), so a reader never sees a half-written
// report and a failed run leaves the previous report intact.
func WriteAll(dir string, r *Report) error {
	if r == nil {
		return errors.New("report: nil report")
	}
	type file struct {
		name  string
		write func(io.Writer, *Report) error
		buf   bytes.Buffer
	}
	files := []*file{{name: JSONFile, write: WriteJSON}, {name: MarkdownFile, write: WriteMarkdown}, {name: HTMLFile, write: WriteHTML}}
	for _, f := range files {
		if err := f.write(&f.buf, r); err != nil {
			return fmt.Errorf("report: rendering %s: %w", f.name, err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for _, f := range files {
		if err := atomicfile.WriteFile(filepath.Join(dir, f.name), f.buf.Bytes()); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	return nil
}
