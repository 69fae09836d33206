#!/bin/sh
# Runs the capture benchmarks in their reference configuration and keeps the JSON.
# Usage: bench/run_capture.sh <build-dir> [out-dir]
set -eu
build=${1:?usage: bench/run_capture.sh <build-dir> [out-dir]}
out=${2:-bench/results}
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
cli="$build/bin/edgewise-cli"
"$cli" bench capture --devices 1000 --rate 100 --samples-per-message 10 --seconds 20 --json \
  > "$out/capture-$stamp.json"
"$cli" bench capture --devices 1000 --samples-per-message 10 --seconds 10 \
  --rate-sweep 100,200,400,800 --json > "$out/capture-sweep-$stamp.json"
echo "wrote $out/capture-$stamp.json and $out/capture-sweep-$stamp.json"
