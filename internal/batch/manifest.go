package batch

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/triad-mmm/triad/internal/config"
)

// Manifest is a list of runs and the folder their outputs go under.
//
// In YAML:
//
//	output_root: out              # relative to the manifest's folder
//	runs:                         # configs as they are
//	  - {name: acme-fr, config: acme/fr.yaml}
//	template:                     # and/or one config filled from a table
//	  config: template.yaml       # ${key} is replaced by the row's value
//	  name: ${brand}-${market}    # the run's name (default ${name})
//	  table:
//	    - {brand: acme, market: de, panel: data/acme_de.csv}
type Manifest struct {
	// Path is the manifest file; OutputRoot is resolved against its folder.
	Path       string
	OutputRoot string
	// Runs in manifest order: the listed runs, then the template's rows.
	Runs []Run
}

// Run is one model of the manifest.
type Run struct {
	Name string
	// Config is the config file (or the template), as the manifest names it.
	Config string
	// Vars are the template row's substitutions; nil for a listed config.
	Vars map[string]string
	// Line is the run's line in the manifest, for messages.
	Line int

	path string // Config resolved against the manifest's folder
	text []byte // the filled-in template; nil for a listed config
}

// Error is a problem with the manifest itself, found before any run
// starts: a manifest that cannot be read, a malformed or unknown key, a bad
// or repeated run name, a template that cannot be read or a placeholder
// without a value.
type Error struct {
	Path     string
	Problems []string
}

func (e *Error) Error() string {
	return fmt.Sprintf("manifest %s: %s", e.Path, strings.Join(e.Problems, "; "))
}

// IsError reports whether err is a manifest Error.
func IsError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

type manifestYAML struct {
	OutputRoot string        `yaml:"output_root"`
	Runs       []yaml.Node   `yaml:"runs"`
	Template   *templateYAML `yaml:"template"`
}

type runYAML struct {
	Name   string `yaml:"name"`
	Config string `yaml:"config"`
}

type templateYAML struct {
	Config string      `yaml:"config"`
	Name   string      `yaml:"name"`
	Table  []yaml.Node `yaml:"table"`
}

// validName keeps a run's folder one plain path component.
var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// placeholder is ${key} in a template.
var placeholder = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// Load reads and checks the manifest at path, reporting every problem at
// once. Templates are read and filled in here, so that a placeholder
// without a value is found before any run starts; listed configs are read
// when their run starts (a missing one fails that run only).
func Load(path string) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Problems: []string{err.Error()}}
	}
	var y manifestYAML
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&y); err != nil {
		return nil, &Error{Path: path, Problems: []string{yamlProblem(err)}}
	}
	m := &Manifest{Path: path, OutputRoot: y.OutputRoot}
	var problems []string
	if m.OutputRoot == "" {
		problems = append(problems, "output_root is required (the folder that gets one folder per run)")
	} else if !filepath.IsAbs(m.OutputRoot) {
		m.OutputRoot = filepath.Join(filepath.Dir(path), m.OutputRoot)
	}
	for i := range y.Runs {
		r, err := listedRun(&y.Runs[i], filepath.Dir(path))
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		m.Runs = append(m.Runs, r)
	}
	if y.Template != nil {
		runs, errs := templateRuns(y.Template, filepath.Dir(path))
		m.Runs = append(m.Runs, runs...)
		problems = append(problems, errs...)
	}
	problems = append(problems, checkNames(m.Runs)...)
	if len(m.Runs) == 0 && len(problems) == 0 {
		problems = append(problems, "no runs: list runs[] {name, config} or a template {config, table}")
	}
	if len(problems) > 0 {
		return nil, &Error{Path: path, Problems: problems}
	}
	return m, nil
}

func yamlProblem(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return strings.Join(te.Errors, "; ")
	}
	return err.Error()
}

func listedRun(n *yaml.Node, base string) (Run, error) {
	var ry runYAML
	if err := decodeStrict(n, &ry); err != nil {
		return Run{}, fmt.Errorf("line %d: %s", n.Line, yamlProblem(err))
	}
	if ry.Config == "" {
		return Run{}, fmt.Errorf("line %d: run %q has no config", n.Line, ry.Name)
	}
	return Run{Name: ry.Name, Config: ry.Config, Line: n.Line, path: resolve(base, ry.Config)}, nil
}

// decodeStrict decodes n into v, refusing unknown keys as the manifest's
// top level does.
func decodeStrict(n *yaml.Node, v any) error {
	b, err := yaml.Marshal(n)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	return dec.Decode(v)
}

func templateRuns(t *templateYAML, base string) ([]Run, []string) {
	if t.Config == "" {
		return nil, []string{"template has no config"}
	}
	path := resolve(base, t.Config)
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, []string{"template: " + err.Error()}
	}
	pattern := t.Name
	if pattern == "" {
		pattern = "${name}"
	}
	var runs []Run
	var problems []string
	for i := range t.Table {
		n := &t.Table[i]
		var vars map[string]string
		if err := n.Decode(&vars); err != nil {
			problems = append(problems, fmt.Sprintf("line %d: table row %d: %s", n.Line, i+1, yamlProblem(err)))
			continue
		}
		name, err1 := fill([]byte(pattern), vars)
		filled, err2 := fill(text, vars)
		if err := errors.Join(err1, err2); err != nil {
			problems = append(problems, fmt.Sprintf("line %d: table row %d: %v", n.Line, i+1, err))
			continue
		}
		runs = append(runs, Run{Name: string(name), Config: t.Config, Vars: vars, Line: n.Line, path: path, text: filled})
	}
	if len(t.Table) == 0 {
		problems = append(problems, "template has an empty table")
	}
	return runs, problems
}

// fill replaces every ${key} of text by its value in vars.
func fill(text []byte, vars map[string]string) ([]byte, error) {
	var missing []string
	out := placeholder.ReplaceAllFunc(text, func(m []byte) []byte {
		key := string(m[2 : len(m)-1])
		v, ok := vars[key]
		if !ok {
			missing = append(missing, "${"+key+"}")
			return m
		}
		return []byte(v)
	})
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("no value for %s", strings.Join(compact(missing), ", "))
	}
	return out, nil
}

func compact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func checkNames(runs []Run) []string {
	var problems []string
	seen := map[string]int{}
	for _, r := range runs {
		switch {
		case !validName.MatchString(r.Name):
			problems = append(problems, fmt.Sprintf("line %d: run name %q: use letters, digits, '.', '_' and '-' (it names the run's folder)", r.Line, r.Name))
		case seen[r.Name] != 0:
			problems = append(problems, fmt.Sprintf("line %d: run name %q repeats line %d", r.Line, r.Name, seen[r.Name]))
		default:
			seen[r.Name] = r.Line
		}
	}
	return problems
}

func resolve(base, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(base, p)
}

// Dir is the run's output folder under root.
func (r Run) Dir(root string) string { return filepath.Join(root, r.Name) }

// Load reads the run's config (TRIAD_* variables apply, as to `triad
// run`) with output.dir set to dir. Relative data paths are resolved
// against the folder of the config or of the template.
func (r Run) Load(dir string) (*config.Config, error) {
	overrides := map[string]string{"output.dir": dir}
	var c *config.Config
	var err error
	if r.text == nil {
		c, err = config.Load(r.path, overrides)
	} else {
		c, err = config.LoadYAML(r.Config, r.text, filepath.Dir(r.path), overrides)
	}
	if err != nil {
		return nil, fmt.Errorf("%s (line %d of the manifest): %w", r.Config, r.Line, err)
	}
	return c, nil
}
