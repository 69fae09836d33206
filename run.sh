#!/usr/bin/env bash
# The main job: set up and build if needed, start an embedded Mosquitto on a free loopback
# port and simulated devices, then open the workbench on a demo project. Without a display
# it runs the lifecycle headless in the CLI and writes a report (demo/report.md).
# Extra arguments go to `edgewise-cli demo` (see `edgewise-cli demo --help`).
set -euo pipefail
cd "$(dirname "$0")"

./installer/deps.sh
if [ ! -f build/dev/build.ninja ]; then
  cmake --preset dev
fi
cmake --build --preset dev

mkdir -p demo
mode=()
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  mode=(--headless)
fi
exec build/dev/bin/edgewise-cli demo --project demo/demo.edgewise --report demo/report \
  "${mode[@]}" "$@"
