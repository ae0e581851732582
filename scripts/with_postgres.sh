#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on loopback:
#
#   bash scripts/with_postgres.sh cargo test -p vigie-store
#
# initdb's a temporary directory, starts the server on 127.0.0.1 on a free port (trust
# authentication, loopback only, durability off: it is thrown away), creates the database
# `vigie_test`, exports VIGIE_TEST_POSTGRES=postgres://vigie@127.0.0.1:PORT/vigie_test and
# VIGIE_REQUIRE_POSTGRES=1 (so the tests fail rather than fall back to SQLite), runs the
# command, then stops the server and removes the directory.
#
# Needs the PostgreSQL server binaries (Debian: `apt-get install postgresql`). When they are
# missing the command is not run: an error under CI or VIGIE_REQUIRE_POSTGRES=1, else a
# warning (a developer without PostgreSQL still gets the rest of `make test`).
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    bindir="$(pg_config --bindir)"
fi
if [ -z "$bindir" ]; then
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
            bindir="$d"
            break
        fi
    done
fi
if [ -z "$bindir" ]; then
    if [ "${CI:-}" = "true" ] || [ "${VIGIE_REQUIRE_POSTGRES:-}" = "1" ]; then
        echo "error: PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql" >&2
        exit 1
    fi
    echo "warning: PostgreSQL is not installed: skipped '$*' (install Debian's postgresql to run it)" >&2
    exit 0
fi

# initdb refuses to run as root: the cluster then belongs to the postgres user.
as_owner=()
if [ "$(id -u)" = "0" ]; then
    if ! id postgres >/dev/null 2>&1; then
        echo "error: running as root and there is no 'postgres' user to own the test cluster" >&2
        exit 1
    fi
    as_owner=(runuser -u postgres --)
fi

dir="$(mktemp -d /tmp/vigie-pg.XXXXXX)"
chmod 700 "$dir"
if [ "${#as_owner[@]}" -gt 0 ]; then
    chown postgres: "$dir"
fi

stop() {
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U vigie --auth=trust --no-locale -E UTF8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# A port nobody listens on may still be taken (an outgoing connection's local port, a socket in
# TIME_WAIT): when the server cannot bind it, the next free one is tried.
port=""
for p in $(seq 55432 55631); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        continue
    fi
    rm -f "$dir/server.log"
    if "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $p -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
        port="$p"
        break
    fi
    if ! grep -q "could not bind\|could not create any TCP/IP sockets" "$dir/server.log"; then
        cat "$dir/server.log" >&2
        exit 1
    fi
done
if [ -z "$port" ]; then
    echo "error: no free port in 55432-55631 for the test PostgreSQL" >&2
    exit 1
fi
"${as_owner[@]}" "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U vigie -d postgres \
    -c "CREATE DATABASE vigie_test" >/dev/null
# The tests' stores live in scratch schemas dropped at their end; an extension a store created
# in one would go with it (and take the other stores' trigram indexes along), so pg_trgm is
# installed once here, in public, as a database administrator would.
"${as_owner[@]}" "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U vigie -d vigie_test \
    -c "CREATE EXTENSION pg_trgm" >/dev/null

export VIGIE_TEST_POSTGRES="postgres://vigie@127.0.0.1:$port/vigie_test"
export VIGIE_REQUIRE_POSTGRES=1
echo "test PostgreSQL on 127.0.0.1:${port} (${bindir}), running: $*" >&2
status=0
"$@" || status=$?
exit "$status"
