#!/usr/bin/env python3
"""Geocoding evaluation against ACLED's Mali events (internal evaluation only).

The ACLED data stays in ../shared and is read at run time; nothing derived from it belongs in the
repository. Misses are written to a directory outside the repository.

Usage:
    python3 scripts/geo_eval.py coverage [--events CSV] [--gazetteer GZ] [--out DIR]
        Of the distinct ACLED location names (per year and overall), how many the gazetteer resolves
        by spelling (case, accents, hyphens, apostrophes and spaces folded) to a row within 10 km and
        within 25 km of ACLED's point. Misses go to DIR/coverage-misses-<year>.tsv.
    python3 scripts/geo_eval.py placement --gold GOLD.jsonl --system INCIDENTS.jsonl [--out DIR] [--json]
        Per ACLED event (one note = one article): the system incident that reports it (the one that
        agrees with ACLED on date and type, else the first), and whether its point lies within
        ACLED's radius (10/40/100 km for geo_precision 1/2/3), whether a precision-1 event lies within
        10 km, and whether it was placed in another country than the note's. Misplaced events go to
        DIR/placement-misses.tsv.

Defaults: --events ../shared/data/acled-mali-2017-2018/events.csv (from the repository root),
--gazetteer crates/vigie-geo/data/gazetteer.tsv.gz, --out /tmp/vigie-geo-eval.
If the ACLED data is absent the script prints "missing" and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import os
import sys
import unicodedata
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(REPO, "..", "shared", "data", "acled-mali-2017-2018", "events.csv")
GAZ = os.path.join(REPO, "crates", "vigie-geo", "data", "gazetteer.tsv.gz")
RADIUS = {1: 10.0, 2: 40.0, 3: 100.0}
COUNTRY = {"Mali": "ML", "Burkina Faso": "BF", "Niger": "NE", "Senegal": "SN", "Mauritania": "MR",
           "Algeria": "DZ", "Guinea": "GN", "Ivory Coast": "CI", "Cote d'Ivoire": "CI"}


def key(s: str) -> str:
    """The gazetteer's index key: lower case, no accents, letters and digits only."""
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(ch.lower() for ch in s if ch.isalnum() and not unicodedata.combining(ch))


def single_letters(k: str) -> str:
    """normalize.rs `single_letters`: each doubled letter written once."""
    out = ""
    for ch in k:
        if out.endswith(ch) and ch.isalpha():
            continue
        out += ch
    return out


def skeleton(k: str) -> str:
    """normalize.rs `skeleton`: first letter, then consonants (c/q->k, z->s), repeats collapsed."""
    out = ""
    for i, ch in enumerate(k):
        if i > 0 and ch in "aeiouyhw":
            continue
        m = {"c": "k", "q": "k", "z": "s"}.get(ch, ch)
        if not out.endswith(m):
            out += m
    return out


def edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a):
        cur = [i + 1]
        for j, cb in enumerate(b):
            cur.append(min(prev[j] + (ca != cb), prev[j + 1] + 1, cur[j] + 1))
        prev = cur
    return prev[-1]


def km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def load_gazetteer(path):
    """key -> [(lat, lon, country, name, kind)], skeleton -> [(key, row)]"""
    index = defaultdict(list)
    skel = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            c = line.rstrip("\n").split("\t")
            if len(c) < 13:
                continue
            lat, lon = float(c[3]), float(c[4])
            names = [c[0]] + [n for n in c[1].split("|") if n]
            row = (lat, lon, c[2], c[0], c[5])
            for k in {key(n) for n in names} - {""}:
                index[k].append(row)
                if len(skeleton(k)) >= 4:
                    skel[skeleton(k)].append((k, row))
    return index, skel


