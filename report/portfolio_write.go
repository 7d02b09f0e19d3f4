package report

import (
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

//go:embed portfolio.html
var portfolioTemplate string

// portfolioPage shares the report page's table template and style (a
// template set of its own: an executed set cannot be cloned).
var portfolioPage = sync.OnceValues(func() (*template.Template, error) {
	t, err := template.New("report").Parse(pageTemplate)
	if err != nil {
		return nil, err
	}
	return t.New("portfolio").Parse(portfolioTemplate)
})

// WritePortfolioJSON writes p as indented JSON (portfolio.json), with
// null for unknown numbers, like report.json.
func WritePortfolioJSON(w io.Writer, p *Portfolio) error {
	if p == nil {
		return errors.New("report: nil portfolio")
	}
	return writeIndentedJSON(w, p)
}

const noEstimates = "No run has estimates."

// mdTableOr writes t, or the sentence none when it has no rows.
func mdTableOr(b *strings.Builder, t table, none string) {
	if len(t.Rows) == 0 {
		b.WriteString(none + "\n\n")
		return
	}
	mdTable(b, t)
}

// WritePortfolioMarkdown writes p as Markdown (portfolio.md).
func WritePortfolioMarkdown(w io.Writer, p *Portfolio) error {
	if p == nil {
		return errors.New("report: nil portfolio")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Portfolio\n\n%s\n\n", mdText(p.metaLine()))
	b.WriteString("## Runs\n\n")
	mdTable(&b, p.runsTable())
	if att := p.attention(); len(att) > 0 {
		b.WriteString("## Failed and poorly converged runs\n\n")
		for _, a := range att {
			fmt.Fprintf(&b, "- %s\n", mdText(a))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "## ROI by run × channel\n\nPosterior mean (%s interval); calibrated by the run's lift tests where it had any.\n\n", p.levelText())
	mdTableOr(&b, p.byRunTable(func(c PortfolioChannel) Interval { return c.ROI }), noEstimates)
	b.WriteString("## mROI by run × channel\n\nReturn of the next unit of spend at current spend.\n\n")
	mdTableOr(&b, p.byRunTable(func(c PortfolioChannel) Interval { return c.MROI }), noEstimates)
	fmt.Fprintf(&b, "## Channels that differ between runs\n\n%s\n\n", differenceIntro)
	mdTableOr(&b, p.differenceTable(), "No channel's ROI intervals are apart between runs.")
	b.WriteString("## Budget: where the next unit of money earns most\n\n")
	for _, v := range p.Budget {
		fmt.Fprintf(&b, "%s\n\n", mdText(v.intro()))
		mdTable(&b, v.table())
	}
	if len(p.Warnings) > 0 {
		b.WriteString("## Warnings\n\n")
		for _, w := range p.Warnings {
			fmt.Fprintf(&b, "- %s\n", mdText(w))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type portfolioHTML struct {
	Generator, Meta, Level, DifferenceIntro, NoEstimates string
	Style                                                template.CSS
	Attention, Warnings                                  []string
	Runs, ROI, MROI, Differences                         htmlTable
	ROIChart                                             template.HTML
	Budget                                               []budgetHTML
}

type budgetHTML struct {
	Intro string
	Table htmlTable
}

// WritePortfolioHTML writes p as one self-contained page (portfolio.html).
func WritePortfolioHTML(w io.Writer, p *Portfolio) error {
	if p == nil {
		return errors.New("report: nil portfolio")
	}
	t, err := portfolioPage()
	if err != nil {
		return err
	}
	v := portfolioHTML{
		Generator: p.Generator, Meta: p.metaLine(), Level: p.levelText(), DifferenceIntro: differenceIntro, NoEstimates: noEstimates,
		Style:     template.CSS(reportStyle()),
		Attention: p.attention(), Warnings: p.Warnings,
		Runs:        toHTML(p.runsTable()),
		ROI:         toHTML(p.byRunTable(func(c PortfolioChannel) Interval { return c.ROI })),
		MROI:        toHTML(p.byRunTable(func(c PortfolioChannel) Interval { return c.MROI })),
		Differences: toHTML(p.differenceTable()),
		ROIChart:    svgHTML(p.roiChart()),
	}
	for _, b := range p.Budget {
		v.Budget = append(v.Budget, budgetHTML{b.intro(), toHTML(b.table())})
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, "portfolio", v); err != nil {
		return err
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// reportStyle is the report page's style sheet, so that both pages look
// alike.
func reportStyle() string {
	s := pageTemplate
	i, j := strings.Index(s, "<style>"), strings.Index(s, "</style>")
	if i < 0 || j < i {
		return ""
	}
	return s[i+len("<style>") : j]
}

// roiChart shows each channel's ROI in every run, for portfolios small
// enough to read as one chart.
func (p *Portfolio) roiChart() string {
	const most = 240
	var groups []dotGroup
	rows := 0
	for _, name := range p.channelNames() {
		g := dotGroup{name: name}
		for _, r := range p.Runs {
			if !r.estimated() {
				continue
			}
			for _, c := range r.Channels {
				if c.Name == name {
					g.rows = append(g.rows, dotRow{r.Name, c.ROI, colCalibrated, "dot"})
				}
			}
		}
		rows += len(g.rows)
		groups = append(groups, g)
	}
	if rows > most {
		return ""
	}
	return dotChart("ROI by channel and run", "ROI (incremental KPI per unit of spend)", groups, []float64{1}, []string{"break-even"}, []legendItem{{"run (hover for its name and interval)", "dot", colCalibrated}})
}

// WritePortfolio writes portfolio.json, portfolio.md and portfolio.html
// into dir, rendering all three before writing any.
func WritePortfolio(dir string, p *Portfolio) error {
	return writeRendered(dir, []rendered{
		{name: PortfolioJSONFile, write: func(w io.Writer) error { return WritePortfolioJSON(w, p) }},
		{name: PortfolioMarkdownFile, write: func(w io.Writer) error { return WritePortfolioMarkdown(w, p) }},
		{name: PortfolioHTMLFile, write: func(w io.Writer) error { return WritePortfolioHTML(w, p) }},
	})
}
