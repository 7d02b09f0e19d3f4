package tabular

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// arrowFile is an open Arrow IPC file, in the file format (random access,
// "ARROW1" magic) or the stream format.
type arrowFile struct {
	source string
	f      *os.File
	file   *ipc.FileReader // file format
	stream *ipc.Reader     // stream format
	i      int             // next record of file
}

func (a *arrowFile) Close() error {
	if a.file != nil {
		a.file.Close()
	}
	if a.stream != nil {
		a.stream.Release()
	}
	return a.f.Close()
}

func (a *arrowFile) schema() *arrow.Schema {
	if a.file != nil {
		return a.file.Schema()
	}
	return a.stream.Schema()
}

// next returns the next record batch, owned by the caller, or io.EOF.
func (a *arrowFile) next() (arrow.Record, error) {
	if a.file != nil {
		if a.i >= a.file.NumRecords() {
			return nil, io.EOF
		}
		a.i++
		return a.file.RecordAt(a.i - 1)
	}
	if !a.stream.Next() {
		if err := a.stream.Err(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	rec := a.stream.Record()
	rec.Retain()
	return rec, nil
}

const arrowMagic = "ARROW1"

func openArrow(path string, mem memory.Allocator) (*arrowFile, error) {
	source := sourceName(path)
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	a, err := checkArrow(source, f, mem)
	if err != nil {
		f.Close()
		return nil, err
	}
	return a, nil
}

func checkArrow(source string, f *os.File, mem memory.Allocator) (*arrowFile, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	notArrow := func(why string) error {
		return &CellError{File: source, Msg: "not a valid Arrow IPC file: " + why}
	}
	var head [8]byte
	if size < int64(len(head)) {
		return nil, notArrow(fmt.Sprintf("only %d bytes long", size))
	}
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return nil, err
	}
	lim := limitAlloc{Allocator: mem, max: allocLimit(size)}
	a := &arrowFile{source: source, f: f}
	switch {
	case string(head[:6]) == arrowMagic:
		// magic, padding, (schema, batches,) footer, footer length, magic
		const frame = 8 + 4 + len(arrowMagic)
		if size < int64(frame) {
			return nil, notArrow("truncated")
		}
		var tail [10]byte
		if _, err := f.ReadAt(tail[:], size-10); err != nil {
			return nil, err
		}
		if string(tail[4:]) != arrowMagic {
			return nil, notArrow("no ARROW1 magic at the end (truncated?)")
		}
		footer := int64(int32(binary.LittleEndian.Uint32(tail[:4])))
		if footer <= 0 || footer > size-int64(frame) {
			return nil, notArrow(fmt.Sprintf("footer length %d does not fit a file of %d bytes", footer, size))
		}
		if err := checkIPCFile(f, size, footer); err != nil {
			return nil, notArrow(err.Error())
		}
		err = guard(source, func() error {
			var err error
			a.file, err = ipc.NewFileReader(f, ipc.WithAllocator(lim))
			return err
		})
	case string(head[:4]) == "FEA1":
		return nil, &CellError{File: source, Msg: "Feather version 1 files are not supported; save it as Feather v2 (Arrow IPC)"}
	case binary.LittleEndian.Uint32(head[:4]) == 0xFFFFFFFF || legacyStream(head[:4], size):
		if err := checkIPCStream(f, size); err != nil {
			return nil, notArrow(err.Error())
		}
		err = guard(source, func() error {
			var err error
			a.stream, err = ipc.NewReader(f, ipc.WithAllocator(lim))
			return err
		})
	default:
		return nil, notArrow("no ARROW1 magic and no IPC stream header" + alsoIs(f))
	}
	if err != nil {
		return nil, readError(source, err)
	}
	return a, nil
}

func arrowHeader(path string, mem memory.Allocator) ([]string, error) {
	a, err := openArrow(path, mem)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	return fieldNames(a.schema()), nil
}

func fieldNames(s *arrow.Schema) []string {
	out := make([]string, s.NumFields())
	for i, f := range s.Fields() {
		out[i] = f.Name
	}
	return out
}

func scanArrow(path string, cols []Column, batchRows int, mem memory.Allocator, fn func(*Table) error) error {
	a, err := openArrow(path, mem)
	if err != nil {
		return err
	}
	defer a.Close()
	sc := a.schema()
	present, idx, err := resolve(a.source, fieldNames(sc), cols)
	if err != nil {
		return err
	}
	for j, c := range present {
		if err := checkType(a.source, c, sc.Field(idx[j]).Type); err != nil {
			return err
		}
	}
	return scanRecords(a.source, present, batchRows, a.next, fn)
}

// checkIPCFile checks the footer of an IPC file and the metadata of every
// message it points to; see fbverify.go for why.
func checkIPCFile(f *os.File, size, footer int64) error {
	fb := make([]byte, footer)
	dataEnd := size - 10 - footer
	if _, err := f.ReadAt(fb, dataEnd); err != nil {
		return err
	}
	blocks, err := checkFooter(fb)
	if err != nil {
		return fmt.Errorf("footer: %w", err)
	}
	for k, blk := range blocks {
		if blk.offset < 8 || blk.metaLen < 8 || blk.bodyLen < 0 ||
			blk.offset > dataEnd || blk.metaLen > dataEnd-blk.offset || blk.bodyLen > dataEnd-blk.offset-blk.metaLen {
			return fmt.Errorf("block %d lies outside the file", k)
		}
		meta := make([]byte, blk.metaLen)
		if _, err := f.ReadAt(meta, blk.offset); err != nil {
			return err
		}
		fbLen, skip := int64(int32(binary.LittleEndian.Uint32(meta))), int64(4)
		if fbLen == -1 { // continuation marker, then the length
			fbLen, skip = int64(int32(binary.LittleEndian.Uint32(meta[4:]))), 8
		}
		if fbLen <= 0 || fbLen > blk.metaLen-skip {
			return fmt.Errorf("block %d: metadata length %d", k, fbLen)
		}
		body, err := checkMessage(meta[skip : skip+fbLen])
		if err != nil {
			return fmt.Errorf("block %d: %w", k, err)
		}
		if body > blk.bodyLen {
			return fmt.Errorf("block %d: body of %d bytes in a block of %d", k, body, blk.bodyLen)
		}
	}
	return nil
}

// checkIPCStream walks the messages of an IPC stream, checking each one's
// metadata and that its body fits in the file, without reading bodies.
func checkIPCStream(f io.ReaderAt, size int64) error {
	var pos int64
	var word [4]byte
	for pos < size {
		if _, err := f.ReadAt(word[:], pos); err != nil {
			return fmt.Errorf("message at byte %d: truncated", pos)
		}
		n := int64(int32(binary.LittleEndian.Uint32(word[:])))
		pos += 4
		if n == -1 {
			if _, err := f.ReadAt(word[:], pos); err != nil {
				return fmt.Errorf("message at byte %d: truncated", pos)
			}
			n = int64(int32(binary.LittleEndian.Uint32(word[:])))
			pos += 4
		}
		if n == 0 {
			return nil // end-of-stream marker
		}
		if n < 0 || n > size-pos {
			return fmt.Errorf("message at byte %d: metadata length %d does not fit the file", pos, n)
		}
		meta := make([]byte, n)
		if _, err := f.ReadAt(meta, pos); err != nil {
			return err
		}
		body, err := checkMessage(meta)
		if err != nil {
			return fmt.Errorf("message at byte %d: %w", pos, err)
		}
		pos += n
		if body > size-pos {
			return fmt.Errorf("message at byte %d: body of %d bytes does not fit the file", pos, body)
		}
		pos += body
	}
	return nil
}

// legacyStream reports whether a stream starts like one written before
// Arrow 0.15, with a message length and no continuation marker.
func legacyStream(head []byte, size int64) bool {
	n := int64(int32(binary.LittleEndian.Uint32(head)))
	return n > 0 && n <= size-4 && n%8 == 4
}
