#!/usr/bin/env bash
# Times `portal12320 build` on a synthetic province of 13 opened cities with
# 500 provincial and 1,000 city answers each (change with PROVINCIAL, PER_CITY),
# RUNS times. OURS=PATH uses a prebuilt portal12320 and skips `swift build`.
# The figures are printed under the date (UTC) and the command, and appended
# to Benchmarks/results/build.md (newest run last).
# Run on demand: bash Benchmarks/build.sh   (or: OURS=.build/release/portal12320 RUNS=2 bash Benchmarks/build.sh)
set -euo pipefail
ours_as_given=${OURS:-}
if [ -n "${OURS:-}" ]; then
  [ -f "$OURS" ] && [ -x "$OURS" ] || { echo "OURS=$OURS: not an executable file" >&2; exit 2; }
  OURS="$(cd "$(dirname "$OURS")" && pwd)/$(basename "$OURS")"
fi
cd "$(dirname "$0")/.."
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=Benchmarks/work
PROVINCIAL=${PROVINCIAL:-500}
PER_CITY=${PER_CITY:-1000}
RUNS=${RUNS:-3}
command_line="PROVINCIAL=$PROVINCIAL PER_CITY=$PER_CITY RUNS=$RUNS${ours_as_given:+ OURS=$ours_as_given} bash Benchmarks/build.sh"

bash scripts/install-deps.sh build
if [ -n "${OURS:-}" ]; then
  binary=$OURS
  origin="$OURS (prebuilt, modified $(date -u -r "$OURS" +%Y-%m-%dT%H:%M:%SZ))"
else
  swift build -c release --product portal12320 >/dev/null
  binary=.build/release/portal12320
  origin="built by this run (swift build -c release --product portal12320)"
fi
python3 Benchmarks/generate-province.py "$work/Content" --provincial "$PROVINCIAL" --per-city "$PER_CITY"

figures=$(mktemp)
timing=$(mktemp)
output=$(mktemp)
trap 'rm -f "$figures" "$timing" "$output"' EXIT
say() { echo "$*" | tee -a "$figures"; }
say "province: $PROVINCIAL provincial + $PER_CITY answers per city; $RUNS runs"
say "cores: $(nproc)"
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -o "$timing" -f "run $run: %e s wall, %U s user, %S s system, %M KB max RSS" \
    "$binary" build --content "$work/Content" --templates Templates --output "$work/dist" >"$output"
  say "$(cat "$timing") | $(tail -1 "$output")"
done
say "files: $(find "$work/dist" -type f | wc -l), size: $(du -sh "$work/dist" | cut -f1)"
# Prints the figures again under their date and command, and appends them to Benchmarks/results/build.md.
python3 Benchmarks/common.py record build --command "$command_line" --started "$started" \
  --load-at-start "$load_at_start" --note "ours: $origin" <"$figures"
