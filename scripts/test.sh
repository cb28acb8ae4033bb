#!/usr/bin/env bash
# Runs the whole test suite (installs what the tests need first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
swift build --build-tests
swift test --disable-xctest
