#!/usr/bin/env bash
# Installs what the skyshow-preview browser tests need on a fresh Debian machine:
# Debian's chromium (headless, software WebGL through its bundled SwiftShader) and fonts
# for the page's text. Idempotent: does nothing when everything is already there.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q "install ok installed" \
    || need+=(fonts-dejavu-core)

if [ "${#need[@]}" -eq 0 ]; then
    echo "preview deps: chromium already installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown))"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
/usr/bin/chromium --version
