#!/usr/bin/env bash
# Loopback load test of the read API on a large store. Not part of `make test` (no timed
# assertions): it prints requests/s, p50, p99 and errors per endpoint; RELIABILITY.md keeps them.
#
# Usage: scripts/load_test.sh [ARTICLES=100000] [SECONDS=15] [CONNECTIONS=16]
# Env: VIGIE_BIN (default target/release/vigie; build it with `cargo build --release -p vigie-cli`),
#      LOAD_DIR (where the generated corpus and store are kept and reused; default a temp dir),
#      WRK (default wrk: `apt-get install wrk`).
# The store is made from scripts/gen_synthetic.py (fictional template reports, ~3 KB each).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-100000}"
SECS="${2:-15}"
CONNS="${3:-16}"
VIGIE_BIN="${VIGIE_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/vigie}"
WRK="${WRK:-wrk}"
if [ -n "${LOAD_DIR:-}" ]; then
  DIR="$LOAD_DIR"
  mkdir -p "$DIR"
else
  DIR="$(mktemp -d)"
  trap 'rm -rf "$DIR"' EXIT
fi
DB="$DIR/load-$N.db"

if [ ! -s "$DB" ]; then
  echo "load: generating $N reports and ingesting them into $DB"
  [ -s "$DIR/load-$N.jsonl" ] || python3 "$ROOT/scripts/gen_synthetic.py" "$N" 7 > "$DIR/load-$N.jsonl"
  /usr/bin/time -f "load: ingest took %e s, peak RSS %M KB" "$VIGIE_BIN" --db "$DB" -q ingest "$DIR/load-$N.jsonl"
fi

"$VIGIE_BIN" --db "$DB" serve --addr 127.0.0.1:0 >"$DIR/server.log" 2>&1 &
SERVER_PID=$!
stop() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
trap 'stop; [ -n "${LOAD_DIR:-}" ] || rm -rf "$DIR"' EXIT
URL=""
for _ in $(seq 1 300); do
  URL="$(sed -n 's|.* on \(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$DIR/server.log" | head -n 1)"
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { echo "load: vigie serve did not start" >&2; cat "$DIR/server.log" >&2; exit 1; }

ID="$(curl -s "$URL/api/incidents?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
TOTAL="$(curl -s "$URL/api/stats" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("incidents", d))' 2>/dev/null || true)"
echo "load: $N articles, incidents: $TOTAL; $CONNS connections, 2 threads, $SECS s per endpoint; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-58s %10s %9s %9s %8s\n' endpoint "req/s" p50 p99 errors
for path in \
  "/api/health" \
  "/api/incidents" \
  "/api/incidents?view=summary" \
  "/api/incidents?country=Mali&since=2025-03-01&until=2025-06-30" \
  "/api/incidents?country=Mali&since=2025-03-01&until=2025-06-30&view=summary" \
  "/api/incidents?q=douentza&limit=20" \
  "/api/incidents?q=douentza&limit=20&view=summary" \
  "/api/incidents?near=14.45,-11.43,50&limit=20" \
  "/api/incidents?near=14.45,-11.43,50&limit=20&view=summary" \
  "/api/incidents/$ID" \
  "/api/incidents.geojson?since=2025-06-01&until=2025-06-30" \
  "/api/incidents?bbox=-5.5,13.5,-1.5,16.5&limit=100" \
  "/api/incidents?bbox=-5.5,13.5,-1.5,16.5&limit=100&view=summary" \
  "/api/map?zoom=3" \
  "/api/map?bbox=-17.6,4.0,16.2,24.5&zoom=5" \
  "/api/map?bbox=-5.5,13.5,-1.5,16.5&zoom=8&type=Battles" \
  "/api/stats" \
  "/api/articles?limit=50"; do
  out="$("$WRK" -t2 -c"$CONNS" -d"${SECS}s" --timeout 30s --latency "$URL$path")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  sock="$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out")"
  printf '%-58s %10s %9s %9s %8s\n' "${path/$ID/{id\}}" "$rps" "$p50" "$p99" "$(( ${non2xx:-0} + ${sock:-0} ))"
done
