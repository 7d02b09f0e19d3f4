package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triad-mmm/triad/civil"
	"github.com/triad-mmm/triad/internal/tabular"
)

// asMain makes the test binary act as triad, so that tests can signal and
// kill a real process.
const asMain = "GO_WANT_TRIAD_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// process is triad running in a child process.
type process struct {
	cmd   *exec.Cmd
	start time.Time
	mu    sync.Mutex
	lines []string
	seen  map[string]chan struct{} // closed when a stderr line holds the key
	done  chan struct{}            // closed when stderr is drained
}

// startTriad starts triad with args; each of the watch strings can be
// waited for in its stderr.
func startTriad(t *testing.T, watch []string, args ...string) *process {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), asMain+"=1")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	p := &process{cmd: cmd, seen: map[string]chan struct{}{}, done: make(chan struct{})}
	for _, w := range watch {
		p.seen[w] = make(chan struct{})
	}
	require.NoError(t, cmd.Start())
	p.start = time.Now()
	go p.read(stderr)
	return p
}

func (p *process) read(r io.Reader) {
	defer close(p.done)
	s := bufio.NewScanner(r)
	s.Buffer(nil, 1<<20)
	for s.Scan() {
		p.mu.Lock()
		p.lines = append(p.lines, s.Text())
		for w, ch := range p.seen {
			if ch != nil && strings.Contains(s.Text(), w) {
				close(ch)
				p.seen[w] = nil
			}
		}
		p.mu.Unlock()
	}
	io.Copy(io.Discard, r)
}

// await waits until a stderr line holds w; false if the process ended first.
func (p *process) await(t *testing.T, w string) bool {
	t.Helper()
	return p.awaitBy(w, time.Now().Add(time.Hour))
}

// awaitBy waits until a stderr line holds w or until deadline; it reports
// whether the line came first.
func (p *process) awaitBy(w string, deadline time.Time) bool {
	p.mu.Lock()
	ch := p.seen[w]
	p.mu.Unlock()
	if ch == nil {
		return true
	}
	select {
	case <-ch:
		return true
	case <-p.done:
	case <-time.After(time.Until(deadline)):
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.seen[w] == nil
}

// saw reports whether a stderr line so far holds w.
func (p *process) saw(w string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.seen[w] == nil
}

// wait waits for the process and returns its exit code and stderr.
func (p *process) wait() (int, string) {
	<-p.done
	err := p.cmd.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	code := 0
	if err != nil {
		code = -1
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
	}
	return code, strings.Join(p.lines, "\n")
}

// hashes returns the SHA-256 of every file in dir and the names of its
// subdirectories (with a trailing slash).
func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()+"/"] = ""
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		h := sha256.Sum256(b)
		out[e.Name()] = hex.EncodeToString(h[:])
	}
	return out
}

// bigMTA writes dir/mta.parquet: the demo world's MTA export with each row
// split into campaigns until the file has about rows rows. Totals per day
// and channel are the demo's, so the model sees the same data.
func bigMTA(t testing.TB, dir string, rows int) string {
	t.Helper()
	src, err := tabular.Read(filepath.Join(dir, "mta.csv"), []tabular.Column{
		{Name: "date", Kind: tabular.Date}, {Name: "channel", Kind: tabular.String},
		{Name: "campaign", Kind: tabular.String}, {Name: "attributed_revenue", Kind: tabular.Float},
		{Name: "spend", Kind: tabular.Float},
	})
	require.NoError(t, err)
	k := max(1, (rows+src.Len()-1)/src.Len())
	path := filepath.Join(dir, "mta.parquet")
	var w *tabular.Writer
	const perBatch = 64
	for lo := 0; lo < src.Len(); lo += perBatch {
		n := min(perBatch, src.Len()-lo) * k
		dates, chans, camps := make([]civil.Date, 0, n), make([]string, 0, n), make([]string, 0, n)
		vals, spend := make([]float64, 0, n), make([]float64, 0, n)
		for i := lo; i < min(lo+perBatch, src.Len()); i++ {
			for j := range k {
				dates = append(dates, src.Dates("date")[i])
				chans = append(chans, src.Strings("channel")[i])
				camps = append(camps, fmt.Sprintf("%s_%04d", src.Strings("campaign")[i], j))
				vals = append(vals, src.Floats("attributed_revenue")[i]/float64(k))
				spend = append(spend, src.Floats("spend")[i]/float64(k))
			}
		}
		b := tabular.NewTable("mta.parquet", len(dates))
		b.SetDates("date", dates, nil)
		b.SetStrings("channel", chans, nil)
		b.SetStrings("campaign", camps, nil)
		b.SetFloats("attributed_revenue", vals, nil)
		b.SetFloats("spend", spend, nil)
		if w == nil {
			w, err = tabular.Create(path, b)
			require.NoError(t, err)
		}
		require.NoError(t, w.Write(b))
	}
	require.NoError(t, w.Close())
	return path
}

// bigWorld copies the demo world into a fresh directory with an MTA export
// of about rows rows and returns its config.
func bigWorld(t *testing.T, rows int) string {
	t.Helper()
	cfg := demoCopy(t)
	bigMTA(t, filepath.Dir(cfg), rows)
	editLine(t, cfg, lineOf(t, cfg, "mta: mta.csv"), "mta.csv", "mta.parquet")
	return cfg
}
