#!/usr/bin/env bash
# What a newcomer with only the .NET SDK gets: clones the committed HEAD into a temp folder, builds it and starts it
# with `dotnet run` while node and npm are hidden from PATH, then asks for / and for the chart library, and stops it.
# Exits non-zero when any of that fails. Run by .ci/run; runnable by hand from the repository root.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# Seconds; the same scale as the tests' time-outs (SYNCDASHBOARD_TEST_TIMEOUT_SCALE), for a busy machine.
scale=${SYNCDASHBOARD_TEST_TIMEOUT_SCALE:-1}
start_within=$(awk -v s="$scale" 'BEGIN { printf "%d", 120 * s }')

work=$(mktemp -d)
app=
cleanup() {
    if [[ -n $app ]] && kill -0 "$app" 2>/dev/null; then
        kill -KILL -- "-$app" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# A PATH of links to every tool in the usual folders, and to dotnet wherever it is, but none of Node.js's.
bin=$work/bin
mkdir "$bin"
ln -s "$(command -v dotnet)" "$bin/dotnet"
for dir in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
    [[ -d $dir ]] || continue
    for tool in "$dir"/*; do
        name=${tool##*/}
        case $name in node | nodejs | npm | npx | corepack) continue ;; esac
        [[ -e $bin/$name || -L $bin/$name ]] || ln -s "$tool" "$bin/$name"
    done
done
bare() { env PATH="$bin" "$@"; }
for tool in node nodejs npm npx; do
    if bare bash -c "command -v $tool" >/dev/null; then
        echo "fresh clone: $tool is still on the bare PATH" >&2
        exit 1
    fi
done
echo "fresh clone: node and npm hidden (PATH=$bin)"

git clone --quiet --no-local "$root" "$work/src"
echo "fresh clone: $(git -C "$work/src" log -1 --format='%h %s' | cut -c1-100)"

# No build servers: nothing of this build may outlive the check.
bare dotnet build "$work/src/SyncDashboard/SyncDashboard.csproj" -v q --nologo --disable-build-servers -p:UseSharedCompilation=false

# `dotnet run` as the README has it (its launch profile: Development), on ports of its own choosing. setsid makes the
# app the leader of a process group, so stopping the group stops dotnet run and the app it started.
log=$work/app.log
(cd "$work/src" && exec setsid env PATH="$bin" dotnet run --project SyncDashboard --no-build -- \
    --urls http://127.0.0.1:0 --Simulator:Url http://127.0.0.1:0) >"$log" 2>&1 &
app=$!

address=
for ((i = 0; i < start_within * 2; i++)); do
    address=$(sed -n 's/.*Now listening on: \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)
    [[ -n $address ]] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
done
if [[ -z $address ]]; then
    echo "fresh clone: the app did not start within ${start_within}s; its output:" >&2
    tail -n 40 "$log" >&2
    exit 1
fi
echo "fresh clone: app listening on $address"

status=0
for path in / /lib/apexcharts/apexcharts.min.js; do
    code=$(curl -s -o "$work/body" -w '%{http_code}' --max-time 30 "$address$path" || true)
    echo "fresh clone: GET $path -> $code"
    [[ $code == 200 ]] || status=1
done
# The library served is the committed one, byte for byte.
served=$(sha256sum "$work/body" | cut -d' ' -f1)
recorded=$(cut -d' ' -f1 "$work/src/SyncDashboard/wwwroot/lib/apexcharts/apexcharts.min.js.sha256")
if [[ $served != "$recorded" ]]; then
    echo "fresh clone: served apexcharts.min.js has SHA-256 $served, recorded $recorded" >&2
    status=1
fi

kill -TERM -- "-$app" 2>/dev/null || true
for ((i = 0; i < 60; i++)); do
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
done
if kill -0 "$app" 2>/dev/null; then
    echo "fresh clone: the app did not stop within 30s of SIGTERM" >&2
    status=1
else
    wait "$app" 2>/dev/null || true
    echo "fresh clone: app stopped"
fi
app=
((status == 0)) || tail -n 40 "$log" >&2
exit "$status"
