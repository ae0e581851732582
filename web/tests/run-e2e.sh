#!/usr/bin/env bash
# End-to-end test of the web UI: a fresh store with web/tests/fixture.jsonl (fictional reports),
# `vigie serve` on a free loopback port, then web/tests/e2e.mjs in headless Chromium.
# Env: VIGIE_BIN (default $CARGO_TARGET_DIR or target, /debug/vigie, built if missing), CHROMIUM (default /usr/bin/chromium).
# Needs: node + npm (web/node_modules from `npm ci`), Debian's chromium. Output: target/e2e/.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VIGIE_BIN="${VIGIE_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/debug/vigie}"

if [ ! -x "$VIGIE_BIN" ]; then
  echo "run-e2e: $VIGIE_BIN not found, building it (cargo build -p vigie-cli)"
  cargo build -p vigie-cli
fi
if [ ! -d web/node_modules/playwright-core ]; then
  (cd web && npm ci --no-audit --no-fund)
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "run-e2e: ${CHROMIUM:-/usr/bin/chromium} is missing: apt-get install -y chromium" >&2
  exit 2
fi

TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

DB="$TMP/e2e.db"
# Watch zones drawn before the reports come in, so that `watch --once` (no feeds) raises alerts:
# Douentza is inside the RN16 corridor, Djenné and Niono are not.
"$VIGIE_BIN" --db "$DB" -q zones add RN16 --corridor "14.35,-3.90;14.99,-2.95;15.30,-1.70" --buffer 15
"$VIGIE_BIN" --db "$DB" -q zones add "Sévaré base" --point 14.53,-4.10 --radius 20
# hostile.jsonl: a report carrying script, img onerror and javascript: links (shown inert).
"$VIGIE_BIN" --db "$DB" ingest web/tests/fixture.jsonl web/tests/hostile.jsonl
"$VIGIE_BIN" --db "$DB" -q watch --once

PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
URL="http://127.0.0.1:$PORT"
# A write token for the edit-mode check; its name is what the history must show as the author.
E2E_TOKEN="e2e-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
VIGIE_TOKEN="$E2E_TOKEN" "$VIGIE_BIN" --db "$DB" serve --addr "127.0.0.1:$PORT" --token-name e2e-analyst >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

# Wait for /api/health (up to 30 s).
if ! node -e "
  const url = process.argv[1] + '/api/health';
  const deadline = Date.now() + 30000;
  (async () => {
    while (Date.now() < deadline) {
      try { const r = await fetch(url); if (r.ok) process.exit(0); } catch (_) {}
      await new Promise((r) => setTimeout(r, 200));
    }
    process.exit(1);
  })();" "$URL"; then
  echo "run-e2e: the server did not answer on $URL/api/health; its log:" >&2
  cat "$TMP/server.log" >&2
  exit 1
fi

VIGIE_URL="$URL" VIGIE_TOKEN="$E2E_TOKEN" node web/tests/e2e.mjs
