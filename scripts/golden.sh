#!/usr/bin/env bash
# Behaviour check for refactors: writes the reports of the demo and of three
# simulated worlds into DIR with wall-clock seconds masked, so that two trees
# can be compared byte for byte:
#   scripts/golden.sh /tmp/before   # on the old tree
#   scripts/golden.sh /tmp/after    # on the new tree
#   diff -r /tmp/before /tmp/after
set -euo pipefail
out=${1:?usage: scripts/golden.sh DIR}
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/triad
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/triad
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(dirname "$bin")
(cd "$work" && "$bin" --quiet run --out "$out/demo")
for seed in 1 2 3; do
  "$bin" --quiet simulate --seed "$seed" --out "$work/world$seed" >/dev/null
  "$bin" --quiet run --config "$work/world$seed/config.yaml" --out "$out/world$seed"
done
# Wall-clock seconds are the only field allowed to differ between runs.
for f in "$out"/*/report.json; do sed -i -E 's/"seconds": [0-9.e+-]+/"seconds": 0/' "$f"; done
for f in "$out"/*/report.md; do sed -i -E -e "s/[0-9.]+ s \\|/N s |/g" -e "s/^\\| seconds \\|.*/| seconds |/" "$f"; done
for f in "$out"/*/report.html; do sed -i -E 's#<tr><td>seconds</td>.*</tr>#<tr><td>seconds</td></tr>#' "$f"; done
# The manifest records timings and the (temporary) input directories.
for f in "$out"/*/manifest.json; do
  sed -i -E -e 's/"seconds": [0-9.e+-]+/"seconds": 0/' -e 's#"(path|panel|lift_tests|mta)": "/[^"]*/#"\1": "#' "$f"
done
# The generation marker records the files' SHA-256, seconds included.
rm -f "$out"/*/.triad-generation.json
echo "golden outputs in $out"
