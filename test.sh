#!/usr/bin/env bash
# Installs what is missing, configures, builds and runs every test (ctest).
# Usage: ./test.sh [extra ctest arguments, e.g. -R capture or -L e2e]
set -euo pipefail
cd "$(dirname "$0")"

./installer/deps.sh
cmake --preset dev
cmake --build --preset dev
ctest --preset dev -j2 "$@"
