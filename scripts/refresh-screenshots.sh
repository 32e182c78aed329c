#!/usr/bin/env bash
# Retakes the pictures in docs/screenshots: the browser tests take them as they run, and this points them there
# instead of the test output. Extra arguments go to dotnet test. See docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
    echo "Chromium not found at $chromium; install it with: sudo apt-get install -y chromium fonts-dejavu-core" >&2
    exit 1
fi

SYNCDASHBOARD_SCREENSHOTS_DIR=docs/screenshots \
    dotnet test SyncDashboard.Tests --filter "FullyQualifiedName~SyncDashboard.Tests.Browser" "$@"
echo "==> changed pictures (review them before committing):"
git status --short -- docs/screenshots
