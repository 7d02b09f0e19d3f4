package tabular

import (
	"strings"

	"github.com/triad-mmm/triad/civil"
)

// colBuf accumulates one requested column while a file is read. Validity is
// tracked lazily: the mask is only materialised once a null is seen, so
// all-valid columns (the common case) carry a nil mask.
type colBuf struct {
	name  string
	kind  Kind
	f     []float64
	s     []string
	d     []civil.Date
	b     []bool
	valid []bool // nil while every cell so far was valid
	n     int
	hint  int // capacity of a fresh batch
	// seen interns string values. Arrow's String.Value aliases the
	// record's buffers and a CSV field aliases its whole line, so each
	// kept string is copied; repeated values (channels, campaigns) then
	// share one copy.
	seen map[string]string
}

// keep returns a private copy of s, shared with equal earlier values.
func (b *colBuf) keep(s string) string {
	if v, ok := b.seen[s]; ok {
		return v
	}
	if b.seen == nil || len(b.seen) >= 1<<14 {
		// Bounded: a column of unique IDs must not grow the map forever.
		b.seen = make(map[string]string, 256)
	}
	c := strings.Clone(s)
	b.seen[c] = c
	return c
}

func newColBuf(c Column, capacity int) *colBuf {
	b := &colBuf{name: c.Name, kind: c.Kind, hint: capacity}
	switch c.Kind {
	case Float:
		b.f = make([]float64, 0, capacity)
	case String:
		b.s = make([]string, 0, capacity)
	case Date:
		b.d = make([]civil.Date, 0, capacity)
	case Bool:
		b.b = make([]bool, 0, capacity)
	}
	return b
}

// markValid records that the value just appended is valid.
func (b *colBuf) markValid() {
	if b.valid != nil {
		b.valid = append(b.valid, true)
	}
	b.n++
}

func (b *colBuf) appendNull() {
	switch b.kind {
	case Float:
		b.f = append(b.f, 0)
	case String:
		b.s = append(b.s, "")
	case Date:
		b.d = append(b.d, 0)
	case Bool:
		b.b = append(b.b, false)
	}
	if b.valid == nil {
		b.valid = make([]bool, b.n, max(2*b.n, 64))
		for i := range b.valid {
			b.valid[i] = true
		}
	}
	b.valid = append(b.valid, false)
	b.n++
}

// moveTo hands the accumulated column to t and starts b afresh, so a
// streamed scan never shares backing arrays between batches.
func (b *colBuf) moveTo(t *Table) {
	switch b.kind {
	case Float:
		t.SetFloats(b.name, b.f, b.valid)
		b.f = make([]float64, 0, b.hint)
	case String:
		t.SetStrings(b.name, b.s, b.valid)
		b.s = make([]string, 0, b.hint)
	case Date:
		t.SetDates(b.name, b.d, b.valid)
		b.d = make([]civil.Date, 0, b.hint)
	case Bool:
		t.SetBools(b.name, b.b, b.valid)
		b.b = make([]bool, 0, b.hint)
	}
	b.valid = nil
	b.n = 0
}

// batcher collects rows into colBufs and emits a Table each time batchRows
// rows have been gathered.
type batcher struct {
	source    string
	batchRows int
	cols      []*colBuf
	rows      int // rows in the current batch
	first     int // file row index of the current batch's first row
	emitted   bool
	fn        func(*Table) error
}

func newBatcher(source string, cols []Column, batchRows int, fn func(*Table) error) *batcher {
	capacity := batchRows
	if capacity > 1<<16 {
		capacity = 1 << 16 // grow by append beyond this; Read asks for "everything"
	}
	bt := &batcher{source: source, batchRows: batchRows, fn: fn}
	for _, c := range cols {
		bt.cols = append(bt.cols, newColBuf(c, capacity))
	}
	return bt
}

// room returns how many more rows the current batch takes.
func (bt *batcher) room() int { return bt.batchRows - bt.rows }

// added records that n rows were appended to every column.
func (bt *batcher) added(n int) error {
	bt.rows += n
	if bt.rows >= bt.batchRows {
		return bt.flush()
	}
	return nil
}

// flush emits the current batch. An empty batch is emitted only if nothing
// was emitted before, so that an empty file still yields its columns.
func (bt *batcher) flush() error {
	if bt.rows == 0 && bt.emitted {
		return nil
	}
	t := NewTable(bt.source, bt.rows)
	t.FirstRow = bt.first
	for _, c := range bt.cols {
		c.moveTo(t)
	}
	bt.first += bt.rows
	bt.rows = 0
	bt.emitted = true
	return bt.fn(t)
}

// rowAt returns the file row index (0-based) of row i of the current batch.
func (bt *batcher) rowAt(i int) int { return bt.first + bt.rows + i }
