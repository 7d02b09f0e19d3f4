package tabular

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Arrow Go v17 reads IPC metadata (flatbuffers) without bounds checks and
// sizes allocations from vector lengths stored in the file, so one flipped
// byte can ask the runtime for terabytes, a crash no recover catches. This
// file checks the few flatbuffer tables Arrow reads (Footer, Message,
// Schema, Field, RecordBatch, after Arrow's File.fbs, Schema.fbs and
// Message.fbs) before Arrow sees them: every table, vector and string must
// lie inside the buffer.

var errFlatbuf = errors.New("malformed metadata")

// fbCheck walks one flatbuffer. budget bounds the tables visited, so a
// buffer whose offsets form a cycle or a wide shared tree still ends fast.
type fbCheck struct {
	b      []byte
	budget int
	body   int64 // length of the message body, set once read
}

type fbTable struct {
	c          *fbCheck
	pos        int // table start
	vt, vtSize int // vtable start and length in bytes
	tblSize    int
}

func newFBCheck(b []byte) *fbCheck { return &fbCheck{b: b, budget: 100_000} }

func (c *fbCheck) u32(pos int) (int, error) {
	if pos < 0 || pos+4 > len(c.b) {
		return 0, errFlatbuf
	}
	return int(binary.LittleEndian.Uint32(c.b[pos:])), nil
}

func (c *fbCheck) u16(pos int) (int, error) {
	if pos < 0 || pos+2 > len(c.b) {
		return 0, errFlatbuf
	}
	return int(binary.LittleEndian.Uint16(c.b[pos:])), nil
}

// table checks the table at pos and its vtable.
func (c *fbCheck) table(pos int) (fbTable, error) {
	c.budget--
	if c.budget < 0 {
		return fbTable{}, fmt.Errorf("%w: too many tables", errFlatbuf)
	}
	if pos < 0 || pos+4 > len(c.b) {
		return fbTable{}, errFlatbuf
	}
	soff := int(int32(binary.LittleEndian.Uint32(c.b[pos:])))
	vt := pos - soff
	vtSize, err := c.u16(vt)
	if err != nil {
		return fbTable{}, err
	}
	tblSize, err := c.u16(vt + 2)
	if err != nil {
		return fbTable{}, err
	}
	if vtSize < 4 || vtSize%2 != 0 || vt+vtSize > len(c.b) || pos+tblSize > len(c.b) {
		return fbTable{}, errFlatbuf
	}
	return fbTable{c: c, pos: pos, vt: vt, vtSize: vtSize, tblSize: tblSize}, nil
}

// root checks the root table of a flatbuffer.
func (c *fbCheck) root() (fbTable, error) {
	off, err := c.u32(0)
	if err != nil {
		return fbTable{}, err
	}
	return c.table(off)
}

// field returns the absolute position of field i (size bytes wide), or -1
// if the field is absent.
func (t fbTable) field(i, size int) (int, error) {
	slot := 4 + 2*i
	if slot+2 > t.vtSize {
		return -1, nil
	}
	off, err := t.c.u16(t.vt + slot)
	if err != nil || off == 0 {
		return -1, err
	}
	if off+size > t.tblSize {
		return -1, errFlatbuf
	}
	return t.pos + off, nil
}

// indirect follows the offset stored in field i.
func (t fbTable) indirect(i int) (int, error) {
	p, err := t.field(i, 4)
	if p < 0 || err != nil {
		return -1, err
	}
	off, err := t.c.u32(p)
	if err != nil {
		return -1, err
	}
	return p + off, nil
}

// sub returns the table in field i; ok is false if the field is absent.
func (t fbTable) sub(i int) (fbTable, bool, error) {
	p, err := t.indirect(i)
	if p < 0 || err != nil {
		return fbTable{}, false, err
	}
	s, err := t.c.table(p)
	return s, err == nil, err
}

// vector checks the vector in field i, of elements elem bytes wide, and
// returns the position of its first element and its length.
func (t fbTable) vector(i, elem int) (int, int, error) {
	p, err := t.indirect(i)
	if p < 0 || err != nil {
		return 0, 0, err
	}
	n, err := t.c.u32(p)
	if err != nil {
		return 0, 0, err
	}
	if n > (len(t.c.b)-p-4)/elem {
		return 0, 0, fmt.Errorf("%w: vector of %d elements", errFlatbuf, n)
	}
	return p + 4, n, nil
}

// tables checks a vector of tables in field i with check.
func (t fbTable) tables(i int, check func(fbTable) error) error {
	start, n, err := t.vector(i, 4)
	if err != nil {
		return err
	}
	for k := 0; k < n; k++ {
		p := start + 4*k
		off, err := t.c.u32(p)
		if err != nil {
			return err
		}
		s, err := t.c.table(p + off)
		if err != nil {
			return err
		}
		if err := check(s); err != nil {
			return err
		}
	}
	return nil
}

func (t fbTable) int64At(i int) (int64, error) {
	p, err := t.field(i, 8)
	if p < 0 || err != nil {
		return 0, err
	}
	return int64(binary.LittleEndian.Uint64(t.c.b[p:])), nil
}

