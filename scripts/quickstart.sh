#!/usr/bin/env bash
# Fresh machine to built sample province: installs what is missing, builds the
# tool in release mode and builds every site of Content/ into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh build
swift build -c release --product portal12320
.build/release/portal12320 build --content Content --templates Templates --output dist
