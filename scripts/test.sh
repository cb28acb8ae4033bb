#!/usr/bin/env bash
# Runs the whole test suite (installs what the tests need first): the Swift
# tests (unit, end-to-end, nginx, preview server), then the Nu HTML check and
# the browser tests on the built sample province.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
swift build --build-tests
swift test --disable-xctest
bash scripts/check-pages.sh
