#!/usr/bin/env bash
# Fuzzes the readers of untrusted input with libFuzzer (not part of the test
# command: it takes a while). Usage: scripts/fuzz.sh [RUNS] [TARGET ...]
#   RUNS     executions per target (default 1000000)
#   TARGET   front-matter, markdown, lexicon, ledger, personal-data (default: all)
# Seeds and every crash input live in Tests/FuzzRegressionTests/Inputs/<target>/;
# a crash found here is copied there, so the test suite replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh build
runs="${1:-1000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front-matter markdown lexicon ledger personal-data)

# A build of its own, so the normal build is not invalidated; lld links it (gold fails on the fuzzer runtime).
swift build -c release --scratch-path .build-fuzz --product portal-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
binary=".build-fuzz/release/portal-fuzz"

status=0
for target in "${targets[@]}"; do
  inputs="Tests/FuzzRegressionTests/Inputs/$target"
  corpus=$(mktemp -d)
  artifacts=$(mktemp -d)
  cp "$inputs"/* "$corpus"/
  echo "== $target: $runs executions"
  if ! PORTAL_FUZZ_TARGET="$target" "$binary" -runs="$runs" -max_len=8192 -timeout=10 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" 2>"$artifacts/log"; then
    status=1
    tail -n 30 "$artifacts/log"
  fi
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done)" "$artifacts/log" || true
  for crash in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -e "$crash" ] || continue
    cp "$crash" "$inputs/$(basename "$crash")"
    echo "kept $inputs/$(basename "$crash") as a regression input"
  done
  rm -rf "$corpus" "$artifacts"
done
exit $status
