package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Misuse of the command line exits 2, as the README promises, with a hint.
func TestMisuseExits2(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"rnu"}, "did you mean run?"},
		{[]string{"run", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"validate", "--chains", "x"}, "unknown flag: --chains"},
		{[]string{"run", "--chains", "many"}, `invalid argument "many"`},
		{[]string{"run", "extra"}, `run takes no arguments, got "extra"`},
		{[]string{"--bogus"}, "unknown flag: --bogus"},
	} {
		_, err, code := triad(t, tc.args...)
		require.Error(t, err, tc.args)
		assert.Contains(t, err.Error(), tc.want, tc.args)
		assert.Equal(t, exitInput, code, tc.args)
	}
	_, err, code := triad(t)
	assert.NoError(t, err, "no command prints the help")
	assert.Equal(t, exitOK, code)
}

// A data file that is missing, unreadable or of an unknown type is bad
// input: exit 2, the file named, nothing written.
func TestUnusableDataFilesExit2(t *testing.T) {
	for _, tc := range []struct {
		name, panel, want string
		setup             func(dir string)
	}{
		{"missing", "nothing.csv", "nothing.csv: no such file", nil},
		{"a directory", "adir.csv", "adir.csv: is a directory", func(dir string) {
			require.NoError(t, os.Mkdir(filepath.Join(dir, "adir.csv"), 0o755))
		}},
		{"unknown extension", "panel.xlsx", `panel.xlsx: unknown file type ".xlsx"`, func(dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "panel.xlsx"), []byte("PK\x03\x04"), 0o644))
		}},
		{"parquet named csv", "binary.csv", "binary.csv: is a Parquet file, not CSV text", func(dir string) {
			b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "world", "parquet", "panel.parquet"))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, "binary.csv"), b, 0o644))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := demoCopy(t)
			dir := filepath.Dir(cfg)
			if tc.setup != nil {
				tc.setup(dir)
			}
			editLine(t, cfg, lineOf(t, cfg, "panel: panel.csv"), "panel.csv", tc.panel)
			out := filepath.Join(t.TempDir(), "out")
			for _, args := range [][]string{{"validate"}, {"run", "--method", "laplace"}} {
				cmd := args[0]
				_, err, code := triad(t, append(args, "--config", cfg, "--out", out)...)
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.want)
				assert.Less(t, len(err.Error()), 300, "no bytes of the file in the message")
				assert.Equal(t, exitInput, code, cmd)
				assert.NoDirExists(t, out)
			}
		})
	}
}

// `data.panel: decomposition.csv` and `data.mta: calibrated_mta.parquet`
// with --out the data's own folder: both inputs would be replaced by the
// outputs of the same name. It is an input error before anything runs.
func TestAnOutputThatIsAnInputExits2(t *testing.T) {
	cfg := demoCopy(t)
	dir := filepath.Dir(cfg)
	for from, to := range map[string]string{"panel.csv": "decomposition.csv", "mta.csv": "calibrated_mta.csv"} {
		require.NoError(t, os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)))
		key := strings.TrimSuffix(from, ".csv")
		editLine(t, cfg, lineOf(t, cfg, key+": "+from), from, to)
	}
	editLine(t, cfg, lineOf(t, cfg, "campaign: campaign"), "campaign: campaign", "campaign: campaign\n  calibrated_csv: true")
	before := map[string][]byte{}
	for _, n := range []string{"decomposition.csv", "calibrated_mta.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, n))
		require.NoError(t, err)
		before[n] = b
	}
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	t.Cleanup(func() { os.Chdir(wd) })

	for _, args := range [][]string{{"validate"}, {"run", "--method", "laplace"}} {
		cmd := args[0]
		_, err, code := triad(t, append(args, "--config", cfg, "--out", ".")...)
		require.Error(t, err, cmd)
		assert.Contains(t, err.Error(), "data.panel "+filepath.Join(dir, "decomposition.csv")+" is also an output (decomposition.csv)")
		assert.Contains(t, err.Error(), "data.mta "+filepath.Join(dir, "calibrated_mta.csv")+" is also an output (calibrated_mta.csv)")
		assert.Equal(t, exitInput, code)
	}
	for n, b := range before {
		got, err := os.ReadFile(filepath.Join(dir, n))
		require.NoError(t, err)
		assert.Equal(t, b, got, "%s must not be modified", n)
	}
}

// A bad mode on the command line is a config error like one in the file:
// exit 2 before any fit, the key and the valid values named. Optimize's
// flags override their budget keys, so the file's checks apply to them.
func TestBadModeFlagExits2(t *testing.T) {
	cfg := demoCopy(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--method", "gibbs"}, `sampler.method "gibbs": want nuts or laplace`},
		{[]string{"optimize", "--objective", "max"}, `budget.objective "max": want mean or quantile`},
		{[]string{"optimize", "--objective", "quantile", "--quantile", "0.7"}, `budget.quantile 0.7: want a value in (0, 0.5]`},
		{[]string{"optimize", "--total", "-5"}, `budget.total must be >= 0`},
	} {
		args := append(tc.args, "--config", cfg, "--out", filepath.Join(t.TempDir(), "out"))
		_, err, code := triad(t, args...)
		require.Error(t, err, tc.args)
		assert.Contains(t, err.Error(), tc.want, tc.args)
		assert.Equal(t, exitInput, code, tc.args)
	}
}