func (t fbTable) byteAt(i int) (byte, error) {
	p, err := t.field(i, 1)
	if p < 0 || err != nil {
		return 0, err
	}
	return t.c.b[p], nil
}

func checkKeyValue(kv fbTable) error {
	if _, _, err := kv.vector(0, 1); err != nil {
		return err
	}
	_, _, err := kv.vector(1, 1)
	return err
}

func checkSchema(s fbTable) error {
	if err := s.tables(1, func(f fbTable) error { return checkField(f, 0) }); err != nil {
		return err
	}
	if err := s.tables(2, checkKeyValue); err != nil {
		return err
	}
	_, _, err := s.vector(3, 8)
	return err
}

// Arrow's Type union members with more than scalars in them.
const (
	fbTypeTimestamp = 10
	fbTypeUnion     = 14
)

func checkField(f fbTable, depth int) error {
	if depth > 64 {
		return fmt.Errorf("%w: fields nested too deep", errFlatbuf)
	}
	if _, _, err := f.vector(0, 1); err != nil { // name
		return err
	}
	typ, err := f.byteAt(2)
	if err != nil {
		return err
	}
	if tt, ok, err := f.sub(3); err != nil {
		return err
	} else if ok {
		switch typ {
		case fbTypeTimestamp:
			_, _, err = tt.vector(1, 1) // timezone
		case fbTypeUnion:
			_, _, err = tt.vector(1, 4) // typeIds
		}
		if err != nil {
			return err
		}
	}
	if d, ok, err := f.sub(4); err != nil {
		return err
	} else if ok {
		if _, _, err := d.sub(1); err != nil { // index type
			return err
		}
	}
	if err := f.tables(5, func(c fbTable) error { return checkField(c, depth+1) }); err != nil {
		return err
	}
	return f.tables(6, checkKeyValue)
}

func checkRecordBatch(r fbTable) error {
	n, err := r.int64At(0)
	if err != nil {
		return err
	}
	if n < 0 || n > maxRows(int64(len(r.c.b))+r.c.body) {
		return fmt.Errorf("%w: %d rows claimed", errFlatbuf, n)
	}
	if _, _, err := r.vector(1, 16); err != nil { // nodes
		return err
	}
	if _, _, err := r.vector(2, 16); err != nil { // buffers
		return err
	}
	if _, _, err := r.sub(3); err != nil { // compression
		return err
	}
	_, _, err = r.vector(4, 8)
	return err
}

// fbBlock is a Footer's pointer to one message in an IPC file.
type fbBlock struct {
	offset  int64
	metaLen int64
	bodyLen int64
}

// checkFooter checks an IPC file footer and returns its message blocks
// (dictionaries and record batches).
func checkFooter(b []byte) ([]fbBlock, error) {
	c := newFBCheck(b)
	ft, err := c.root()
	if err != nil {
		return nil, err
	}
	s, ok, err := ft.sub(1)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%w: no schema", errFlatbuf)
	}
	if err := checkSchema(s); err != nil {
		return nil, err
	}
	var blocks []fbBlock
	for _, i := range []int{2, 3} {
		start, n, err := ft.vector(i, 24)
		if err != nil {
			return nil, err
		}
		for k := 0; k < n; k++ {
			p := start + 24*k
			blocks = append(blocks, fbBlock{
				offset:  int64(binary.LittleEndian.Uint64(b[p:])),
				metaLen: int64(int32(binary.LittleEndian.Uint32(b[p+8:]))),
				bodyLen: int64(binary.LittleEndian.Uint64(b[p+16:])),
			})
		}
	}
	return blocks, ft.tables(4, checkKeyValue)
}

// Arrow's MessageHeader union.
const (
	fbMsgSchema          = 1
	fbMsgDictionaryBatch = 2
	fbMsgRecordBatch     = 3
)

// checkMessage checks an IPC message's metadata and returns the length of
// the body that follows it.
func checkMessage(b []byte) (int64, error) {
	c := newFBCheck(b)
	m, err := c.root()
	if err != nil {
		return 0, err
	}
	typ, err := m.byteAt(1)
	if err != nil {
		return 0, err
	}
	if c.body, err = m.int64At(3); err != nil {
		return 0, err
	}
	if c.body < 0 {
		return 0, fmt.Errorf("%w: negative body length", errFlatbuf)
	}
	h, ok, err := m.sub(2)
	if err != nil {
		return 0, err
	}
	if ok {
		switch typ {
		case fbMsgSchema:
			err = checkSchema(h)
		case fbMsgRecordBatch:
			err = checkRecordBatch(h)
		case fbMsgDictionaryBatch:
			var r fbTable
			if r, ok, err = h.sub(1); err == nil && ok {
				err = checkRecordBatch(r)
			}
		default:
			err = fmt.Errorf("%w: unsupported message type %d", errFlatbuf, typ)
		}
		if err != nil {
			return 0, err
		}
	}
	if err := m.tables(4, checkKeyValue); err != nil {
		return 0, err
	}
	return c.body, nil
}
