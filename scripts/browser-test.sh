#!/bin/sh
# Loads report.html in headless Chromium: checks that the page renders its
# SVG charts with no console errors and takes screenshots.
# Installs Debian's chromium if it is missing; skips (exit 0) with a message
# when it cannot. Set TRIAD_SCREENSHOT_DIR=dir to keep the screenshots.
set -eu
cd "$(dirname "$0")/.."

find_browser() {
	for b in chromium chromium-browser google-chrome google-chrome-stable; do
		if command -v "$b" >/dev/null 2>&1; then
			return 0
		fi
	done
	return 1
}

if ! find_browser; then
	echo "browser-test: chromium not found; trying apt-get install chromium" >&2
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
	fi
	if command -v apt-get >/dev/null 2>&1 &&
		$SUDO apt-get update >/dev/null 2>&1 &&
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium >/dev/null 2>&1 &&
		find_browser; then
		echo "browser-test: chromium installed" >&2
	else
		echo "browser-test: SKIP: chromium is not installed and could not be installed (needs apt-get and root)" >&2
		exit 0
	fi
fi

exec go test -tags browser -run Browser -count=1 -v ./report/
