#!/usr/bin/env bash
# Installs the Debian packages portal12320 needs to build and test, when missing.
# Usage: scripts/install-deps.sh [build|test]   (test adds what the test suite uses)
set -euo pipefail

want=(libcmark-dev libopencc-dev libopencc1.1 pkg-config)
if [ "${1:-build}" = "test" ]; then
  want+=(nginx)
fi

missing=()
for package in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
