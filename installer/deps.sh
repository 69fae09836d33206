#!/usr/bin/env bash
# Installs every Debian 12 package that Edgewise needs to build, run its demo and pass its
# tests. Idempotent: does nothing when all packages are present.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # product dependencies
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6svg6-dev libgl-dev
  libqcustomplot-dev libopencv-dev libtorch-dev libpaho-mqttpp-dev libpaho-mqtt-dev
  libsqlite3-dev sqlite3 libsodium-dev nlohmann-json3-dev libssl-dev zlib1g-dev
  # tests, demo and benchmarks
  libgtest-dev libgmock-dev mosquitto mosquitto-clients xvfb xauth
  python3 python3-numpy python3-scipy python3-sklearn python3-torch
  fonts-dejavu-core fonts-noto-cjk dpkg-dev file
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "deps: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The Debian mosquitto package enables a system service; Edgewise always starts its own
# broker on a free loopback port, so a system one is neither needed nor touched.
echo "deps: done"
