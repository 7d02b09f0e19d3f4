package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func markdownOf(t *testing.T, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteMarkdown(&buf, r))
	return buf.String()
}

// tableRows returns the data rows of the pipe table under heading.
func tableRows(md, heading string) [][]string {
	_, rest, ok := strings.Cut(md, heading+"\n")
	if !ok {
		return nil
	}
	var rows [][]string
	inTable := false
	for line := range strings.Lines(rest) {
		line = strings.TrimRight(line, "\n")
		if !strings.HasPrefix(line, "|") {
			if inTable {
				break
			}
			continue
		}
		if !inTable {
			inTable = true // the header row
			continue
		}
		if strings.HasPrefix(line, "|---") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " |")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows = append(rows, cells)
	}
	return rows
}

func TestMarkdownSections(t *testing.T) {
	r := SampleReport()
	md := markdownOf(t, r)
	assert.True(t, strings.HasPrefix(md, "# Sample brand: weekly revenue\n"))
	sum := strings.Index(md, "## Summary")
	key := strings.Index(md, "## Key numbers")
	require.True(t, sum > 0 && key > sum, "the summary comes first")
	assert.Contains(t, md, r.Summary)
	prev := key
	for _, h := range []string{"## Channels", "## Channels by quarter", "## Experiments", "## Test next", "## Budget", "## Unmapped MTA channels", "## Warnings", "## Fit diagnostics"} {
		i := strings.Index(md, h+"\n")
		require.Greater(t, i, prev, "%s in order", h)
		prev = i
	}
	assert.Len(t, tableRows(md, "## Channels"), 6)
	assert.Len(t, tableRows(md, "## Experiments"), 4)
	assert.Len(t, tableRows(md, "## Budget"), 6)
	assert.Len(t, tableRows(md, "## Channels by quarter"), 72)
	// Every row has as many cells as the header.
	for _, row := range tableRows(md, "## Channels") {
		assert.Len(t, row, 9)
	}

	search := tableRows(md, "## Channels")[0]
	assert.Equal(t, "search", search[0])
	assert.Equal(t, "9.28M", search[1])
	assert.Equal(t, "2.30 (1.66–3.10)", search[2], "ROI MMM alone with its interval")
	assert.Equal(t, "1.60 (1.31–1.92)", search[3], "ROI calibrated with its interval")
	assert.Equal(t, "4.10", search[6], "MTA ROAS")
	assert.Contains(t, search[8], FlagMTAOverclaims)
	tv := tableRows(md, "## Channels")[4]
	assert.Equal(t, "tv (offline)", tv[0])
	assert.Equal(t, "–", tv[6], "offline channels have no MTA")
	assert.Contains(t, md, "1. **radio** — no lift test")
	assert.Contains(t, md, "| social | 7.03M | 9.14M | +30% |")
}

// For a count KPI the report speaks cost per incremental KPI.
func TestMarkdownCountKPI(t *testing.T) {
	r := SampleReport()
	r.KPIType = KPICount
	r.KPI = "orders"
	md := markdownOf(t, r)
	assert.Contains(t, md, "| channel | spend | CPIK MMM alone | CPIK calibrated | mCPIK calibrated |")
	assert.Contains(t, md, "MTA CPA")
	assert.NotContains(t, md, "ROI calibrated")
	c := r.Channels[0]
	want := formatInterval(c.Calibrated.Contribution.Per(c.Spend), formatSig)
	assert.Equal(t, want, tableRows(md, "## Channels")[0][3], "CPIK = spend / contribution, ends swapped")
	// An explicit CPIK wins over the derived one.
	r.Channels[0].Calibrated.CPIK = &Interval{Mean: 7, Lo: 6, Hi: 8}
	assert.Equal(t, "7.00 (6.00–8.00)", tableRows(markdownOf(t, r), "## Channels")[0][3])
}

func TestMarkdownEscapesUserText(t *testing.T) {
	r := SampleReport()
	r.Channels[0].Name = "a|b\nc<x> <3"
	md := markdownOf(t, r)
	assert.Contains(t, md, `| a\|b c\<x> <3 |`)
	assert.Len(t, tableRows(md, "## Channels"), 6, "a pipe or newline in a name does not break the table")
}

func TestMarkdownTargetROISentence(t *testing.T) {
	r := SampleReport()
	r.Budget.TargetROI = &TargetROI{Target: 1.5, Total: 12.5e6}
	var b strings.Builder
	require.NoError(t, WriteMarkdown(&b, r))
	assert.Contains(t, b.String(), "The largest budget whose marginal return stays at or above 1.50 "+r.KPI+" per unit of spend is 12.5M.")
}

// report.md is read in terminals: it holds no HTML entities, whatever the
// user's names and the report's messages contain.
func TestMarkdownHoldsNoHTMLEntities(t *testing.T) {
	r := SampleReport()
	r.Channels[0].Name = "tv<script>alert(1)</script> & co"
	r.Warnings = append(r.Warnings, "R-hat 1.0504 > 1.05 for roi[tv]; ESS 12 < 400", "a <b>bold</b> claim")
	md := markdownOf(t, r)
	assert.NotRegexp(t, `&(lt|gt|amp|quot|#[0-9]+);`, md)
	assert.Contains(t, md, `tv\<script>alert(1)\</script> & co`)
	assert.Contains(t, md, "R-hat 1.0504 > 1.05 for roi[tv]; ESS 12 < 400")
}
