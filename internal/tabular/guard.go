package tabular

import (
	"fmt"

	"github.com/apache/arrow/go/v17/arrow/memory"
)

// Arrow Go v17 trusts the offsets and lengths stored in a file: a corrupt
// Parquet or IPC file makes it index out of range, or ask for gigabytes.
// Every call into Arrow's readers goes through guard, on the caller's
// goroutine (reads run with parallelism off), so such panics become errors,
// and through a limitAlloc, so an absurd size fails before the runtime
// attempts it (an out-of-memory crash cannot be recovered).

// corrupt reports a file the Arrow reader choked on.
func corrupt(source string, cause any) *CellError {
	return &CellError{File: source, Msg: fmt.Sprintf("corrupt or truncated file (%v)", cause)}
}

// guard runs f, turning a panic inside it into an error naming source.
func guard(source string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = corrupt(source, r)
		}
	}()
	return f()
}

// limitAlloc refuses single allocations above max bytes.
type limitAlloc struct {
	memory.Allocator
	max int
}

// allocLimit bounds one allocation while reading a file of size bytes.
// Legitimate allocations are a decoded page or a batch of one column; both
// stay far below this bound for any real file, while a corrupt length field
// easily exceeds it.
func allocLimit(size int64) int {
	const floor = 256 << 20
	lim := int64(floor) + 16*size
	if lim > 4<<30 {
		lim = 4 << 30
	}
	return int(lim)
}

func (a limitAlloc) Allocate(size int) []byte {
	a.check(size)
	return a.Allocator.Allocate(size)
}

func (a limitAlloc) Reallocate(size int, b []byte) []byte {
	a.check(size)
	return a.Allocator.Reallocate(size, b)
}

func (a limitAlloc) check(size int) {
	if size < 0 || size > a.max {
		panic(fmt.Sprintf("refusing to allocate %d bytes", size))
	}
}

// maxRows bounds the rows a file of size bytes may claim. Run-length
// encoding (Parquet) and null-typed columns (IPC) let a few bytes claim
// billions of rows, which a corrupt file does and no real file does: even
// a column of one repeated value costs more than a byte per thousand rows
// once the file holds anything else.
func maxRows(size int64) int64 { return 1<<20 + 1024*size }
