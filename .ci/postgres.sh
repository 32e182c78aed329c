#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for one test run: Debian's server binaries, a data folder under /tmp owned by
# the postgres user (initdb refuses to run as root), its own port, trust authentication on loopback only, durability
# off (a test database need not survive a crash). Sourced by .ci/run; usable by hand:
#   source .ci/postgres.sh && start_postgres && echo "$SYNCDASHBOARD_TEST_POSTGRES"; ...; stop_postgres

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Installs Debian's postgresql when its binaries are missing, starts the cluster and exports its connection string.
start_postgres() {
    if [[ -z "$(postgres_bin)" ]]; then
        echo "==> apt-get install postgresql"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
    fi
    local bin; bin=$(postgres_bin)
    # The first free port from 55432 (another cluster, a developer's own server or a second run may hold one).
    PG_TEST_PORT=${PG_TEST_PORT:-55432}
    while (echo >"/dev/tcp/127.0.0.1/$PG_TEST_PORT") 2>/dev/null; do PG_TEST_PORT=$((PG_TEST_PORT + 1)); done
    PG_TEST_DIR=$(mktemp -d /tmp/syncdashboard-pg.XXXXXX)
    chown postgres:postgres "$PG_TEST_DIR"
    echo "==> PostgreSQL test cluster in $PG_TEST_DIR on port $PG_TEST_PORT"
    runuser -u postgres -- "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Loopback only: trust authentication is fine for a cluster no other machine can reach.
    runuser -u postgres -- "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -o \
        "-p $PG_TEST_PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null
    export SYNCDASHBOARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=postgres"
}

# Stops and removes the cluster, whatever state it is in; safe to call twice.
stop_postgres() {
    [[ -n "${PG_TEST_DIR:-}" && -d "$PG_TEST_DIR" ]] || return 0
    runuser -u postgres -- "$(postgres_bin)/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
    echo "==> PostgreSQL test cluster removed"
    PG_TEST_DIR=
}
