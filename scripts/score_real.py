#!/usr/bin/env python3
"""Score Vigie on the real-news corpus, split by split (see corpus/real/README.md).

Usage: scripts/score_real.py [--bin target/release/vigie] [--split dev|test|all ...] [--show]

The article texts are third-party and live outside the repository, in
~/vigie-real/articles.jsonl (override with VIGIE_REAL). When they are missing this says so and
exits 0. For each split, only that split's articles are ingested (into a temporary store) and
scored against that split's gold with ../shared/eval/score.py. Besides score.py's figures it
prints system incidents per gold incident (optional ones included) and false alarms: the share
of the split's no-incident articles that end up in a system incident matching no gold incident.
"""
import argparse, csv, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "eval"))
import score as S  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "vigie"))
    ap.add_argument("--split", action="append")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--keep", help="write each split's system incidents to DIR/SPLIT.incidents.jsonl")
    a = ap.parse_args()
    texts = os.environ.get("VIGIE_REAL", os.path.expanduser("~/vigie-real/articles.jsonl"))
    if not os.path.exists(texts):
        print(f"missing: {texts} (the real corpus texts are kept outside the repository; "
              "corpus/real/README.md says how to rebuild them)")
        return 0
    index = list(csv.DictReader(open(os.path.join(ROOT, "corpus/real/index.tsv"), encoding="utf-8"), delimiter="\t"))
    gold = S.load(os.path.join(ROOT, "corpus/real/gold.jsonl"))
    articles = [json.loads(l) for l in open(texts, encoding="utf-8") if l.strip()]
    split_of = {r["ref"]: r["split"] for r in index}
    print("| split | reports | gold (+optional) | system | per gold | score | incident F1 | linking F1 | field acc | dated right | false alarms |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for split in a.split or ["dev", "test"]:
        refs = {r for r, s in split_of.items() if split in ("all", s)}
        arts = [x for x in articles if x["id"] in refs]
        g = []
        for x in gold:
            if split != "all" and x.get("split") != split:
                continue
            x = dict(x)
            x["articles"] = [r for r in x.get("articles", []) if r in refs]
            x["also_in"] = [r for r in x.get("also_in", []) if r in refs]
            if x["articles"]:
                g.append(x)
        with tempfile.TemporaryDirectory() as tmp:
            inp = os.path.join(tmp, "in.jsonl")
            with open(inp, "w", encoding="utf-8") as f:
                for x in arts:
                    f.write(json.dumps(x, ensure_ascii=False) + "\n")
            db = os.path.join(tmp, "v.db")
            subprocess.run([a.bin, "-q", "--db", db, "ingest", inp], stdout=subprocess.DEVNULL, check=False)
            out = subprocess.run([a.bin, "--db", db, "incidents", "--format", "jsonl"], capture_output=True, text=True, check=True).stdout
        system = [json.loads(l) for l in out.splitlines() if l.strip()]
        if a.keep:
            os.makedirs(a.keep, exist_ok=True)
            open(os.path.join(a.keep, f"{split}.incidents.jsonl"), "w").write(out)
        m, per_gold, unmatched = S.score(g, system)
        unmatched_ids = set(unmatched)
        quiet = [r["ref"] for r in index if r["ref"] in refs and r["incident"] == "none"]
        alarms = [r for r in quiet if any(r in S.refs(s) and s.get("id") in unmatched_ids for s in system)]
        fa = len(alarms) / len(quiet) if quiet else 0.0
        n_req = sum(1 for x in g if not x.get("optional"))
        print(f"| {split} | {len(arts)} | {n_req} (+{len(g) - n_req}) | {len(system)} | {len(system) / len(g):.2f} | "
              f"{m['score']:.2f} | {m['incident_f1']:.2f} | {m['linking_f1']:.2f} | {m['field_accuracy_mean']:.2f} | "
              f"{(m['reports_dated_right'] or 0):.2f} | {fa:.2f} ({len(alarms)}/{len(quiet)}) |")
        if a.show:
            for k, v in m.items():
                print(f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}")
            for row in per_gold:
                checks = row.get("checks") or {}
                bad = [k for k, v in checks.items() if v is False]
                print(f"  {row['gold']}: matched={row['matched']}{' (optional)' if row['optional'] else ''} wrong={','.join(bad) or '-'}")
            for u in unmatched:
                s = next(s for s in system if s.get("id") == u)
                print(f"  unmatched: {u} {s.get('date')} {s.get('location')} {s.get('sub_event_type')} {sorted(S.refs(s))}")
            print(f"  false alarms: {alarms}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
