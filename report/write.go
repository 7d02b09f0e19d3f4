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
	return writeRendered(dir, []rendered{
		{name: JSONFile, write: func(w io.Writer) error { return WriteJSON(w, r) }},
		{name: MarkdownFile, write: func(w io.Writer) error { return WriteMarkdown(w, r) }},
		{name: HTMLFile, write: func(w io.Writer) error { return WriteHTML(w, r) }},
	})
}

// rendered is one file of a page set and its renderer.
type rendered struct {
	name  string
	write func(io.Writer) error
	buf   bytes.Buffer
}

// writeRendered renders every file before writing any, then writes each
// atomically into dir.
func writeRendered(dir string, files []rendered) error {
	for i := range files {
		f := &files[i]
		if err := f.write(&f.buf); err != nil {
			return fmt.Errorf("report: rendering %s: %w", f.name, err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for i := range files {
		if err := atomicfile.WriteFile(filepath.Join(dir, files[i].name), files[i].buf.Bytes()); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	return nil
}
