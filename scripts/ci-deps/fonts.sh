#!/usr/bin/env bash
# Installs the font the festival example's text formations use (二月二 龙抬头 and the chapter
# titles, family "Noto Sans CJK SC"): Debian's fonts-noto-cjk. Idempotent: does nothing when
# the package is already installed.
set -euo pipefail

pkg=fonts-noto-cjk
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    echo "font deps: $pkg already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$pkg"
echo "font deps: installed $pkg"
