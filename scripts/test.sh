#!/usr/bin/env bash
# Runs the whole test suite (installs what the tests need first): the Swift
# tests (unit, end-to-end, nginx, preview server), then the Nu HTML check and
# the browser tests on the built sample province.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
# The tests' scratch folders go to memory (tmpfs) where the machine has it: on a
# disk mounted with `discard` (this machine kind's root is), every deleted file
# waits for the disk, which cost the suite three minutes of system time and more
# than a minute of its wall time. What the tests check does not depend on it.
# A TMPDIR set by the caller is kept.
if [[ -z "${TMPDIR:-}" && -d /dev/shm && -w /dev/shm ]]; then
    scratch=$(mktemp -d /dev/shm/portal12320-tests.XXXXXX)
    chmod 755 "$scratch" # as the folders the tests make in /tmp: nginx's workers read from them
    trap 'rm -rf "$scratch"' EXIT
    export TMPDIR="$scratch"
fi
swift build --build-tests
# Built just above: without --skip-build, `swift test` checks every target again (12 s on this machine).
swift test --disable-xctest --skip-build
bash scripts/check-pages.sh
