#!/usr/bin/env python3
"""Generate template-made synthetic reports (JSONL) for speed measurements only.

Usage: gen_synthetic.py N [SEED] [FIRST_ID] [LAST_DAYS] [PLACES] > synthetic.jsonl
(FIRST_ID offsets the ids, to make a later batch for an existing store; LAST_DAYS draws the
events from the last LAST_DAYS days of the range only, like the news of a feed; PLACES, when
given, draws the towns from that many villages of the bundled gazetteer — Mali, Burkina Faso,
Niger, names found once in it — instead of the 20 fixed towns, so that a large store spreads
over a region the way years of real news do, for map and query measurements.)

The reports are fictional, built from templates over a few towns, dates and figures; they exist to
measure throughput (`vigie ingest`), never to be shipped as sample data. ~3 KB each (~1.6 KB
with SYN_FILLER=4 in the environment).
"""
import gzip, json, os, random, sys, datetime

TOWNS = [("Kayes", "ML"), ("Nioro du Sahel", "ML"), ("Diboli", "ML"), ("Sandaré", "ML"), ("Bafoulabé", "ML"),
         ("Mopti", "ML"), ("Douentza", "ML"), ("Boni", "ML"), ("Tessit", "ML"), ("Ménaka", "ML"),
         ("Djibo", "BF"), ("Barsalogho", "BF"), ("Titao", "BF"), ("Dori", "BF"), ("Arbinda", "BF"),
         ("Tillia", "NE"), ("Ayorou", "NE"), ("Téra", "NE"), ("Banibangou", "NE"), ("Ansongo", "ML")]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
FILLER_FR = ("La situation sécuritaire reste préoccupante dans la zone, où les déplacements sont devenus difficiles "
             "et où les marchés hebdomadaires fonctionnent au ralenti. Les habitants décrivent une vie quotidienne "
             "marquée par l'incertitude, les routes étant jugées dangereuses par les transporteurs. ")
FILLER_EN = ("The security situation in the area remains worrying, with travel increasingly difficult and weekly "
             "markets running at reduced capacity. Residents describe daily life marked by uncertainty, as "
             "transporters consider the roads dangerous. ")

DAYS = 600
# How many times the filler paragraph repeats: 10 makes ~3 KB reports; SYN_FILLER=4 makes
# ~1.6 KB ones, the length of real news pages.
FILLER_REPEAT = int(os.environ.get("SYN_FILLER", "10"))

def gazetteer_villages(k, seed):
    """k villages of ML/BF/NE whose name no other gazetteer row uses (as a name or variant)."""
    path = os.path.join(os.path.dirname(__file__), "..", "crates", "vigie-geo", "data", "gazetteer.tsv.gz")
    rows, uses = [], {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            c = line.rstrip("\n").split("\t")
            for n in {c[0].lower(), *[a.lower() for a in c[1].split("|") if a]}:
                uses[n] = uses.get(n, 0) + 1
            if c[2] in ("ML", "BF", "NE") and c[5] == "V" and c[0].isalpha() and len(c[0]) >= 5:
                rows.append((c[0], c[2]))
    unique = sorted({r for r in rows if uses.get(r[0].lower()) == 1})
    return random.Random(seed).sample(unique, min(k, len(unique)))


def report(i, rng, last_days=DAYS, towns=TOWNS):
    town, _ = rng.choice(towns)
    day = datetime.date(2025, 1, 1) + datetime.timedelta(days=DAYS - last_days + rng.randrange(last_days))
    published = day + datetime.timedelta(days=rng.randrange(1, 3))
    n = rng.randrange(2, 40)
    if rng.random() < 0.5:
        text = (f"Fictional synthetic report {i}.\n\n"
                f"Le camp militaire de {town} a été attaqué le {day.day} {MONTHS_FR[day.month-1]} {day.year} par des hommes armés. "
                f"Selon une source sécuritaire, {n} assaillants ont été neutralisés et trois soldats blessés. "
                f"Plus de {n * 5} combattants à moto ont pris part à l'assaut.\n\n" + FILLER_FR * FILLER_REPEAT)
        lang = "fr"
    else:
        text = (f"Fictional synthetic report {i}.\n\n"
                f"Gunmen abducted {n % 7 + 2} civilians near {town} on {day.strftime('%B')} {day.day}, {day.year}, a local official said. "
                f"At least {n} people were killed in the raid, according to residents.\n\n" + FILLER_EN * FILLER_REPEAT)
        lang = "en"
    return {"id": f"syn-{i}", "title": f"Synthetic report {i}", "outlet": "Vigie synthetic (fictional)",
            "published": published.isoformat(), "language": lang, "text": text}

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    last_days = int(sys.argv[4]) if len(sys.argv) > 4 else DAYS
    towns = gazetteer_villages(int(sys.argv[5]), 7) if len(sys.argv) > 5 else TOWNS
    out = sys.stdout
    for i in range(first, first + n):
        out.write(json.dumps(report(i, rng, last_days, towns), ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
