package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// triad runs the command line in-process and returns stdout, the error
// and the exit code main would use.
func triad(t *testing.T, args ...string) (string, error, int) {
	t.Helper()
	stdout, _, err, code := execute(t, args...)
	return stdout, err, code
}

// execute runs the command line in-process and returns stdout, stderr (the
// log), the error and the exit code main would use.
func execute(t *testing.T, args ...string) (string, string, error, int) {
	t.Helper()
	var out, log bytes.Buffer
	cmd := newRootCommand()
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&log)
	err := cmd.Execute()
	return out.String(), log.String(), err, exitCode(context.Background(), io.Discard, err)
}

// demoCopy writes the demo world into a fresh directory and returns the
// path of its config.
func demoCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "world", "csv")
	entries, err := os.ReadDir(src)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644))
	}
	return filepath.Join(dir, "config.yaml")
}

// editFile applies a text substitution on line `line` (1-based) of path.
func editLine(t *testing.T, path string, line int, from, to string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(string(b), "\n")
	require.Contains(t, lines[line-1], from)
	lines[line-1] = strings.Replace(lines[line-1], from, to, 1)
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644))
}

func TestVersion(t *testing.T) {
	out, err, code := triad(t, "version")
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	assert.Regexp(t, `^triad \S+ \w+/\w+ go`, out)
}

func TestValidateDemoPrintsSummaryAndWritesNothing(t *testing.T) {
	cfg := demoCopy(t)
	before, _ := os.ReadDir(filepath.Dir(cfg))
	out, err, code := triad(t, "validate", "--config", cfg)
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	for _, want := range []string{"156 weekly periods", "2022-01-03", "tv", "display", "5 lift tests", "unmapped Affiliates", "12012 rows"} {
		assert.Contains(t, out, want)
	}
	after, _ := os.ReadDir(filepath.Dir(cfg))
	assert.Equal(t, len(before), len(after), "validate must write nothing")
}

// Bad input: a clear error naming file, row and column, exit code 2 and
// no output directory.
func TestBadInputNamesFileRowColumnAndWritesNothing(t *testing.T) {
	cases := []struct {
		name, file string
		line       int
		from, to   string
		want       string
	}{
		{"negative spend", "panel.csv", 2, ",139944,", ",-5,", `panel.csv: row 1, column spend_tv: negative spend -5`},
		{"missing KPI", "panel.csv", 4, "1.79716475e+06", "", `panel.csv: row 3, column revenue`},
		{"bad date", "panel.csv", 6, "2022-01-31", "2022-13-31", `panel.csv: row 5, column date`},
		{"duplicate date", "panel.csv", 6, "2022-01-31", "2022-01-24", `panel.csv: row 5, column date: duplicate date 2022-01-24`},
		{"unknown test channel", "lift_tests.csv", 2, ",tv,", ",radio,", `lift_tests.csv: row 1, column channel: lift test LT01: channel "radio" is not a model channel`},
		{"test after the panel", "lift_tests.csv", 2, "2024-06-30", "2029-06-30", `lift_tests.csv: row 1, column end_date: lift test LT01: window 2024-05-27..2029-06-30 is not inside the panel`},
		{"end before start", "lift_tests.csv", 2, "2024-06-30", "2024-05-01", `lift_tests.csv: row 1, column end_date`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := demoCopy(t)
			editLine(t, filepath.Join(filepath.Dir(cfg), tc.file), tc.line, tc.from, tc.to)
			out := filepath.Join(t.TempDir(), "out")
			_, err, code := triad(t, "run", "--config", cfg, "--out", out, "--method", "laplace")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Equal(t, 1, strings.Count(err.Error(), tc.file), "the file is named once: %s", err)
			assert.Equal(t, exitInput, code)
			_, statErr := os.Stat(out)
			assert.True(t, os.IsNotExist(statErr), "no output on bad input")
		})
	}
}

func TestUnknownConfigKeyExits2(t *testing.T) {
	cfg := demoCopy(t)
	f, err := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString("reprot:\n  interval: 0.8\n")
	require.NoError(t, err)
	require.NoError(t, f.Close())
	_, err, code := triad(t, "validate", "--config", cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "reprot")
	assert.Equal(t, exitInput, code)
}

func TestCorruptParquetIsAnErrorNotACrash(t *testing.T) {
	cfg := demoCopy(t)
	dir := filepath.Dir(cfg)
	src := filepath.Join("..", "..", "testdata", "world", "parquet", "panel.parquet")
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "panel.parquet"), b[:len(b)/2], 0o644))
	editLine(t, cfg, lineOf(t, cfg, "panel: panel.csv"), "panel.csv", "panel.parquet")
	_, err, code := triad(t, "validate", "--config", cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "panel.parquet")
	assert.Equal(t, exitInput, code)
}

