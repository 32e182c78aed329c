#!/usr/bin/env bash
# The multi-node soak (SyncDashboard.Tests/MultiNode/SoakFacts.cs): three app processes on one PostgreSQL database
# against the Todoist simulator, with at least N faults injected (nodes killed and replaced; Todoist 5xx, 429,
# time-outs and malformed answers; webhooks dropped and delivered twice), then its counts: faults by kind, runs,
# overlaps, lost jobs, mirror differences. Not part of CI (it takes long). From the repository root:
#   scripts/soak.sh [--faults 1000] [--postgres 'Host=…;Username=…;Database=postgres']
# Without --postgres (or SYNCDASHBOARD_TEST_POSTGRES) it starts a throwaway cluster as .ci/postgres.sh does (root only).
set -euo pipefail

cd "$(dirname "$0")/.."
faults=1000
while (($#)); do
    case $1 in
        --faults) faults=$2; shift 2 ;;
        --postgres) export SYNCDASHBOARD_TEST_POSTGRES=$2; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

if [[ -z ${SYNCDASHBOARD_TEST_POSTGRES:-} ]]; then
    source .ci/postgres.sh
    trap stop_postgres EXIT
    start_postgres
fi

export SYNCDASHBOARD_SOAK_FAULTS=$faults
dotnet build SyncDashboard.Tests -v q -nologo
# Explicit: xUnit runs it only when asked to.
dotnet test SyncDashboard.Tests --no-build --filter "FullyQualifiedName~MultiNode.SoakFacts" \
    --logger "console;verbosity=detailed" -- xUnit.Explicit=only
