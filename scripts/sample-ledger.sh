#!/usr/bin/env bash
# Rebuilds the sample province's review ledger with the DEMO keys of demo-keys/:
# every sample answer is submitted by a demo editor and approved by a demo
# reviewer (four eyes), except province/report-sex-determination, which stays
# in the queue to show the gate. For the sample only: real keys are made with
# `portal12320 key new` and never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q --product portal12320
tool=".build/debug/portal12320"
rm -rf Content/approved
: > Content/reviews.jsonl
for reference in $("$tool" review queue --references); do
  case "$reference" in
    nj/*) editor=demo-keys/nj-editor.key; reviewer=demo-keys/nj-reviewer.key ;;
    *)    editor=demo-keys/province-editor.key; reviewer=demo-keys/province-reviewer.key ;;
  esac
  "$tool" review submit "$reference" --key "$editor" >/dev/null
  [ "$reference" = "province/report-sex-determination" ] && continue
  sha=$("$tool" review show "$reference" | sed -n 's/.*  sha256: //p')
  "$tool" review approve "$reference" --key "$reviewer" --sha256 "$sha" >/dev/null
done
"$tool" review verify
