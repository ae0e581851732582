#!/usr/bin/env bash
# The tests that run against PostgreSQL: every store test (on a scratch schema each) and the
# CLI's PostgreSQL tests (concurrent ingests, migrate). Run it inside scripts/with_postgres.sh,
# which starts the server and sets VIGIE_TEST_POSTGRES and VIGIE_REQUIRE_POSTGRES=1.
set -uo pipefail
cargo="${CARGO:-cargo}"
status=0
"$cargo" test -p vigie-store --no-fail-fast || status=1
"$cargo" test -p vigie-cli --test postgres --no-fail-fast || status=1
exit "$status"
