#!/usr/bin/env bash
# Times `portal12320 build` on a synthetic province of 13 opened cities with
# 500 provincial and 1,000 city answers each (change with PROVINCIAL, PER_CITY).
# Run on demand: bash Benchmarks/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=Benchmarks/work
PROVINCIAL=${PROVINCIAL:-500}
PER_CITY=${PER_CITY:-1000}
RUNS=${RUNS:-3}
bash scripts/install-deps.sh build
swift build -c release --product portal12320 >/dev/null
python3 Benchmarks/generate-province.py "$work/Content" --provincial "$PROVINCIAL" --per-city "$PER_CITY"
echo "cores: $(nproc)"
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "run $run: %e s wall, %U s user, %S s system, %M KB max RSS" \
    .build/release/portal12320 build --content "$work/Content" --templates Templates --output "$work/dist" | tail -1
done
echo "files: $(find "$work/dist" -type f | wc -l), size: $(du -sh "$work/dist" | cut -f1)"
