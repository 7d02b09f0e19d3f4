package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// consoleProblems returns the lines of Chromium's stderr (with
// --enable-logging=stderr) that report page errors or console output.
// Our pages have no scripts, so any console line is a problem.
func consoleProblems(stderr string) []string {
	var bad []string
	for line := range strings.Lines(stderr) {
		if strings.Contains(line, "Uncaught") || strings.Contains(line, ":CONSOLE") ||
			strings.Contains(line, "Refused to") || strings.Contains(line, "net::ERR_") {
			bad = append(bad, strings.TrimSpace(line))
		}
	}
	return bad
}

// The browser test's detector must catch what Chromium really prints
// (lines captured from Chromium 156 on Debian 12).
func TestConsoleProblems(t *testing.T) {
	stderr := `[17338:17338:1123/094539.296966:WARNING:ui/base/idle/idle_linux.cc:111] None of the known D-Bus ScreenSaver services could be used.
[17338:17338:1123/094545.221460:INFO:CONSOLE:1] "boom", source: file:///tmp/rep/bad.html (1)
[17338:17338:1123/094545.226212:INFO:CONSOLE:1] "Uncaught ReferenceError: undefinedFn is not defined", source: file:///tmp/rep/bad.html (1)
[2065:2103:1123/093649.890967:ERROR:dbus/bus.cc:405] Failed to connect to the bus: Could not parse server address
`
	assert.Len(t, consoleProblems(stderr), 2)
	assert.Empty(t, consoleProblems("[1:1:ERROR:dbus/bus.cc:405] Failed to connect to the bus\n"))
}
