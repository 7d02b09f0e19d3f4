package triad_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/triad-mmm/triad"

// importsLine is how a doc.go states which packages of this module its
// package may import; the standard library and third-party libraries are
// open to all (Arrow aside: see TestArrowOnlyInTabular).
const importsLine = "Imports of triad packages:"

// pkg is one directory of Go code: its production files, parsed.
type pkg struct {
	dir   string // relative to the module root, "." for the root
	name  string
	files map[string]*ast.File // production files only
	fset  *token.FileSet
}

// packages parses every production file of the module, skipping testdata
// and nested modules.
func packages(t *testing.T) []*pkg {
	t.Helper()
	byDir := map[string]*pkg{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != "." {
				return filepath.SkipDir // a module of its own
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		dir := filepath.Dir(path)
		p := byDir[dir]
		if p == nil {
			p = &pkg{dir: dir, name: f.Name.Name, files: map[string]*ast.File{}, fset: fset}
			byDir[dir] = p
		}
		p.files[filepath.Base(path)] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []*pkg
	for _, p := range byDir {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *pkg) int { return strings.Compare(a.dir, b.dir) })
	if len(out) < 10 {
		t.Fatalf("found only %d packages: run from the module root", len(out))
	}
	return out
}

// imports returns the module packages p imports, as paths relative to the
// module root.
func (p *pkg) imports() map[string]string {
	out := map[string]string{} // import → file
	for name, f := range p.files {
		for _, is := range f.Imports {
			path, _ := strconv.Unquote(is.Path.Value)
			if rel, ok := strings.CutPrefix(path, module+"/"); ok {
				out[rel] = name
			}
		}
	}
	return out
}

// allowed parses the imports line of p's doc.go.
func (p *pkg) allowed() ([]string, bool) {
	doc := p.files["doc.go"].Doc.Text()
	for line := range strings.SplitSeq(doc, "\n") {
		rest, ok := strings.CutPrefix(line, importsLine)
		if !ok {
			continue
		}
		rest = strings.TrimSuffix(strings.TrimSpace(rest), ".")
		if rest == "none" {
			return nil, true
		}
		var list []string
		for _, s := range strings.Split(rest, ",") {
			list = append(list, strings.TrimSpace(s))
		}
		return list, true
	}
	return nil, false
}

// TestPackageDocs holds the rule of the developers' guide: every package
// but a command has a doc.go whose package comment says what the package
// holds and, in one line, which packages of this module it may import; and
// the package imports no other.
func TestPackageDocs(t *testing.T) {
	for _, p := range packages(t) {
		if p.name == "main" {
			continue
		}
		f := p.files["doc.go"]
		if f == nil || f.Doc == nil {
			t.Errorf("%s: no doc.go with a package comment", p.dir)
			continue
		}
		if words := len(strings.Fields(f.Doc.Text())); words < 15 {
			t.Errorf("%s/doc.go: %d words do not say what the package holds", p.dir, words)
		}
		for name, g := range p.files {
			if name != "doc.go" && g.Doc != nil && strings.HasPrefix(g.Doc.Text(), "Package ") {
				t.Errorf("%s/%s: a second package comment; it belongs in doc.go", p.dir, name)
			}
		}
		allowed, ok := p.allowed()
		if !ok {
			t.Errorf("%s/doc.go: no line %q naming the packages it may import", p.dir, importsLine+" …")
			continue
		}
		for imp, file := range p.imports() {
			if !slices.Contains(allowed, imp) {
				t.Errorf("%s/%s imports %s, which its doc.go does not allow (%s %s)", p.dir, file, imp, importsLine, strings.Join(allowed, ", "))
			}
		}
	}
}

// TestArrowOnlyInTabular keeps Arrow behind one package: its v17 line is
// frozen, and a move to v18 must touch one directory.
func TestArrowOnlyInTabular(t *testing.T) {
	for _, p := range packages(t) {
		for name, f := range p.files {
			for _, is := range f.Imports {
				if strings.Contains(is.Path.Value, "github.com/apache/arrow") && p.dir != filepath.Join("internal", "tabular") {
					t.Errorf("%s/%s imports %s: Arrow belongs in internal/tabular", p.dir, name, is.Path.Value)
				}
			}
		}
	}
}

// Size limits of the developers' guide: a production file of at most 400
// lines, a function of at most 80. The hot gradient loop is exempt: split,
// it would pay a call per period and parameter in the sampler's inner
// loop.
const (
	maxFileLines = 400
	maxFuncLines = 80
)

// overLimit lists the functions that exceeded maxFuncLines when the check
// was introduced, with their length then. They may shrink, not grow; the
// list is a debt to pay, and a new function may not join it.
var overLimit = map[string]int{
	"mmm/logprob.go logProbGrad": 0, // the hot gradient loop: exempt
}

func TestSizes(t *testing.T) {
	for _, p := range packages(t) {
		for name, f := range p.files {
			path := filepath.ToSlash(filepath.Join(p.dir, name))
			if n := p.fset.File(f.Pos()).LineCount(); n > maxFileLines {
				t.Errorf("%s: %d lines, more than %d: split it by concept", path, n, maxFileLines)
			}
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				n := p.fset.Position(fd.End()).Line - p.fset.Position(fd.Pos()).Line + 1
				key := path + " " + fd.Name.Name
				limit, listed := overLimit[key]
				switch {
				case listed && limit == 0:
				case listed && n <= maxFuncLines:
					t.Logf("%s: func %s is down to %d lines: remove it from overLimit", path, fd.Name.Name, n)
				case listed && n > limit:
					t.Errorf("%s: func %s grew to %d lines (listed at %d, limit %d): split it", path, fd.Name.Name, n, limit, maxFuncLines)
				case !listed && n > maxFuncLines:
					t.Errorf("%s: func %s has %d lines, more than %d: split it", path, fd.Name.Name, n, maxFuncLines)
				}
			}
		}
	}
}

func TestMain(m *testing.M) {
	// The checks read the tree from the module root, where go test runs
	// this package.
	if _, err := os.Stat("go.mod"); err != nil {
		panic("layout tests must run in the module root")
	}
	os.Exit(m.Run())
}
