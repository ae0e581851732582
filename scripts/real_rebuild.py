#!/usr/bin/env python3
"""Rebuild the real corpus's page texts (~/vigie-real/articles.jsonl) from search results.

The texts are third-party and never enter the repository (corpus/real/README.md). To rebuild
them, re-run the queries of corpus/real/collection-log-*.md with the project's search tool
(corpus `pages`) and save, for each result whose `url` is a row of corpus/real/index.tsv, the
result's `url` and `excerpt` exactly as returned, as a JSON array of {"url", "excerpt"} objects
in ~/vigie-real/rebuild/UNIT/raw/*.json (one unit per collection log or helper) -- or, easier to
write by hand without JSON escaping, each excerpt alone as ~/vigie-real/rebuild/UNIT/txt/REF.txt
(REF the index row whose `url` the result had; the file's text is the excerpt, nothing added).
Then:

    scripts/real_rebuild.py build UNIT PREFIX [PREFIX...]   # e.g. build ml ml; build d2d4 d2 d4
        writes ~/vigie-real/rebuild/UNIT/articles.jsonl for the index rows whose ref is PREFIX
        followed by digits, and lists the refs still missing (the first excerpt of a URL wins)
    scripts/real_rebuild.py merge
        joins every unit into ~/vigie-real/articles.jsonl in index.tsv order and lists the refs
        no unit has

Each record is the input format of `vigie ingest`: id (the ref), url, title, outlet, published
and language from index.tsv, text = the excerpt.
"""
import csv, glob, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INDEX = os.path.join(ROOT, "corpus", "real", "index.tsv")
BASE = os.path.expanduser(os.environ.get("VIGIE_REAL_REBUILD", "~/vigie-real/rebuild"))
OUT = os.path.expanduser(os.environ.get("VIGIE_REAL", "~/vigie-real/articles.jsonl"))


def index_rows():
    with open(INDEX, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def build(unit, prefixes):
    rows = [r for r in index_rows()
            if any(re.fullmatch(re.escape(p) + r"\d+", r["ref"]) for p in prefixes)]
    found = {}
    for path in sorted(glob.glob(os.path.join(BASE, unit, "raw", "*.json"))):
        try:
            items = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"{path}: unreadable: {e}")
            continue
        for it in items:
            found.setdefault(it["url"], it["excerpt"])
    by_ref = {}
    for path in sorted(glob.glob(os.path.join(BASE, unit, "txt", "*.txt"))):
        by_ref[os.path.basename(path)[:-4]] = open(path, encoding="utf-8").read()
    missing = []
    os.makedirs(os.path.join(BASE, unit), exist_ok=True)
    with open(os.path.join(BASE, unit, "articles.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            text = found.get(r["url"], by_ref.get(r["ref"]))
            if text is None:
                missing.append(r["ref"])
                continue
            rec = {"id": r["ref"], "url": r["url"], "title": r["title"], "outlet": r["outlet"],
                   "published": r["published"], "language": r["language"], "text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{unit}: {len(rows) - len(missing)} of {len(rows)} pages rebuilt")
    if missing:
        print("missing:", " ".join(missing))


def merge():
    recs = {}
    for path in sorted(glob.glob(os.path.join(BASE, "*", "articles.jsonl"))):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                recs[r["id"]] = r
    rows = index_rows()
    missing = [r["ref"] for r in rows if r["ref"] not in recs]
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            if r["ref"] in recs:
                f.write(json.dumps(recs[r["ref"]], ensure_ascii=False) + "\n")
    print(f"{len(rows) - len(missing)} of {len(rows)} pages written to {OUT}")
    if missing:
        print("missing:", " ".join(missing))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3:])
    elif sys.argv[1:] == ["merge"]:
        merge()
    else:
        sys.exit(__doc__)
