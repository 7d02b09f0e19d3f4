package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// chainBars draws one progress bar per sampler chain on stderr. It
// implements sampler.Progress. It redraws at most every 100 ms so that the
// sampler's hot loop is not slowed by terminal writes.
type chainBars struct {
	mu    sync.Mutex
	w     io.Writer
	label string
	done  []int
	total []int
	drawn bool
	last  time.Time
}

// newChainBars returns bars for a terminal stderr, or nil (no progress
// output) when stderr is not a terminal or quiet is set.
func newChainBars(label string, quiet bool) *chainBars {
	if quiet || !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil
	}
	return &chainBars{w: os.Stderr, label: label}
}

func (b *chainBars) Update(chain, done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.done) <= chain {
		b.done = append(b.done, 0)
		b.total = append(b.total, 0)
	}
	b.done[chain], b.total[chain] = done, total
	if done < total && time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	b.draw()
}

func (b *chainBars) draw() {
	var s strings.Builder
	if b.drawn {
		fmt.Fprintf(&s, "\x1b[%dA", len(b.done))
	}
	const width = 30
	for i := range b.done {
		frac := 0.0
		if b.total[i] > 0 {
			frac = float64(b.done[i]) / float64(b.total[i])
		}
		n := int(frac * width)
		fmt.Fprintf(&s, "\r\x1b[K%s chain %d [%s%s] %3.0f%%\n", b.label, i+1, strings.Repeat("=", n), strings.Repeat(" ", width-n), 100*frac)
	}
	b.drawn = true
	io.WriteString(b.w, s.String())
}