def similar(skel, k):
    """Rows the resolver also weighs: a known name's similar spellings (recognize.rs `widen`: same
    skeleton, at most one edit per 5 letters) and, for an unknown name of 6+ letters after a locative
    word (`similar_after_locative`), spellings one edit away whose skeleton has one consonant more or less."""
    sk = skeleton(k)
    if len(sk) < 4:
        return []
    out = []
    cands = skel.get(sk, [])
    if len({id(r) for _, r in cands}) <= 40:
        out += [r for k2, r in cands if edits(k2, k) <= max(1, len(k) // 5)]
    if len(k) >= 6:
        variants = {sk} | {sk[:i] + sk[i + 1:] for i in range(1, len(sk))}
        variants |= {sk[:i] + c + sk[i:] for i in range(1, len(sk) + 1) for c in "bdfgjklmnprstvx"}
        for v in variants:
            rows = skel.get(v, []) if len(v) >= 4 else []
            if len({id(r) for _, r in rows}) <= 40:
                out += [r for k2, r in rows if edits(k2, k) <= 1]
    return out


def coverage(a):
    if not os.path.exists(a.events):
        print("missing")
        return 0
    gaz, skel = load_gazetteer(a.gazetteer)
    # (name, lat, lon) per year: a name ACLED uses for two places counts as two locations
    locs = defaultdict(set)
    with open(a.events, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            loc = (r["location"].strip(), round(float(r["latitude"]), 4), round(float(r["longitude"]), 4))
            locs[r["year"]].add(loc)
            locs["all"].add(loc)
    os.makedirs(a.out, exist_ok=True)
    result = {}
    for year in sorted(locs):
        n = len(locs[year])
        within = {10: 0, 25: 0}
        fuzzy25 = 0
        misses = []
        for name, lat, lon in sorted(locs[year]):
            rows = gaz.get(key(name), [])
            best = min((km(lat, lon, r[0], r[1]) for r in rows), default=None)
            for lim in within:
                if best is not None and best <= lim:
                    within[lim] += 1
            # (recognize.rs also tries the name with doubled letters written once: "Tin-Hamma")
            single = gaz.get(single_letters(key(name)), []) if single_letters(key(name)) != key(name) else []
            best_sim = min((km(lat, lon, r[0], r[1]) for r in rows + single + similar(skel, key(name))),
                           default=None)
            if best_sim is not None and best_sim <= 25:
                fuzzy25 += 1
            if best is None or best > 25:
                near = min(rows, key=lambda r: km(lat, lon, r[0], r[1])) if rows else None
                misses.append((name, lat, lon, "absent" if best is None else f"{best:.0f} km",
                               f"{near[3]} {near[2]} {near[0]:.4f},{near[1]:.4f}" if near else ""))
        names = len({x[0] for x in locs[year]})
        result[year] = {"locations": n, "names": names, "within_10km": within[10], "within_25km": within[25],
                         "within_25km_similar": fuzzy25}
        print(f"{year}: {n} locations ({names} names): within 10 km {within[10]} ({within[10] / n:.1%}), "
              f"within 25 km {within[25]} ({within[25] / n:.1%}); with similar spellings (the resolver's "
              f"widening) within 25 km {fuzzy25} ({fuzzy25 / n:.1%})")
        path = os.path.join(a.out, f"coverage-misses-{year}.tsv")
        write_tsv(path, ["location", "lat", "lon", "nearest_same_name", "nearest_row"], misses)
    print(f"misses written to {a.out}/coverage-misses-*.tsv")
    if a.json:
        print(json.dumps(result))
    return 0


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(str(x) for x in row) + "\n")


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def primary(incidents, g):
    """The system incident coding the ACLED event: same date and type first, then same type."""
    def rank(s):
        same_type = s.get("event_type") in g.get("event_types", [])
        same_day = s.get("date") == g.get("date")
        placed = isinstance(s.get("latitude"), (int, float))
        return (placed, same_day, same_type)
    return max(incidents, key=rank) if incidents else None


def placement(a):
    if not (os.path.exists(a.gold) and os.path.exists(a.system)):
        print("missing")
        return 0
    gold = load_jsonl(a.gold)
    system = load_jsonl(a.system)
    by_ref = defaultdict(list)
    for s in system:
        for art in s.get("articles") or []:
            by_ref[str(art.get("ref"))].append(s)
    n = len(gold)
    stats = dict(events=n, with_incident=0, placed=0, within_radius=0, p1=0, p1_within_10km=0,
                 other_country=0, other_country_any=0)
    misses = []
    for g in gold:
        ref = g["articles"][0]
        radius = g.get("radius_km", 40)
        prec = {10: 1, 40: 2, 100: 3}.get(radius, 2)
        p = g["places"][0]
        incs = by_ref.get(ref, [])
        s = primary(incs, g)
        if prec == 1:
            stats["p1"] += 1
        cc = COUNTRY.get(g.get("country"), g.get("country"))
        if any(i.get("country") and i.get("country") != g.get("country") for i in incs):
            stats["other_country_any"] += 1
        if s is None:
            misses.append((ref, prec, p["name"], "no incident", "", ""))
            continue
        stats["with_incident"] += 1
        lat, lon = s.get("latitude"), s.get("longitude")
        if s.get("country") and s.get("country") != g.get("country"):
            stats["other_country"] += 1
        if not isinstance(lat, (int, float)):
            misses.append((ref, prec, p["name"], "no point", s.get("location") or "", cc))
            continue
        stats["placed"] += 1
        d = km(lat, lon, p["lat"], p["lon"])
        if d <= radius:
            stats["within_radius"] += 1
        if prec == 1 and d <= 10:
            stats["p1_within_10km"] += 1
        if d > radius:
            misses.append((ref, prec, p["name"], f"{d:.0f} km", s.get("location") or "",
                           f"{s.get('country')} p{s.get('geo_precision')}"))
    pct = lambda x, y: f"{x / y:.1%}" if y else "-"
    print(f"events {n}; with an incident {stats['with_incident']}; placed (a point) {stats['placed']}")
    print(f"within ACLED's radius: {stats['within_radius']} = {pct(stats['within_radius'], n)} of events, "
          f"{pct(stats['within_radius'], stats['placed'])} of placed events")
    print(f"precision-1 events within 10 km: {stats['p1_within_10km']}/{stats['p1']} = "
          f"{pct(stats['p1_within_10km'], stats['p1'])}")
    print(f"placed in another country: {stats['other_country']} events "
          f"(any incident of the note: {stats['other_country_any']})")
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "placement-misses.tsv")
    write_tsv(path, ["ref", "geo_precision", "acled_location", "error", "system_location", "system"], misses)
    print(f"misses written to {path}")
    if a.json:
        print(json.dumps(stats))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("coverage")
    c.add_argument("--events", default=EVENTS)
    c.add_argument("--gazetteer", default=GAZ)
    c.add_argument("--out", default="/tmp/vigie-geo-eval")
    c.add_argument("--json", action="store_true")
    p = sub.add_parser("placement")
    p.add_argument("--gold", required=True)
    p.add_argument("--system", required=True)
    p.add_argument("--out", default="/tmp/vigie-geo-eval")
    p.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if os.path.realpath(a.out).startswith(os.path.realpath(REPO) + os.sep):
        sys.exit("--out must be outside the repository (ACLED-derived lists are not committed)")
    return coverage(a) if a.cmd == "coverage" else placement(a)


if __name__ == "__main__":
    sys.exit(main())
