package report

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/triad-mmm/triad/internal/atomicfile"
)

// WriteDiffJSON writes d as indented JSON (diff.json); unknown numbers are
// null, empty lists [].
func WriteDiffJSON(w io.Writer, d *Diff) error {
	if d == nil {
		return errors.New("report: nil diff")
	}
	v := *d
	if v.SchemaVersion == "" {
		v.SchemaVersion = DiffSchemaVersion
	}
	return writeIndentedJSON(w, &v)
}

func diffTitle(d *Diff) string {
	return fmt.Sprintf("triad diff: %s, %s – %s → %s – %s", d.KPI, d.Before.Period.Start, d.Before.Period.End, d.After.Period.Start, d.After.Period.End)
}

// WriteDiffMarkdown writes d as Markdown (diff.md).
func WriteDiffMarkdown(w io.Writer, d *Diff) error {
	if d == nil {
		return errors.New("report: nil diff")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s → %s\n\n", mdText(diffTitle(d)), mdText(d.Before.Dir), mdText(d.After.Dir))
	writeDiffMarkdown(&b, d, "##")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeDiffMarkdown writes the summary and sections of d with headings of
// level h.
func writeDiffMarkdown(b *strings.Builder, d *Diff, h string) {
	fmt.Fprintf(b, "%s\n\n", mdText(diffSummary(d)))
	for _, s := range diffSections(d) {
		fmt.Fprintf(b, "%s %s\n\n%s\n\n", h, s.Title, mdText(s.Intro))
		mdTable(b, s.Table)
	}
	if len(d.Notes) > 0 {
		for _, n := range d.Notes {
			fmt.Fprintf(b, "- %s\n", mdText(n))
		}
		b.WriteString("\n")
	}
}

type htmlDiffSection struct {
	ID, Title, Intro string
	Table            htmlTable
}

type htmlDiff struct {
	Summary  string
	Sections []htmlDiffSection
	Notes    []string
}

func newHTMLDiff(d *Diff) *htmlDiff {
	h := &htmlDiff{Summary: diffSummary(d), Notes: d.Notes}
	for _, s := range diffSections(d) {
		h.Sections = append(h.Sections, htmlDiffSection{ID: s.ID, Title: s.Title, Intro: s.Intro, Table: toHTML(s.Table)})
	}
	return h
}

// diffBody renders the comparison's sections; the report page and
// diff.html share it.
const diffBody = `{{define "diff"}}<p class="summary">{{.Summary}}</p>
{{range .Sections}}<h3 id="{{.ID}}">{{.Title}}</h3>
<p class="intro">{{.Intro}}</p>
{{template "table" .Table}}{{end}}
{{if .Notes}}<ul class="notes">{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}{{end}}`

// diffPage reuses the report's style sheet and table template.
var diffPage = sync.OnceValues(func() (*template.Template, error) {
	style := pageTemplate[strings.Index(pageTemplate, "<style>") : strings.Index(pageTemplate, "</style>")+len("</style>")]
	tableDef := pageTemplate[strings.Index(pageTemplate, `{{define "table"}}`):]
	src := `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{.Generator}}">
<title>{{.Title}}</title>
` + style + `
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<p class="meta">{{.Meta}}</p>
{{template "diff" .Diff}}
<footer>diff.json holds every number on this page (schema version {{.Schema}}).</footer>
</main>
</body>
</html>
` + diffBody + tableDef
	return template.New("diffpage").Parse(src)
})

// WriteDiffHTML writes d as one self-contained HTML page (diff.html).
func WriteDiffHTML(w io.Writer, d *Diff) error {
	if d == nil {
		return errors.New("report: nil diff")
	}
	t, err := diffPage()
	if err != nil {
		return err
	}
	return t.Execute(w, map[string]any{
		"Generator": d.Generator, "Title": diffTitle(d), "Meta": d.Before.Dir + " → " + d.After.Dir,
		"Diff": newHTMLDiff(d), "Schema": DiffSchemaVersion,
	})
}

// WriteDiffAll renders diff.json, diff.md and diff.html and writes them
// into dir, each atomically.
func WriteDiffAll(dir string, d *Diff) error {
	files := []struct {
		name  string
		write func(io.Writer, *Diff) error
	}{{DiffJSONFile, WriteDiffJSON}, {DiffMarkdownFile, WriteDiffMarkdown}, {DiffHTMLFile, WriteDiffHTML}}
	bufs := make([]bytes.Buffer, len(files))
	for i, f := range files {
		if err := f.write(&bufs[i], d); err != nil {
			return fmt.Errorf("report: rendering %s: %w", f.name, err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for i, f := range files {
		if err := atomicfile.WriteFile(filepath.Join(dir, f.name), bufs[i].Bytes()); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	return nil
}
