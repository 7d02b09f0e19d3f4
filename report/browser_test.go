//go:build browser

package report

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests load report.html in a real headless Chromium: run them with
// scripts/browser-test.sh (or go test -tags browser ./report/). Set
// TRIAD_SCREENSHOT_DIR to keep the screenshots for a look.

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH: run scripts/browser-test.sh, which installs it (apt-get install chromium)")
	return ""
}

// runChromium loads file in headless Chromium with the extra flags and
// returns stdout and stderr.
func runChromium(t *testing.T, file string, extra ...string) (string, string) {
	t.Helper()
	bin := chromium(t)
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}
	args = append(args, extra...)
	args = append(args, "file://"+file)
	// A generous limit only so a hung browser cannot hang the test run.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, err, "chromium failed: %s", stderr.String())
	return stdout.String(), stderr.String()
}

func writeSample(t *testing.T, r *Report) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, WriteAll(dir, r))
	return filepath.Join(dir, HTMLFile)
}

func TestBrowserRendersCharts(t *testing.T) {
	file := writeSample(t, SampleReport())
	dom, stderr := runChromium(t, file, "--dump-dom")
	assert.Empty(t, consoleProblems(stderr))
	assert.Contains(t, dom, "<h1>Sample brand: weekly revenue</h1>")
	assert.Equal(t, 7, strings.Count(dom, "<svg "), "all charts are in the rendered DOM")
	assert.GreaterOrEqual(t, strings.Count(dom, "<polyline"), 10)
	assert.Contains(t, dom, `class="summary"`)
	assert.GreaterOrEqual(t, strings.Count(dom, "<table"), 6)
}

func TestBrowserHostileNamesStayText(t *testing.T) {
	file := writeSample(t, hostileReport())
	dom, stderr := runChromium(t, file, "--dump-dom")
	assert.Empty(t, consoleProblems(stderr))
	assert.NotContains(t, dom, "<script", "no user string became an element")
	assert.NotContains(t, dom, "<img")
	assert.NotContains(t, dom, "<iframe")
	assert.Contains(t, dom, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.Equal(t, 7, strings.Count(dom, "<svg "))
}

func TestBrowserScreenshot(t *testing.T) {
	for name, r := range map[string]*Report{"revenue": SampleReport(), "count": countSample()} {
		file := writeSample(t, r)
		shot := filepath.Join(t.TempDir(), name+".png")
		_, stderr := runChromium(t, file, "--hide-scrollbars", "--screenshot="+shot, "--window-size=1280,2000")
		assert.Empty(t, consoleProblems(stderr))
		f, err := os.Open(shot)
		require.NoError(t, err, "chromium wrote no screenshot: %s", stderr)
		img, err := png.Decode(f)
		f.Close()
		require.NoError(t, err)
		b := img.Bounds()
		assert.Equal(t, 1280, b.Dx())
		assert.Equal(t, 2000, b.Dy())
		// A rendered page has text, charts and colour: many distinct
		// colours, not a blank or error page.
		colours := map[uint32]bool{}
		for y := b.Min.Y; y < b.Max.Y; y += 4 {
			for x := b.Min.X; x < b.Max.X; x += 4 {
				r, g, bl, _ := img.At(x, y).RGBA()
				colours[r>>8<<16|g>>8<<8|bl>>8] = true
			}
		}
		assert.Greater(t, len(colours), 200, "%s screenshot looks blank", name)
		if dir := os.Getenv("TRIAD_SCREENSHOT_DIR"); dir != "" {
			data, err := os.ReadFile(shot)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, "report-"+name+".png"), data, 0o644))
		}
	}
}
