#!/usr/bin/env bash
# Score Vigie on ACLED's own Mali notes of one year (../shared/data/acled-mali-2017-2018, internal
# evaluation only: nothing of it enters the repository). Usage: scripts/score_acled.sh YEAR
# [vigie binary]. 2017 is the year studied, 2018 the test year that is only measured.
set -euo pipefail
cd "$(dirname "$0")/.."
year="${1:?usage: scripts/score_acled.sh YEAR [vigie binary]}"
bin="${2:-target/release/vigie}"
data=../shared/data/acled-mali-2017-2018/events.csv
if [ ! -f "$data" ]; then
    echo "missing: $data"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 ../shared/eval/acled_notes.py "$data" "$work" --years "$year" >/dev/null
"$bin" -q --db "$work/v.db" ingest "$work/acled.articles.jsonl" >/dev/null || true
"$bin" --db "$work/v.db" incidents --format jsonl > "$work/incidents.jsonl"
python3 ../shared/eval/score.py --gold "$work/acled.gold.jsonl" --system "$work/incidents.jsonl" --json \
    > "$work/score.json"
python3 - "$work" "$year" <<'PY'
import json, sys
work, year = sys.argv[1], sys.argv[2]
m = json.load(open(f"{work}/score.json"))["metrics"]
notes = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(f"{work}/acled.articles.jsonl")}
incidents = [json.loads(l) for l in open(f"{work}/incidents.jsonl")]
held = [[a["ref"] for a in i["articles"]] for i in incidents if len(i["articles"]) > 1]
# Notes of two events in one incident; ACLED splits a multi-day event into one event per day
# with the same note, which no reader of the text can tell apart: counted separately.
distinct = [refs for refs in held if len({notes[r] for r in refs}) > 1]
keys = ["incident_recall", "incident_precision", "event_type_accuracy", "sub_event_type_accuracy",
        "actor_accuracy", "fatalities_accuracy", "date_accuracy", "reports_dated_right"]
print(f"ACLED {year}: " + " ".join(f"{k.replace('_accuracy', '')}={m[k]:.3f}" for k in keys))
print(f"  system incidents {len(incidents)}; holding notes of several events {len(held)} "
      f"({len(held) / max(len(incidents), 1):.1%}), of which with different notes {len(distinct)} "
      f"({len(distinct) / max(len(incidents), 1):.1%})")
PY
