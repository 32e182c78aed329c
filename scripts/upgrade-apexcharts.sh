#!/usr/bin/env bash
# Replaces the committed chart library with another ApexCharts 4.x release from npm and records its SHA-256:
#
#     scripts/upgrade-apexcharts.sh 4.7.0
#
# Only the person upgrading needs npm; the build never calls it. 4.x only: 5.x is no longer MIT-licensed.
# Afterwards: run the pin test and the chart tests (docs/client-libraries.md), look at the charts, commit the folder
# and the test's new version together.
set -euo pipefail

usage="usage: $0 4.MINOR.PATCH   (an ApexCharts 4.x release on npm, e.g. 4.7.0)"
(($# == 1)) || { echo "$usage" >&2; exit 2; }
version=$1
if [[ ! $version =~ ^4\.[0-9]+\.[0-9]+$ ]]; then
    echo "refusing '$version': give a plain 4.x release, 4.MINOR.PATCH (from 5.0 on ApexCharts is not MIT-licensed)" >&2
    echo "$usage" >&2
    exit 2
fi
command -v npm >/dev/null 2>&1 || {
    echo "npm not found: upgrading fetches the package with npm (Debian/Ubuntu: sudo apt-get install -y nodejs npm)" >&2
    exit 1
}

root=$(cd "$(dirname "$0")/.." && pwd)
target=$root/SyncDashboard/wwwroot/lib/apexcharts
pin_test=$root/SyncDashboard.Tests/Browser/ApexChartsLibraryFacts.cs

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm pack fetches the published tarball as is: no install, no scripts, no node_modules.
tarball=$(cd "$work" && npm pack "apexcharts@$version" --silent --ignore-scripts | tail -n 1)
tar -xzf "$work/$tarball" -C "$work"
package=$work/package

# npm runs on node, so node is here to read the manifest.
published=$(node -p 'require(process.argv[1]).version' "$package/package.json")
license=$(node -p 'require(process.argv[1]).license' "$package/package.json")
[[ $published == "$version" ]] || { echo "npm gave version '$published', not $version" >&2; exit 1; }
[[ $license == MIT ]] || { echo "apexcharts $version is licensed '$license', not MIT: not taking it" >&2; exit 1; }
head -c 200 "$package/dist/apexcharts.min.js" | grep -q "ApexCharts v$version" \
    || { echo "dist/apexcharts.min.js has no 'ApexCharts v$version' banner" >&2; exit 1; }

mkdir -p "$target"
cp "$package/dist/apexcharts.min.js" "$package/LICENSE" "$target/"
(cd "$target" && sha256sum apexcharts.min.js > apexcharts.min.js.sha256)

# The pin test names the version it expects; move it with the file.
sed -i -E "s/(const string PinnedVersion = \")[^\"]*(\";)/\1$version\2/" "$pin_test"
grep -q "const string PinnedVersion = \"$version\";" "$pin_test" \
    || { echo "could not set PinnedVersion in $pin_test" >&2; exit 1; }

echo "apexcharts $version -> ${target#"$root"/}/"
cat "$target/apexcharts.min.js.sha256"
