package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
		if err := writeFileAtomic(filepath.Join(dir, f.name), f.buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic writes data to a temporary file next to path and renames
// it over path.
func writeFileAtomic(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
