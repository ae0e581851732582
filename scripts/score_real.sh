#!/usr/bin/env bash
# Score Vigie on the real-news corpus (dev and test splits): scripts/score_real.sh [vigie binary]
# [score_real.py options]. Says "missing" and exits 0 when ~/vigie-real/articles.jsonl is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/vigie}"
python3 scripts/score_real.py --bin "$bin" "${@:2}"
