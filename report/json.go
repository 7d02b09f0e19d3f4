package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// WriteJSON writes r as indented JSON: the stable report.json interface
// (design.md §6). Non-finite numbers are written as null.
func WriteJSON(w io.Writer, r *Report) error {
	b, err := marshalReport(r)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func marshalReport(r *Report) ([]byte, error) {
	if r == nil {
		return nil, errors.New("report: nil report")
	}
	v := *r
	if v.SchemaVersion == "" {
		v.SchemaVersion = SchemaVersion
	}
	compact, err := encodeJSON(make([]byte, 0, 64<<10), &v)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(compact) * 2)
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// writeIndentedJSON writes v as indented JSON ending in a newline, with
// encodeJSON's null for unknown numbers and [] for nil lists.
func writeIndentedJSON(w io.Writer, v any) error {
	compact, err := encodeJSON(nil, v)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}