func lineOf(t *testing.T, path, s string) int {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	for i, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", path, s)
	return 0
}

var secondsField = regexp.MustCompile(`"seconds": [0-9.e+-]+`)

// A seed makes a run reproducible whatever the number of cores; only the
// wall-clock seconds differ.
func TestRunIsReproducibleAcrossCoreCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("fits the model twice")
	}
	cfg := demoCopy(t)
	run := func(procs int) (map[string][]byte, string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		out := filepath.Join(t.TempDir(), "out")
		stdout, err, _ := triad(t, "run", "--config", cfg, "--out", out, "--chains", "2", "--warmup", "150", "--draws", "100", "--seed", "11", "-q")
		require.NoError(t, err)
		files := map[string][]byte{}
		for _, n := range []string{"report.json", "decomposition.csv", "calibrated_mta.parquet", "data_summary.txt"} {
			b, err := os.ReadFile(filepath.Join(out, n))
			require.NoError(t, err)
			files[n] = secondsField.ReplaceAll(b, []byte(`"seconds": 0`))
		}
		return files, strings.ReplaceAll(stdout, out, "OUT")
	}
	a, outA := run(1)
	b, outB := run(2)
	assert.Equal(t, outA, outB)
	for n := range a {
		assert.True(t, bytes.Equal(a[n], b[n]), "%s differs between GOMAXPROCS 1 and 2", n)
	}
	var rep map[string]any
	require.NoError(t, json.Unmarshal(a["report.json"], &rep))
	assert.Equal(t, "1", rep["schema_version"])
}

func TestRunDemoWithoutConfig(t *testing.T) {
	out := filepath.Join(t.TempDir(), "triad-out")
	stdout, err, code := triad(t, "run", "--out", out, "--method", "laplace", "--draws", "300", "-q")
	require.NoError(t, err)
	assert.Equal(t, exitOK, code)
	for _, n := range []string{"report.json", "report.md", "report.html", "calibrated_mta.parquet", "decomposition.csv", "data_summary.txt"} {
		assert.Contains(t, stdout, filepath.Join(out, n))
		assert.FileExists(t, filepath.Join(out, n))
	}
}

func TestSimulateWritesAWorld(t *testing.T) {
	out := t.TempDir()
	stdout, err, _ := triad(t, "simulate", "--seed", "3", "--out", out, "--format", "parquet")
	require.NoError(t, err)
	assert.Contains(t, stdout, "seed 3")
	for _, n := range []string{"panel.parquet", "lift_tests.parquet", "mta.parquet", "truth.json", "config.yaml"} {
		assert.FileExists(t, filepath.Join(out, n))
	}
	_, err, _ = triad(t, "validate", "--config", filepath.Join(out, "config.yaml"))
	require.NoError(t, err, "a simulated world validates")
	_, err, code := triad(t, "simulate", "--seed", "3")
	require.Error(t, err)
	assert.Equal(t, exitInput, code)
}

func TestOptimizeAndForecast(t *testing.T) {
	cfg := demoCopy(t)
	out := filepath.Join(t.TempDir(), "out")
	stdout, err, _ := triad(t, "optimize", "--config", cfg, "--out", out, "--method", "laplace", "--draws", "300", "--target-roi", "1.5", "-q")
	require.NoError(t, err)
	assert.Contains(t, stdout, "recommended")
	assert.Contains(t, stdout, "expected gain")
	assert.Contains(t, stdout, "marginal ROI stays at or above 1.5")
	assert.FileExists(t, filepath.Join(out, "budget.json"))

	plan := filepath.Join(t.TempDir(), "plan.csv")
	var b strings.Builder
	b.WriteString("date,spend_tv,spend_ooh,spend_print,spend_search,spend_social,spend_display\n")
	for _, d := range []string{"2024-12-30", "2025-01-06", "2025-01-13", "2025-01-20"} {
		b.WriteString(d + ",100000,20000,10000,50000,30000,20000\n")
	}
	require.NoError(t, os.WriteFile(plan, []byte(b.String()), 0o644))
	stdout, err, _ = triad(t, "forecast", "--config", cfg, "--out", out, "--plan", plan, "--method", "laplace", "--draws", "300", "-q")
	require.NoError(t, err)
	assert.Contains(t, stdout, "2025-01-20")
	assert.Contains(t, stdout, "of which media")
	assert.FileExists(t, filepath.Join(out, "forecast.csv"))

	// A plan that does not continue the panel is an input error naming the row.
	require.NoError(t, os.WriteFile(plan, []byte(strings.Replace(b.String(), "2024-12-30", "2025-02-03", 1)), 0o644))
	_, err, code := triad(t, "forecast", "--config", cfg, "--out", out, "--plan", plan, "--method", "laplace", "--draws", "300", "-q")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "plan.csv: row 1, column date")
	assert.Equal(t, exitInput, code)
}
