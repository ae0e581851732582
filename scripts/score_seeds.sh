#!/usr/bin/env bash
# Score Vigie on the seed reports: ingest ../shared/corpus/seeds into a fresh database, export
# incidents as JSON Lines and run the shared scorer. Usage: scripts/score_seeds.sh [vigie binary]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/debug/vigie}"
db="$(mktemp -d)/seeds.db"
"$bin" --db "$db" ingest ../shared/corpus/seeds >/dev/null
"$bin" --db "$db" incidents --format jsonl > "$(dirname "$db")/seeds.jsonl"
python3 ../shared/eval/score.py --gold ../shared/eval/seeds.gold.jsonl --system "$(dirname "$db")/seeds.jsonl" "${@:2}"
