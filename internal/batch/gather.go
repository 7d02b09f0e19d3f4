package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/triad-mmm/triad/report"
)

// GatherError is a run folder gather cannot use: missing, not a folder, or
// a name two folders share.
type GatherError struct {
	Problems []string
}

func (e *GatherError) Error() string { return "gather: " + strings.Join(e.Problems, "; ") }

// Convergence thresholds of a poorly converged run, as the report's
// poor_convergence flag.
const (
	maxRHat       = 1.05
	minESSBulk    = 100
	maxDivergence = 0
)

// Gather reads the run folders dirs (as `triad batch` leaves them, or as
// `triad run` does) into one portfolio. A folder with a complete output is
// ok or poorly converged; one whose last attempt failed is failed, with
// its error; any other is incomplete. Runs are named by their batch.json,
// or by their folder. groupBy names a template variable within whose
// values the runs' ROIs are compared.
func Gather(dirs []string, groupBy, generator string) (*report.Portfolio, error) {
	return gather(dirs, nil, groupBy, generator)
}

// GatherManifest gathers every run of m from its folder under
// m.OutputRoot; a run without a folder yet is incomplete.
func GatherManifest(m *Manifest, groupBy, generator string) (*report.Portfolio, error) {
	var dirs []string
	for _, r := range m.Runs {
		dirs = append(dirs, r.Dir(m.OutputRoot))
	}
	return gather(dirs, m.Runs, groupBy, generator)
}

// gather reads dirs; planned, when given, are the runs the folders are
// for (in the same order), which stand in for folders not made yet.
func gather(dirs []string, planned []Run, groupBy, generator string) (*report.Portfolio, error) {
	var runs []report.PortfolioRun
	var problems, warnings []string
	seen := map[string]string{}
	levels := map[float64]bool{}
	for i, dir := range dirs {
		if _, err := os.Stat(dir); planned != nil && errors.Is(err, fs.ErrNotExist) {
			runs = append(runs, report.PortfolioRun{Name: planned[i].Name, Vars: planned[i].Vars, Status: report.RunIncomplete})
			continue
		}
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			problems = append(problems, fmt.Sprintf("%s: not a run folder", dir))
			continue
		}
		r, level, err := gatherRun(dir)
		if err != nil {
			return nil, err
		}
		if prev, ok := seen[r.Name]; ok {
			problems = append(problems, fmt.Sprintf("%s and %s both hold run %q", prev, dir, r.Name))
			continue
		}
		seen[r.Name] = dir
		if level > 0 {
			levels[level] = true
		}
		if groupBy != "" && r.Status != report.RunFailed && r.Vars[groupBy] == "" {
			warnings = append(warnings, fmt.Sprintf("run %s has no template variable %q: compared with the other runs without one", r.Name, groupBy))
		}
		runs = append(runs, r)
	}
	if len(problems) > 0 {
		return nil, &GatherError{Problems: problems}
	}
	level := math.NaN()
	if len(levels) == 1 {
		for l := range levels {
			level = l
		}
	} else if len(levels) > 1 {
		warnings = append(warnings, "the runs' credible levels differ: compare their intervals with care")
	}
	return report.NewPortfolio(generator, groupBy, level, runs, warnings), nil
}

// gatherRun reads one run folder and returns its run and credible level.
func gatherRun(dir string) (report.PortfolioRun, float64, error) {
	st, err := ReadState(dir)
	if err != nil {
		return report.PortfolioRun{}, 0, err
	}
	r := report.PortfolioRun{Name: filepath.Base(filepath.Clean(dir))}
	if st.HasRecord {
		r.Name, r.Vars = st.Record.Name, st.Record.Vars
	}
	switch {
	case st.Complete():
		level, err := readRunReport(dir, &r)
		return r, level, err
	case st.Status() == StatusFailed:
		r.Status, r.Error = report.RunFailed, st.Record.Error
	default:
		r.Status = report.RunIncomplete
	}
	return r, 0, nil
}

// runReport is the part of report.json a portfolio uses.
type runReport struct {
	KPI           string  `json:"kpi"`
	KPIType       string  `json:"kpi_type"`
	Interval      float64 `json:"interval"`
	Fit           *runFit `json:"fit"`
	FitCalibrated *runFit `json:"fit_calibrated"`
	Channels      []runCh `json:"channels"`
}

type runFit struct {
	RHatMax     *float64 `json:"rhat_max"`
	ESSBulkMin  *float64 `json:"ess_bulk_min"`
	Divergences int      `json:"divergences"`
	Method      string   `json:"method"`
}

type runCh struct {
	Name       string        `json:"name"`
	Spend      float64       `json:"spend"`
	MMM        runEstimates  `json:"mmm"`
	Calibrated *runEstimates `json:"calibrated"`
}

type runEstimates struct {
	ROI  report.Interval `json:"roi"`
	MROI report.Interval `json:"mroi"`
}

func readRunReport(dir string, r *report.PortfolioRun) (float64, error) {
	path := filepath.Join(dir, report.JSONFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var rep runReport
	if err := json.Unmarshal(b, &rep); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	r.KPI, r.KPIType, r.Model = rep.KPI, rep.KPIType, "mmm"
	fit := rep.Fit
	if rep.FitCalibrated != nil {
		fit, r.Model = rep.FitCalibrated, "calibrated"
	}
	r.Status = report.RunOK
	if fit != nil {
		r.Convergence = convergence(fit)
		if len(r.Convergence.Problems) > 0 {
			r.Status = report.RunPoorConvergence
		}
	}
	for _, c := range rep.Channels {
		e := c.MMM
		if c.Calibrated != nil {
			e = *c.Calibrated
		}
		r.Channels = append(r.Channels, report.PortfolioChannel{Name: c.Name, Spend: c.Spend, ROI: e.ROI, MROI: e.MROI})
	}
	return rep.Interval, nil
}

func convergence(f *runFit) *report.RunConvergence {
	c := &report.RunConvergence{Method: f.Method, RHatMax: math.NaN(), ESSBulkMin: math.NaN(), Divergences: f.Divergences, Problems: []string{}}
	if f.RHatMax != nil {
		c.RHatMax = *f.RHatMax
		if c.RHatMax > maxRHat {
			c.Problems = append(c.Problems, fmt.Sprintf("R̂ %.3g > %g", c.RHatMax, maxRHat))
		}
	}
	if f.ESSBulkMin != nil {
		c.ESSBulkMin = *f.ESSBulkMin
		if c.ESSBulkMin < minESSBulk {
			c.Problems = append(c.Problems, fmt.Sprintf("bulk ESS %.3g < %d", c.ESSBulkMin, minESSBulk))
		}
	}
	if f.Divergences > maxDivergence {
		c.Problems = append(c.Problems, fmt.Sprintf("%d divergences", f.Divergences))
	}
	return c
}
