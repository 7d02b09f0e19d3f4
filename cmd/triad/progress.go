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

// progressUI draws one bar per sampler chain on stderr, for every fit of
// the run (the MMM alone and the calibrated MMM sample concurrently, so all
// bars share one screen region). It redraws at most every 100 ms so the
// sampler's hot loop is not slowed by terminal writes.
type progressUI struct {
	mu     sync.Mutex
	w      io.Writer
	groups []*chainBars
	lines  int // lines drawn last time, to move the cursor back over them
	last   time.Time
}

// chainBars are the bars of one fit; it implements sampler.Progress.
type chainBars struct {
	ui    *progressUI
	label string
	done  []int
	total []int
}

// newProgressUI returns a UI for a terminal stderr, or nil (no progress
// output) when stderr is not a terminal or quiet is set.
func newProgressUI(quiet bool) *progressUI {
	if quiet || !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil
	}
	return &progressUI{w: os.Stderr}
}

// bars returns the bars of the fit called label.
func (u *progressUI) bars(label string) *chainBars {
	u.mu.Lock()
	defer u.mu.Unlock()
	b := &chainBars{ui: u, label: label}
	u.groups = append(u.groups, b)
	return b
}

func (b *chainBars) Update(chain, done, total int) {
	u := b.ui
	u.mu.Lock()
	defer u.mu.Unlock()
	for len(b.done) <= chain {
		b.done = append(b.done, 0)
		b.total = append(b.total, 0)
	}
	b.done[chain], b.total[chain] = done, total
	if done < total && time.Since(u.last) < 100*time.Millisecond {
		return
	}
	u.last = time.Now()
	u.draw()
}

func (u *progressUI) draw() {
	var s strings.Builder
	if u.lines > 0 {
		fmt.Fprintf(&s, "\x1b[%dA", u.lines)
	}
	const width = 30
	n := 0
	for _, b := range u.groups {
		for i := range b.done {
			frac := 0.0
			if b.total[i] > 0 {
				frac = float64(b.done[i]) / float64(b.total[i])
			}
			k := int(frac * width)
			fmt.Fprintf(&s, "\r\x1b[K%-10s chain %d [%s%s] %3.0f%%\n", b.label, i+1, strings.Repeat("=", k), strings.Repeat(" ", width-k), 100*frac)
			n++
		}
	}
	u.lines = n
	io.WriteString(u.w, s.String())
}
