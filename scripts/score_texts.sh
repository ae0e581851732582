#!/usr/bin/env bash
# Score Vigie on a folder of our own test reports (NN_name.txt with "# published:" and "# lang:"
# header lines) against the folder's gold.jsonl, with ../shared/eval/score.py.
# Usage: scripts/score_texts.sh DIR [vigie binary] [score.py options, e.g. --show]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$1"
bin="${2:-target/debug/vigie}"
work="$(mktemp -d)"
python3 - "$dir" "$work/texts.jsonl" <<'PY'
import json, glob, os, re, sys
with open(sys.argv[2], "w") as out:
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
        text = open(path, encoding="utf-8").read()
        rec = {"id": os.path.basename(path)[:-4]}
        body = []
        for line in text.split("\n"):
            m = re.match(r"# (published|lang): (\S+)", line)
            if m:
                rec["published" if m.group(1) == "published" else "language"] = m.group(2)
            else:
                body.append(line)
        rec["text"] = "\n".join(body).strip()
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
"$bin" --db "$work/v.db" ingest "$work/texts.jsonl" >/dev/null
"$bin" --db "$work/v.db" incidents --format jsonl > "$work/incidents.jsonl"
python3 ../shared/eval/score.py --gold "$dir/gold.jsonl" --system "$work/incidents.jsonl" "${@:3}"
