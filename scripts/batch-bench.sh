#!/usr/bin/env bash
# The batch target: RUNS national simulated worlds (each `triad simulate
# --seed i`: 156 weeks, 6 channels, lift tests, an MTA export; triad run fits
# the MMM alone and calibrated, 4 chains × (1000 + 1000) each) through one
# `triad batch`, timed, with the CPU utilisation of the batch process, then
# killed part-way and resumed to check that no run is done twice.
#
#   scripts/batch-bench.sh [RUNS [JOBS]]      # defaults: 100 runs, triad's default --jobs
#   KILL_AT=0 scripts/batch-bench.sh 100      # the timed pass only, no kill and resume
#   KILL_AT=0.5 scripts/batch-bench.sh 10     # the kill comes at this share of the first pass's wall time
#   WORK=/tmp/bb scripts/batch-bench.sh 10    # keep the worlds and outputs there
#
# It prints, for the timed pass: runs, wall seconds, user+sys CPU seconds,
# CPU utilisation = CPU seconds / (wall × cores), CPU seconds per run, the
# machine's load average before and after, the share of the cores' time the
# batch itself left idle (from the Go scheduler: near 0 when the batch keeps
# its cores busy, on a loaded machine too), the projected wall time of 100
# runs (at that pass's rate, and at its CPU-s per run with every core the
# batch's, the figure for a loaded machine), and whether every run was done
# exactly once (reported once, one generation of its files); for the kill:
# runs finished before the kill, runs done after it, and runs done twice
# (must be 0). It exits non-zero when a run failed or was done other than
# once.
set -euo pipefail
runs=${1:-100}
jobs=${2:-}
kill_at=${KILL_AT:-0.5}
cd "$(dirname "$0")/.."
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
bin="$work/triad"
go build -o "$bin" ./cmd/triad
cores=$(nproc)

# The worlds and the manifest: one listed config per world.
mkdir -p "$work/worlds"
{
  echo "output_root: out"
  echo "runs:"
  for i in $(seq 1 "$runs"); do
    [ -f "$work/worlds/w$i/config.yaml" ] || "$bin" --quiet simulate --seed "$i" --out "$work/worlds/w$i" >/dev/null
    echo "  - {name: brand$i, config: worlds/w$i/config.yaml}"
  done
} >"$work/runs.yaml"

jobflag=()
[ -n "$jobs" ] && jobflag=(--jobs "$jobs")

# timed PASS ARGS...: runs triad batch under /usr/bin/time, stdout to PASS.out.
timed() {
  local pass=$1
  shift
  cut -d' ' -f1-3 /proc/loadavg >"$work/$pass.load"
  /usr/bin/time -f "%e %U %S" -o "$work/$pass.time" "$bin" batch --manifest "$work/runs.yaml" "${jobflag[@]}" "$@" >"$work/$pass.out" 2>"$work/$pass.err" || true
}

report() {
  local pass=$1 n
  read -r wall user sys <"$work/$pass.time"
  n=$(grep -c '^ok' "$work/$pass.out" || true)
  awk -v p="$pass" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v c="$cores" -v l0="$(cat "$work/$pass.load")" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    cpu = u + s
    printf "%s: %d runs ok, wall %.1f s, CPU %.1f s (user %.1f, sys %.1f), utilisation %.0f%% of %d cores, %.1f CPU-s per run, load average %s before, %s after\n",
      p, n, w, cpu, u, s, 100 * cpu / (w * c), c, (n > 0 ? cpu / n : 0), l0, l }'
  # The batch's own idle share (triad's closing log line): the cores' time it
  # had nothing to run on, whatever else the machine was running.
  echo "$pass: cores left idle by the batch itself: $(sed -n 's/.*msg="batch done".*idle_cores=\([^ ]*\).*/\1/p' "$work/$pass.err")"
}

# once: every run of the manifest reported ok exactly once by pass $1 and
# holding the first generation of its files.
once() {
  local pass=$1 ok dup gen1=0 d
  ok=$(grep -c '^ok' "$work/$pass.out" || true)
  dup=$(grep '^ok' "$work/$pass.out" | cut -f2 | sort | uniq -d | wc -l)
  for d in "$work"/out/*/; do
    [ "$(jq '.sets.run.generation' "$d/.triad-generation.json" 2>/dev/null)" = 1 ] && gen1=$((gen1 + 1))
  done
  echo "$pass: runs done exactly once: $([ "$ok" -eq "$runs" ] && [ "$dup" -eq 0 ] && [ "$gen1" -eq "$runs" ] && echo yes || echo NO) ($ok of $runs reported ok, $dup reported twice, $gen1 with one generation)"
  [ "$ok" -eq "$runs" ] && [ "$dup" -eq 0 ] && [ "$gen1" -eq "$runs" ]
}

# Pass 1: the whole batch, from scratch.
rm -rf "$work/out"
timed full
report full
full_wall=$(cut -d' ' -f1 "$work/full.time")
read -r _ fu fs <"$work/full.time"
awk -v w="$full_wall" -v n="$runs" -v cpu="$(awk -v u="$fu" -v s="$fs" 'BEGIN { print u + s }')" -v c="$cores" 'BEGIN {
  printf "full: projected wall time of 100 such runs: %.1f min at this pass'"'"'s rate, %.1f min with all %d cores the batch'"'"'s (CPU-s per run × 100 / cores)\n",
    w / n * 100 / 60, cpu / n * 100 / c / 60, c }'
ok_once=0
once full || ok_once=1
[ "$kill_at" = 0 ] && exit "$ok_once"

# Pass 2: again from scratch, SIGKILLed at KILL_AT of pass 1's wall time,
# then resumed.
rm -rf "$work/out"
"$bin" --quiet batch --manifest "$work/runs.yaml" "${jobflag[@]}" >"$work/killed.out" 2>"$work/killed.err" &
pid=$!
sleep "$(awk -v w="$full_wall" -v k="$kill_at" 'BEGIN { print w * k }')"
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
timed resumed
report resumed
before=$(grep -c '^ok' "$work/killed.out" || true)
skipped=$(grep -c '^skipped' "$work/resumed.out" || true)
# Runs reported done by both the killed pass and the resumed one.
twice=$(comm -12 <(grep '^ok' "$work/killed.out" | cut -f2 | sort) <(grep '^ok' "$work/resumed.out" | cut -f2 | sort) | wc -l)
# Each completed run commits its files once and its record once: a run done
# twice would have a later generation of its files.
regen=0
for d in "$work"/out/*/; do
  g=$(jq '.sets.run.generation' "$d/.triad-generation.json")
  [ "$g" -eq 1 ] || regen=$((regen + 1))
done
echo "kill: SIGKILL after $(awk -v w="$full_wall" -v k="$kill_at" 'BEGIN { printf "%.0f", w * k }') s; $before runs reported done before it, $skipped skipped on resume (complete, incl. any finished but unreported), $(grep -c '^ok' "$work/resumed.out" || true) done on resume; runs done twice: $twice by the outputs, $regen by the generations"
[ "$twice" -eq 0 ] && [ "$regen" -eq 0 ] && [ "$ok_once" -eq 0 ]
