package tabular

import (
	"bytes"
	"fmt"
	"io"
)

// MaxLine bounds a line of a text file. No row of a panel, a lift-test
// file or an MTA export comes near it; a longer one is a broken or binary
// file, and reading it whole would take memory in proportion (a 200 MB
// cell once took 2 GB).
const MaxLine = 16 << 20

// lineLimit passes r through until a line grows beyond MaxLine bytes.
type lineLimit struct {
	r    io.Reader
	line int // bytes since the last newline
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for chunk := p[:n]; ; {
		i := bytes.IndexByte(chunk, '\n')
		if i < 0 {
			l.line += len(chunk)
			break
		}
		if l.line+i > MaxLine {
			l.line += i
			break
		}
		l.line, chunk = 0, chunk[i+1:]
	}
	if l.line > MaxLine {
		// Nothing of the chunk goes through, so that the line's end
		// never reaches the parser.
		return 0, fmt.Errorf("a line longer than %d MiB: no row of a panel, lift-test file or MTA export is that long", MaxLine>>20)
	}
	return n, err
}
