#!/usr/bin/env bash
# Builds the .deb with CPack and checks that it installs the three executables and the
# desktop entry. Usage: check_deb.sh <build dir>
set -euo pipefail
build="$1"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/*.deb | head -1)
[ -f "$deb" ] || { echo "no .deb produced"; exit 1; }
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/edgewise ./usr/bin/edgewise-cli ./usr/bin/edgewise-agent \
         ./usr/share/applications/edgewise.desktop; do
  grep -q " $f\$" <<<"$contents" || { echo "missing in package: $f"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q "libqt6widgets6" <<<"$depends" || { echo "Depends lacks Qt: $depends"; exit 1; }
echo "ok: $(basename "$deb") with $(wc -l <<<"$contents") entries; Depends: ${depends:0:120}..."
