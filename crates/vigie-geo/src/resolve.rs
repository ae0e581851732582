//! Article-level disambiguation of place mentions.
//!
//! Each candidate of a mention is scored with the evidence of the whole article:
//! - the spelling: exact (accents/case aside) beats a similar spelling (same consonant skeleton), and a
//!   place's main name beats another place's alternate spelling;
//! - the article's country: country names (×3), demonyms (×2, "l'armée malienne") and places whose exact
//!   candidates all lie in one country (×1) vote; candidates of that country gain, others lose;
//! - admin units named in the text: a candidate whose region/cercle/commune is named elsewhere in the article
//!   gains, strongly if that name came with an admin cue or in parentheses ("(Bankass, Mopti)");
//! - the cue: "cercle de X" wants the cercle, "région de X" the region; plain names prefer settlements;
//! - size and agreement: capitals/cities/towns over villages, population, number of merged sources;
//! - proximity (second pass): near the other places the article resolved.
//!
//! When the two best candidates score alike, lie apart (> 25 km) and share a cercle (or region), the mention
//! falls back to that unit (precision 2, or 3 for a region). Country mentions resolve to the country with no
//! point (`latitude`/`longitude` None, `place_id` None).

use std::collections::HashMap;

use crate::gazetteer::is_admin;
use crate::geonames::km;
use crate::normalize::{hash_key, key};
use crate::recognize::{country_code_of, demonym_votes};
use crate::{
    country_name, AdminLevel, CountryVote, Cue, Gazetteer, GeocodedPlace, Geocoding, PlaceId,
    PlaceKind, PlaceMention, ResolvedPlace, ScoredCandidate,
};

struct Ctx {
    country: Option<&'static str>,
    /// (key hash of a name in the text, weight); a mention never supports a candidate of its own name
    admin: Vec<(u64, f64)>,
}

/// Words around a country name that make it a reference point, not the story's country
/// ("near the Burkina Faso border", "à la frontière avec le Niger", "venus du Niger voisin").
const BORDER_WORDS: [&str; 20] = [
    "border",
    "borders",
    "bordering",
    "frontier",
    "frontiere",
    "frontieres",
    "frontalier",
    "frontaliere",
    "frontaliers",
    "frontalieres",
    "limitrophe",
    "limitrophes",
    "voisin",
    "voisine",
    "voisins",
    "voisines",
    "neighbouring",
    "neighboring",
    "neighbour",
    "neighbor",
];

/// The country name at `start..end` is a reference point, not the story's country: part of a
/// border phrase ("near the Burkina Faso border", "à la frontière avec le Niger", "aux
/// frontières du Niger et du Burkina Faso": a border word among the six words before it, in the
/// same sentence, or right after it), or where someone came from ("venus du Mali").
pub fn is_reference_point(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut window = text.get(from..start).unwrap_or("");
    if let Some(stop) = window.rfind(['.', '!', '?', '\n', ';']) {
        window = &window[stop + 1..];
    }
    let before = crate::normalize::fold(window);
    let mut to = (end + 12).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = crate::normalize::fold(text.get(end..to).unwrap_or(""));
    let last_before: Vec<&str> = before.split(' ').rev().take(6).collect();
    after
        .split(' ')
        .next()
        .is_some_and(|w| BORDER_WORDS.contains(&w))
        || last_before.iter().any(|w| BORDER_WORDS.contains(w))
        // (the three words before: "venus du Mali", "en provenance du", "who came from")
        || last_before
            .iter()
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| ORIGIN_WORDS.contains(w))
}

/// Words before a country name that make it where someone came from ("des assaillants venus
/// du Mali", "gunmen who came from Niger"), not where the story happened.
const ORIGIN_WORDS: [&str; 10] = [
    "venus",
    "venu",
    "venue",
    "venues",
    "venant",
    "viendraient",
    "viendrait",
    "provenance",
    "came",
    "coming",
];

/// Key of a unit named with its level word ("Mopti Region", "Soum province" → "mopti"), or None.
fn unit_key(surface: &str) -> Option<u64> {
    let f = crate::normalize::fold(surface);
    let (name, last) = f.rsplit_once(' ')?;
    matches!(
        last,
        "region" | "cercle" | "circle" | "province" | "commune" | "district" | "department"
    )
    .then(|| hash_key(&key(name)))
}

/// "X, near Y", "X, 40 km west of Y", "X south of Y", "X, not far from Y": for X, the index of Y
/// and how far from Y the text puts X (km; a nearness cue allows 60 km).
fn located_relative(text: &str, mentions: &[PlaceMention]) -> Vec<Option<(usize, f64)>> {
    let mut out = vec![None; mentions.len()];
    for k in 1..mentions.len() {
        let (x, y) = (&mentions[k - 1], &mentions[k]);
        let max_km = match y.cue {
            Cue::Near => 60.0,
            Cue::DistanceFrom { km } => km * 1.5 + 15.0,
            _ => continue,
        };
        if x.candidates.is_empty() || x.cue == Cue::Admin(AdminLevel::Country) {
            continue;
        }
        let gap = text.get(x.end..y.start).unwrap_or("x");
        // the relation phrase only: no other clause between the two names
        if gap.len() > 32 || gap.contains(['.', ';', '!', '?', '\n', '(', ')']) {
            continue;
        }
        let words = crate::normalize::fold(gap);
        if words
            .split(' ')
            .any(|w| matches!(w, "and" | "et" | "or" | "ou" | "then" | "puis"))
        {
            continue;
        }
        // "Diabaly, au nord de Ségou": a bearing with no distance may reach far (in the Sahel,
        // a town is "north of" the regional capital 150 km away).
        let bearing = words.split(' ').any(|w| {
            matches!(
                w,
                "nord"
                    | "sud"
                    | "est"
                    | "ouest"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "northeast"
                    | "northwest"
                    | "southeast"
                    | "southwest"
            )
        });
        let max_km = if bearing && y.cue == Cue::Near {
            BEARING_KM
        } else {
            max_km
        };
        out[k - 1] = Some((k, max_km));
    }
    out
}

/// How far a place said to lie "north of" a town, with no distance, may be from it.
const BEARING_KM: f64 = 200.0;

/// Admin context of each mention: for a name followed by its units in parentheses or after a comma
/// ("Douna, Mopti", "X (Ansongo, Gao)", "Mourdiah, Cercle of Nara, Koulikoro Region"), the index of
/// the host name each unit qualifies. A unit qualifies its host when it came with a parenthesis or
/// an admin cue, or when it is the name of an admin unit of one of the host's candidates.
fn admin_hosts(gaz: &Gazetteer, text: &str, mentions: &[PlaceMention]) -> Vec<Option<usize>> {
    let mut host: Vec<Option<usize>> = vec![None; mentions.len()];
    for k in 1..mentions.len() {
        let (prev, m) = (&mentions[k - 1], &mentions[k]);
        if m.cue == Cue::Admin(AdminLevel::Country) || m.candidates.is_empty() {
            continue;
        }
        // ("Maga town, Kebbi State", "Gouari village, Bankass": the kind of place named before
        // the comma changes nothing)
        let raw = text.get(prev.end..m.start).unwrap_or("x").trim();
        let raw = [
            "town",
            "village",
            "city",
            "community",
            "locality",
            "area",
            "market",
            "district",
            "municipality",
            "department",
        ]
        .iter()
        .find_map(|w| {
            raw.get(..w.len())
                .filter(|head| head.eq_ignore_ascii_case(w))
                .and_then(|_| raw.get(w.len()..))
                .filter(|rest| rest.starts_with([',', ' ']))
        })
        .map_or(raw, str::trim_start);
        let between = crate::normalize::fold(raw);
        // ("Waraou, une localité située sur la commune de Dargol", "X, a village in the
        // Douentza cercle": what the name is, then the unit it lies in)
        let unit_words = between.split(' ').filter(|w| !w.is_empty()).all(|w| {
            matches!(
                w,
                "une"
                    | "un"
                    | "a"
                    | "the"
                    | "localite"
                    | "locality"
                    | "village"
                    | "town"
                    | "situe"
                    | "situee"
                    | "located"
                    | "sur"
                    | "dans"
                    | "in"
                    | "le"
                    | "cercle"
                    | "circle"
                    | "commune"
                    | "region"
                    | "province"
                    | "district"
                    | "department"
                    | "departement"
                    | "of"
                    | "de"
                    | "du"
                    | "d"
                    | "la"
            )
        });
        // ("Nkwanta in the Oti Region", "Tiguila dans le cercle de Douentza", "the X District
        // of the Volta Region", "le district de X de la région de la Volta": a unit named as
        // such right after the name, without a comma, is where it lies too)
        let unit_follows = matches!(m.cue, Cue::Admin(_))
            && ["in ", "dans ", "of ", "de ", "du "]
                .iter()
                .any(|w| between.starts_with(w));
        let sep_ok =
            raw.starts_with(',') || raw.starts_with('(') || raw.starts_with('[') || unit_follows;
        if !sep_ok || !unit_words || raw.len() > 48 {
            continue;
        }
        // ("à 75 km de Diffa, dans le département de Bosso": the unit is the event's, not the
        // reference town's)
        if matches!(prev.cue, Cue::DistanceFrom { .. }) {
            continue;
        }
        let root = host[k - 1].unwrap_or(k - 1);
        if mentions[root].cue == Cue::Admin(AdminLevel::Country) {
            continue;
        }
        let mk = unit_key(&m.surface).unwrap_or_else(|| hash_key(&key(&m.surface)));
        let unit_of_host = mentions[root]
            .candidates
            .iter()
            .any(|&id| (id as usize) < gaz.len() && (0..4).any(|lvl| gaz.admin_key(id, lvl) == mk));
        let cued = matches!(m.cue, Cue::Admin(_) | Cue::Parenthetical);
        if unit_of_host || cued {
            host[k] = Some(root);
        }
    }
    host
}

fn wanted_admin(cue: &Cue) -> Option<PlaceKind> {
    match cue {
        Cue::Admin(AdminLevel::Region) => Some(PlaceKind::Admin1),
        Cue::Admin(AdminLevel::Cercle) => Some(PlaceKind::Admin2),
        Cue::Admin(AdminLevel::Commune) => Some(PlaceKind::Admin3),
        _ => None,
    }
}

fn country_votes(
    gaz: &Gazetteer,
    text: &str,
    mentions: &[PlaceMention],
    exact: &[Vec<PlaceId>],
    hosts: &[Option<usize>],
    demonyms: &[(&'static str, usize)],
) -> (Option<&'static str>, Vec<(&'static str, f64)>) {
    let mut votes: HashMap<&'static str, f64> = HashMap::new();
    let qualified: Vec<bool> = (0..mentions.len())
        .map(|i| hosts.contains(&Some(i)))
        .collect();
    for (mi, (m, ex)) in mentions.iter().zip(exact).enumerate() {
        if qualified[mi] {
            continue; // votes below, through the units given with it
        }
        if m.cue == Cue::Admin(AdminLevel::Country) {
            if let Some(c) = country_code_of(&m.surface) {
                let w = if is_reference_point(text, m.start, m.end) {
                    0.5
                } else {
                    3.0
                };
                *votes.entry(c).or_default() += w;
            }
            continue;
        }
        if let Some(&first) = ex.first() {
            let cc = gaz.country_code(first);
            if ex.iter().all(|&id| gaz.country_code(id) == cc) {
                if let Some(code) = static_code(cc) {
                    *votes.entry(code).or_default() += 1.0;
                }
            }
        }
    }
    // a name qualified by its units ("Douna, Mopti"): the country where they fit
    for (k, h) in hosts.iter().enumerate() {
        let Some(h) = *h else { continue };
        let unit =
            unit_key(&mentions[k].surface).unwrap_or_else(|| hash_key(&key(&mentions[k].surface)));
        let fitting: Vec<&str> = mentions[h]
            .candidates
            .iter()
            .filter(|&&id| {
                (id as usize) < gaz.len() && (0..4).any(|l| gaz.admin_key(id, l) == unit)
            })
            .map(|&id| gaz.country_code(id))
            .collect();
        if let Some(&cc) = fitting.first() {
            if fitting.iter().all(|c| *c == cc) {
                if let Some(code) = static_code(cc) {
                    *votes.entry(code).or_default() += 2.0;
                }
            }
        }
    }
    for &(code, n) in demonyms {
        *votes.entry(code).or_default() += 2.0 * n as f64;
    }
    let mut v: Vec<(&'static str, f64)> = votes.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let chosen = match v.as_slice() {
        [] => None,
        [(c, _)] => Some(*c),
        [(c, a), (_, b), ..] => (a > b).then_some(*c),
    };
    (chosen, v)
}

/// The `&'static str` ISO code for a code read from the gazetteer.
fn static_code(cc: &str) -> Option<&'static str> {
    country_name(cc)?;
    crate::COUNTRY_CODES.iter().copied().find(|c| *c == cc)
}

/// Appends a reason when explaining.
fn note(why: &mut Option<&mut Vec<String>>, points: f64, text: impl FnOnce() -> String) {
    if let Some(w) = why.as_deref_mut() {
        if points != 0.0 {
            w.push(format!("{} ({points:+.1})", text()));
        }
    }
}

fn kind_word(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Capital => "capital",
        PlaceKind::City => "city",
        PlaceKind::Town => "town",
        PlaceKind::Village => "village",
        PlaceKind::Admin1 => "region",
        PlaceKind::Admin2 => "cercle/province",
        PlaceKind::Admin3 => "commune",
        PlaceKind::Other => "other named place",
    }
}

#[allow(clippy::too_many_arguments)]
fn score(
    gaz: &Gazetteer,
    ctx: &Ctx,
    own_key: u64,
    own_units: &[(u64, &str)],
    m: &PlaceMention,
    id: PlaceId,
    exact: bool,
    mut why: Option<&mut Vec<String>>,
) -> f64 {
    let r = &gaz.recs[id as usize];
    let mut s = if exact { 3.0 } else { 0.0 };
    note(&mut why, s, || "spelling matches".into());
    if !exact {
        note(&mut why, -0.001, || "similar spelling only".into());
    }
    // Named by its own name rather than by another place's alternate spelling ("Nampala"
    // the town, not a village listing "Nampala" among its variants).
    let main_name = exact
        && gaz
            .names_of(id)
            .next()
            .is_some_and(|main| hash_key(&key(main)) == own_key);
    if main_name {
        // a natural feature's own name counts half: settlements are where events happen
        let v = if r.kind == PlaceKind::Other { 1.0 } else { 2.0 };
        s += v;
        note(&mut why, v, || "its main name".into());
    }
    if let Some(c) = ctx.country {
        let v = if gaz.country_code(id) == c { 5.0 } else { -4.0 };
        s += v;
        note(&mut why, v, || {
            if v > 0.0 {
                format!("in the story's country {c}")
            } else {
                format!("outside the story's country {c}")
            }
        });
    }
    let before = s;
    if let Some(want) = wanted_admin(&m.cue) {
        // "commune de Kombori": the commune of that name, or its seat, a settlement of that
        // very name — rather than a unit elsewhere that lists the name among its variants.
        let seat = want == PlaceKind::Admin3
            && main_name
            && matches!(
                r.kind,
                PlaceKind::Town | PlaceKind::Village | PlaceKind::City
            );
        s += if r.kind == want && (main_name || !exact) {
            8.0
        } else if r.kind == want {
            4.0
        } else if seat || is_admin(r.kind) {
            2.0
        } else {
            -2.0
        };
        note(&mut why, s - before, || {
            format!("cue {:?} and kind {}", m.cue, kind_word(r.kind))
        });
    } else if m.cue == Cue::Parenthetical {
        s += match r.kind {
            PlaceKind::Admin2 => 4.0,
            PlaceKind::Admin1 => 3.5,
            PlaceKind::Admin3 => 2.0,
            _ => 0.0,
        };
        note(&mut why, s - before, || {
            format!("named as an admin unit, kind {}", kind_word(r.kind))
        });
    } else {
        s += match r.kind {
            PlaceKind::Capital => 3.0,
            PlaceKind::City => 2.5,
            PlaceKind::Town => 2.0,
            PlaceKind::Village => 0.5,
            PlaceKind::Other => -0.5,
            _ => -1.5,
        };
        note(&mut why, s - before, || {
            format!("kind {}", kind_word(r.kind))
        });
    }
    let size = ((r.population as f64) + 1.0).log10() * 0.4;
    s += size;
    note(&mut why, size, || format!("population {}", r.population));
    let n_sources = r.sources.count_ones() as f64;
    let mut src = 0.4 * (n_sources - 1.0);
    if r.sources == 1 << 3 {
        src -= 0.3; // OSM only
    }
    s += src;
    note(&mut why, src, || format!("{} source(s)", n_sources));
    // admin units named elsewhere in the article
    let a1 = gaz.admin_key(id, 0);
    let a1n = gaz.admin_key(id, 1);
    let a2 = gaz.admin_key(id, 2);
    let a3 = gaz.admin_key(id, 3);
    let (mut b1, mut b2, mut b3) = (0.0f64, 0.0f64, 0.0f64);
    for &(k, w) in &ctx.admin {
        if k == own_key || k == 0 {
            continue;
        }
        if k == a2 && r.kind != PlaceKind::Admin2 {
            b2 = b2.max(w);
        }
        if k == a3 && r.kind != PlaceKind::Admin3 {
            b3 = b3.max(w * 0.8);
        }
        if (k == a1 || k == a1n) && r.kind != PlaceKind::Admin1 {
            b1 = b1.max(w * 0.6);
        }
    }
    s += b1 + b2 + b3;
    note(&mut why, b1 + b2 + b3, || {
        "its region/cercle/commune is named in the article".into()
    });
    // its own units, given right after the name ("X (Ansongo, Gao)", "X, Mopti"): decisive
    let fits: Vec<&str> = own_units
        .iter()
        .filter(|(k, _)| *k != 0 && (*k == a1 || *k == a1n || *k == a2 || *k == a3))
        .map(|(_, n)| *n)
        .collect();
    if !own_units.is_empty() {
        let v = if fits.is_empty() {
            -3.0
        } else {
            6.0 + 2.0 * (fits.len() as f64 - 1.0)
        };
        s += v;
        note(&mut why, v, || {
            let all: Vec<&str> = own_units.iter().map(|(_, n)| *n).collect();
            if fits.is_empty() {
                format!("not in the units given with the name ({})", all.join(", "))
            } else {
                format!("in the units given with the name ({})", fits.join(", "))
            }
        });
    }
    s
}

/// The weight of a name the text gives as an administrative unit ("région de Mopti", "Benue
/// State", "(Bourem)") among the units that favour the candidates they hold.
const NAMED_AS_UNIT: f64 = 4.0;

/// How far ahead of a village of its name a unit the text names elsewhere is put: more than the
/// largest proximity bonus.
const UNIT_AHEAD: f64 = 3.0;

/// How far from a unit given with its name a village filed under another region may lie.
const BORDER_SLACK_KM: f64 = 60.0;

/// How far from the point of a cercle or province (its seat) or of a commune (its town) a place
/// the text says lies in it may be.
fn unit_reach_km(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Admin2 => 150.0,
        _ => 80.0,
    }
}

/// Equirectangular distance: accurate enough for proximity bonuses at Sahel latitudes.
fn approx_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let x = (lon2 - lon1) * ((lat1 + lat2) * 0.5).to_radians().cos() * 111.32;
    let y = (lat2 - lat1) * 110.57;
    (x * x + y * y).sqrt()
}

fn precision(kind: PlaceKind, cue: &Cue) -> u8 {
    match kind {
        PlaceKind::Admin1 => 3,
        PlaceKind::Admin2 | PlaceKind::Admin3 => 2,
        _ => match cue {
            Cue::Near | Cue::DistanceFrom { .. } | Cue::Between | Cue::Axis => 2,
            // A district the gazetteer knows only by its seat ("Chikun Local Government Area",
            // "the Tillia department"): the district coded to its seat. (A commune is small
            // enough for its seat to be the spot.)
            Cue::Admin(AdminLevel::Cercle) => 2,
            Cue::Admin(AdminLevel::Region) => 3,
            _ => 1,
        },
    }
}

/// The place coded for `id` with a given precision.
pub(crate) fn coded(gaz: &Gazetteer, id: PlaceId, geo_precision: u8) -> ResolvedPlace {
    let p = gaz.place(id);
    let (admin2, admin3) = match p.kind {
        PlaceKind::Admin1 => (None, None),
        PlaceKind::Admin2 => (p.admin2.clone(), None),
        _ => (p.admin2.clone(), p.admin3.clone()),
    };
    ResolvedPlace {
        location: p.name.clone(),
        place_id: Some(id),
        country: country_name(&p.country).unwrap_or(&p.country).to_string(),
        country_code: p.country.clone(),
        admin1: p.admin1.clone(),
        admin1_new: p.admin1_new.clone(),
        admin2,
        admin3,
        latitude: Some((p.lat * 1e4).round() / 1e4),
        longitude: Some((p.lon * 1e4).round() / 1e4),
        geo_precision,
    }
}

/// The admin unit of `kind` named `name_key` in `country`, nearest to (lat, lon).
fn admin_unit(
    gaz: &Gazetteer,
    name: &str,
    country: &str,
    kind: PlaceKind,
    lat: f64,
    lon: f64,
) -> Option<PlaceId> {
    gaz.lookup(name)
        .into_iter()
        .filter(|&id| gaz.recs[id as usize].kind == kind && gaz.country_code(id) == country)
        .min_by(|&a, &b| {
            let ra = &gaz.recs[a as usize];
            let rb = &gaz.recs[b as usize];
            km(lat, lon, ra.lat(), ra.lon())
                .total_cmp(&km(lat, lon, rb.lat(), rb.lon()))
                .then(a.cmp(&b))
        })
}

/// Article-level disambiguation: one resolution (or None) per mention, same order.
pub fn resolve(
    gaz: &Gazetteer,
    text: &str,
    mentions: &[PlaceMention],
) -> Vec<Option<ResolvedPlace>> {
    resolve_all(gaz, text, mentions, &demonym_votes(text), false).0
}

/// [`resolve`] for a caller that has the text's [`demonym_votes`] already (the pipeline reads
/// them too: counting them once spares a pass over every article).
pub fn resolve_with_demonyms(
    gaz: &Gazetteer,
    text: &str,
    mentions: &[PlaceMention],
    demonyms: &[(&'static str, usize)],
) -> Vec<Option<ResolvedPlace>> {
    resolve_all(gaz, text, mentions, demonyms, false).0
}

/// Places found in `text`, the candidate chosen for each, the others, and why (`vigie geocode`).
pub fn geocode(gaz: &Gazetteer, text: &str) -> Geocoding {
    let mentions = crate::find_places(gaz, text);
    let (resolved, explained) = resolve_all(gaz, text, &mentions, &demonym_votes(text), true);
    let (country, votes, mut details) = explained.unwrap_or((
        None,
        Vec::new(),
        vec![(Vec::new(), Vec::new()); mentions.len()],
    ));
    let places = mentions
        .iter()
        .zip(resolved)
        .zip(details.iter_mut())
        .map(|((m, chosen), d)| GeocodedPlace {
            surface: m.surface.clone(),
            start: m.start,
            end: m.end,
            cue: m.cue.clone(),
            chosen,
            why: std::mem::take(&mut d.0),
            candidates: std::mem::take(&mut d.1),
        })
        .collect();
    Geocoding {
        country: country.map(str::to_string),
        country_votes: votes
            .into_iter()
            .map(|(c, v)| CountryVote {
                country: c.to_string(),
                votes: (v * 10.0).round() / 10.0,
            })
            .collect(),
        places,
    }
}

/// Per mention: (why the choice, candidates best first).
type Details = Vec<(Vec<String>, Vec<ScoredCandidate>)>;
type Explained = (Option<&'static str>, Vec<(&'static str, f64)>, Details);

fn scored_candidate(
    gaz: &Gazetteer,
    id: PlaceId,
    score: f64,
    exact: bool,
    nearest: Option<(f64, String)>,
    reasons: Vec<String>,
) -> ScoredCandidate {
    let p = gaz.place(id);
    ScoredCandidate {
        place_id: id,
        name: p.name.clone(),
        country_code: p.country.clone(),
        kind: p.kind,
        latitude: (p.lat * 1e4).round() / 1e4,
        longitude: (p.lon * 1e4).round() / 1e4,
        admin1: p.admin1.clone(),
        admin2: p.admin2.clone(),
        admin3: p.admin3.clone(),
        score: (score * 100.0).round() / 100.0,
        exact,
        nearest_other_place: nearest.map(|(d, n)| format!("{d:.0} km from {n}")),
        reasons,
    }
}

/// How many candidates an explanation lists per mention.
const EXPLAIN_CANDIDATES: usize = 8;

fn resolve_all(
    gaz: &Gazetteer,
    text: &str,
    mentions: &[PlaceMention],
    demonyms: &[(&'static str, usize)],
    explain: bool,
) -> (Vec<Option<ResolvedPlace>>, Option<Explained>) {
    let n = gaz.len() as PlaceId;
    // candidates that match the spelling exactly; ids out of range (another gazetteer) are dropped
    let exact: Vec<Vec<PlaceId>> = mentions
        .iter()
        .map(|m| {
            let ids = gaz.lookup(&m.surface);
            m.candidates
                .iter()
                .copied()
                .filter(|c| ids.contains(c))
                .collect()
        })
        .collect();
    let hosts = admin_hosts(gaz, text, mentions);
    let relative = located_relative(text, mentions);
    let (country, votes) = country_votes(gaz, text, mentions, &exact, &hosts, demonyms);
    let keys: Vec<u64> = mentions
        .iter()
        .map(|m| hash_key(&key(&m.surface)))
        .collect();
    // the units given with each name
    let mut own_units: Vec<Vec<(u64, &str)>> = vec![Vec::new(); mentions.len()];
    for (k, h) in hosts.iter().enumerate() {
        if let Some(h) = *h {
            let uk = unit_key(&mentions[k].surface).unwrap_or(keys[k]);
            own_units[h].push((uk, mentions[k].surface.as_str()));
        }
    }
    let mut admin: Vec<(u64, f64)> = Vec::new();
    for (mi, (m, &k)) in mentions.iter().zip(&keys).enumerate() {
        if m.candidates.is_empty() {
            continue;
        }
        let w = if hosts[mi].is_some() {
            NAMED_AS_UNIT
        } else {
            match m.cue {
                Cue::Admin(_) | Cue::Parenthetical => NAMED_AS_UNIT,
                _ => 1.5,
            }
        };
        // "Mopti Region": the region's name, as strongly as "région de Mopti"
        let (k, w) = match unit_key(&m.surface) {
            Some(uk) => (uk, NAMED_AS_UNIT),
            None => (k, w),
        };
        match admin.iter_mut().find(|(ak, _)| *ak == k) {
            Some(a) => a.1 = a.1.max(w),
            None => admin.push((k, w)),
        }
    }
    let ctx = Ctx { country, admin };
    let same_as = |mi: usize| {
        (0..mi).find(|&p| {
            keys[p] == keys[mi]
                && mentions[p].cue == mentions[mi].cue
                && mentions[p].candidates == mentions[mi].candidates
                && own_units[p] == own_units[mi]
                && hosts[p].is_some() == hosts[mi].is_some()
        })
    };

    // pass 1: scores without proximity (the same name with the same cue scores the same)
    let mut scored: Vec<Vec<(PlaceId, f64)>> = Vec::with_capacity(mentions.len());
    let mut reasons: Vec<Vec<Vec<String>>> = Vec::with_capacity(mentions.len());
    for (mi, m) in mentions.iter().enumerate() {
        if let Some(prev) = same_as(mi) {
            let v = scored[prev].clone();
            scored.push(v);
            let r = reasons[prev].clone();
            reasons.push(r);
            continue;
        }
        let mut rs: Vec<Vec<String>> = Vec::new();
        let mut v: Vec<(PlaceId, f64)> = m
            .candidates
            .iter()
            .copied()
            .filter(|&id| id < n)
            .map(|id| {
                let mut why = Vec::new();
                let sc = score(
                    gaz,
                    &ctx,
                    keys[mi],
                    &own_units[mi],
                    m,
                    id,
                    exact[mi].contains(&id),
                    explain.then_some(&mut why),
                );
                rs.push(why);
                (id, sc)
            })
            .collect();
        // Never a place in another country when the story's country has one of that name, nor
        // one that is only spelled like it ("Intikane", a Niger refugee site the gazetteer
        // lacks, is not Mali's I-n-Tekane in a story of Niger).
        if let Some(c) = ctx.country {
            let story_country_has_it = exact[mi].iter().any(|&id| gaz.country_code(id) == c);
            // (nor, named bare, another country's province or region: in a story of Mali, "le
            // désert du Gourma" is not Burkina's Gourma province)
            let bare = !matches!(m.cue, Cue::Admin(_) | Cue::Parenthetical);
            v.retain(|&(id, _)| {
                gaz.country_code(id) == c
                    || (!story_country_has_it
                        && exact[mi].contains(&id)
                        && !(bare && is_admin(gaz.recs[id as usize].kind)))
            });
        } else if !votes.is_empty() {
            // The story's country undecided between some: a name only spelled like a place of
            // a country the text gives no sign of is not that place ("l'arrondissement de
            // Fotokol", in a story of Cameroon and Nigeria, is not Burkina's Féto Kolé).
            v.retain(|&(id, _)| {
                exact[mi].contains(&id)
                    || votes.iter().any(|(code, _)| *code == gaz.country_code(id))
            });
        }
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // "in Benue", in a story that names "Benue State": the state, not a village that bears
        // its name (a town of that name, "à Mopti" beside "la région de Mopti", stays the town).
        let unit_named = !matches!(m.cue, Cue::Admin(_))
            && ctx
                .admin
                .iter()
                .any(|&(k, w)| k == keys[mi] && w >= NAMED_AS_UNIT);
        let village_first = v.first().is_some_and(|&(id, _)| {
            matches!(
                gaz.recs[id as usize].kind,
                PlaceKind::Village | PlaceKind::Other
            )
        });
        if unit_named && village_first {
            let unit = v.iter().position(|&(id, _)| {
                is_admin(gaz.recs[id as usize].kind) && exact[mi].contains(&id)
            });
            // (ahead by more than any proximity bonus can give back)
            if let Some(pos) = unit {
                let mut u = v.remove(pos);
                u.1 = u.1.max(v[0].1 + UNIT_AHEAD);
                v.insert(0, u);
            }
        }
        if explain {
            // keep the reasons in the order of `v`
            let ids: Vec<PlaceId> = m.candidates.iter().copied().filter(|&id| id < n).collect();
            let sorted: Vec<Vec<String>> = v
                .iter()
                .map(|(id, _)| {
                    ids.iter()
                        .position(|x| x == id)
                        .map(|i| rs[i].clone())
                        .unwrap_or_default()
                })
                .collect();
            reasons.push(sorted);
        } else {
            reasons.push(Vec::new());
        }
        scored.push(v);
    }
    // anchors for proximity: the first choice of each distinct name
    let mut anchors: Vec<(f64, f64, u64, usize)> = Vec::new();
    for (mi, (v, &k)) in scored.iter().zip(&keys).enumerate() {
        if let Some(&(id, _)) = v.first() {
            if !anchors.iter().any(|a| a.2 == k) {
                let r = &gaz.recs[id as usize];
                anchors.push((r.lat(), r.lon(), k, mi));
            }
        }
    }

    // pass 2: proximity to the other places of the article
    let mut out: Vec<Option<ResolvedPlace>> = Vec::with_capacity(mentions.len());
    let mut details: Details = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let mut why: Vec<String> = Vec::new();
        if explain {
            why.push(format!("cue {:?}", m.cue));
            if let Some(h) = hosts[mi] {
                why.push(format!("admin unit given for {:?}", mentions[h].surface));
            }
            if !own_units[mi].is_empty() {
                let u: Vec<&str> = own_units[mi].iter().map(|(_, n)| *n).collect();
                why.push(format!("units given with the name: {}", u.join(", ")));
            }
        }
        if m.cue == Cue::Admin(AdminLevel::Country) {
            out.push(country_code_of(&m.surface).map(|cc| ResolvedPlace {
                location: country_name(cc).unwrap_or(cc).to_string(),
                place_id: None,
                country: country_name(cc).unwrap_or(cc).to_string(),
                country_code: cc.to_string(),
                admin1: None,
                admin1_new: None,
                admin2: None,
                admin3: None,
                latitude: None,
                longitude: None,
                geo_precision: 3,
            }));
            if explain {
                why.push("a country: context for the article, never an event point".into());
                details.push((why, Vec::new()));
            }
            continue;
        }
        if scored[mi].is_empty() {
            out.push(None);
            if explain {
                why.push("no candidate".into());
                details.push((why, Vec::new()));
            }
            continue;
        }
        if let Some(prev) = same_as(mi) {
            let same = out[prev].clone();
            out.push(same);
            if explain {
                let d = details[prev].clone();
                details.push(d);
            }
            continue;
        }
        let own_key = keys[mi];
        let mut near: Vec<Option<(f64, usize)>> = Vec::new();
        let mut v: Vec<(PlaceId, f64, usize)> = scored[mi]
            .iter()
            .enumerate()
            .map(|(ci, &(id, s))| {
                let r = &gaz.recs[id as usize];
                let mut best: Option<(f64, usize)> = None;
                for &(lat, lon, k, am) in &anchors {
                    if k != own_key {
                        let d = approx_km(r.lat(), r.lon(), lat, lon);
                        if best.is_none_or(|(bd, _)| d < bd) {
                            best = Some((d, am));
                        }
                    }
                }
                let best_d = best.map_or(f64::INFINITY, |b| b.0);
                near.push(best);
                let bonus = if best_d < 30.0 {
                    2.5
                } else if best_d < 100.0 {
                    1.5
                } else if best_d < 250.0 {
                    0.5
                } else {
                    0.0
                };
                (id, s + bonus, ci)
            })
            .collect();
        // "X, near Y": X's candidates within the distance the text gives gain; when none is
        // anywhere near, the event is coded to Y, as an area (precision 2)
        let reference = relative[mi].and_then(|(r, max_km)| {
            let &(rid, _) = scored[r].first()?;
            let rr = &gaz.recs[rid as usize];
            Some((r, rid, rr.lat(), rr.lon(), max_km))
        });
        let mut refer_to: Option<PlaceId> = None;
        if let Some((r, rid, la, lo, max_km)) = reference {
            let mut any_close = false;
            for (id, sc, _) in v.iter_mut() {
                let rc = &gaz.recs[*id as usize];
                let d = approx_km(rc.lat(), rc.lon(), la, lo);
                if d <= max_km {
                    *sc += 3.0;
                    any_close = true;
                }
                any_close |= d <= 2.0 * max_km + 20.0;
            }
            // only when both lie in one country: else the reference itself may be the wrong homonym
            let same_country = v
                .first()
                .is_some_and(|&(id, _, _)| gaz.country_code(id) == gaz.country_code(rid));
            if !any_close && same_country && !is_admin(gaz.recs[rid as usize].kind) {
                refer_to = Some(rid);
            }
            why.push(format!(
                "placed by the text within {max_km:.0} km of {:?}",
                mentions[r].surface
            ));
        }
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        if explain {
            let cands = v
                .iter()
                .take(EXPLAIN_CANDIDATES)
                .map(|&(id, sc, ci)| {
                    let mut rs = reasons[mi].get(ci).cloned().unwrap_or_default();
                    let nearest = near[ci].map(|(d, am)| (d, mentions[am].surface.clone()));
                    if let Some((d, name)) = &nearest {
                        let bonus = sc - scored[mi][ci].1;
                        if bonus > 0.0 {
                            rs.push(format!(
                                "{d:.0} km from {name}, another place of the text ({bonus:+.1})"
                            ));
                        }
                    }
                    scored_candidate(gaz, id, sc, exact[mi].contains(&id), nearest, rs)
                })
                .collect();
            details.push((why.clone(), cands));
        }
        if let Some(rid) = refer_to {
            out.push(Some(coded(gaz, rid, 2)));
            if let Some(d) = details.last_mut() {
                d.0.push(
                    "no candidate lies where the text puts it: coded to the place it is said to be near"
                        .into(),
                );
            }
            continue;
        }
        let (best, best_s, _) = v[0];
        let rb = &gaz.recs[best as usize];
        // Given with its units but no candidate lies in them ("Imboraghane (Bourem)" when the
        // only Imboraghane known is elsewhere): the smallest unit given, as an area.
        if !own_units[mi].is_empty() {
            // The units' points: an admin unit's, or the town a "commune de Dargol" names (a
            // commune is named after its seat; a district or LGA the gazetteer lacks is not a
            // village of that name).
            let units: Vec<PlaceId> = hosts
                .iter()
                .enumerate()
                .filter(|(_, h)| **h == Some(mi))
                .filter_map(|(k, _)| {
                    let &(id, _) = scored[k].first()?;
                    let commune = mentions[k].cue == Cue::Admin(AdminLevel::Commune);
                    (is_admin(gaz.recs[id as usize].kind) || commune).then_some(id)
                })
                .collect();
            // (by its units' names, or near enough to the point of a cercle or commune given:
            // many villages are filed under their region only, a few under a neighbouring one)
            let fits = |id: PlaceId| {
                let r = &gaz.recs[id as usize];
                own_units[mi]
                    .iter()
                    .any(|(k, _)| (0..4).any(|l| gaz.admin_key(id, l) == *k))
                    || units.iter().any(|&u| {
                        let ur = &gaz.recs[u as usize];
                        let d = approx_km(r.lat(), r.lon(), ur.lat(), ur.lon());
                        // (filed under another region, it must lie close: a village by a
                        // regional border, not a namesake in the next state)
                        ur.kind != PlaceKind::Admin1
                            && d <= unit_reach_km(ur.kind)
                            && (gaz.admin_key(id, 0) == gaz.admin_key(u, 0) || d <= BORDER_SLACK_KM)
                    })
            };
            if !fits(best) {
                let unit =
                    units
                        .iter()
                        .copied()
                        .min_by_key(|&id| match gaz.recs[id as usize].kind {
                            PlaceKind::Admin3 => 0,
                            PlaceKind::Admin2 => 1,
                            PlaceKind::Admin1 => 3,
                            _ => 0,
                        });
                if let Some(u) = unit {
                    let k = gaz.recs[u as usize].kind;
                    out.push(Some(coded(gaz, u, precision(k, &Cue::Near))));
                    if let Some(d) = details.last_mut() {
                        d.0.push(
                            "no candidate lies in the units given with the name: coded to the smallest unit"
                                .into(),
                        );
                    }
                    continue;
                }
            }
        }
        // an uncued village abroad is more likely a word or a surname than the event's place
        // (below): not coded to a unit for the tie of two namesakes either
        let uncued_village_abroad = m.cue == Cue::None
            && ctx.country.is_some_and(|c| c != gaz.country_code(best))
            && matches!(rb.kind, PlaceKind::Village | PlaceKind::Other);
        // no single point fits: two close scores far apart → their shared cercle, else region
        if let (Some(&(second, second_s, _)), false) = (v.get(1), uncued_village_abroad) {
            let rs = &gaz.recs[second as usize];
            let tied = best_s - second_s < 0.5
                && !is_admin(rb.kind)
                && !is_admin(rs.kind)
                && gaz.country_code(best) == gaz.country_code(second)
                && km(rb.lat(), rb.lon(), rs.lat(), rs.lon()) > 25.0;
            // A commune of that name settles it: its seat is the village at its point (two
            // villages "Talataye", one of them the seat of the commune of Talataye).
            let seat = v.iter().find_map(|&(id, _, _)| {
                let r = &gaz.recs[id as usize];
                if r.kind != PlaceKind::Admin3 {
                    return None;
                }
                [best, second].into_iter().find(|&c| {
                    let rc = &gaz.recs[c as usize];
                    km(r.lat(), r.lon(), rc.lat(), rc.lon()) < 2.0
                })
            });
            if let (true, Some(c)) = (tied, seat) {
                let rc = &gaz.recs[c as usize];
                out.push(Some(coded(gaz, c, precision(rc.kind, &m.cue))));
                if let Some(d) = details.last_mut() {
                    d.0.push(format!(
                        "two candidates score alike ({best_s:.1}, {second_s:.1}): the seat of the commune of that name"
                    ));
                }
                continue;
            }
            if tied {
                let pb = gaz.place(best);
                let ps = gaz.place(second);
                let unit =
                    if pb.admin2.is_some() && pb.admin2 == ps.admin2 && pb.admin1 == ps.admin1 {
                        pb.admin2.as_deref().and_then(|a| {
                            admin_unit(gaz, a, &pb.country, PlaceKind::Admin2, pb.lat, pb.lon)
                        })
                    } else if pb.admin1.is_some() && pb.admin1 == ps.admin1 {
                        pb.admin1.as_deref().and_then(|a| {
                            admin_unit(gaz, a, &pb.country, PlaceKind::Admin1, pb.lat, pb.lon)
                        })
                    } else {
                        None
                    };
                if let Some(u) = unit {
                    let k = gaz.recs[u as usize].kind;
                    out.push(Some(coded(gaz, u, precision(k, &Cue::Near))));
                    if let Some(d) = details.last_mut() {
                        d.0.push(format!(
                            "two candidates score alike ({best_s:.1}, {second_s:.1}) and lie apart: coded to their shared unit"
                        ));
                    }
                    continue;
                }
            }
        }
        // an uncued village abroad is more likely a word or a surname than the event's place;
        // so is a small place abroad far (> 250 km) from every other place of the text
        let abroad = ctx.country.is_some_and(|c| c != gaz.country_code(best));
        let far_from_the_rest = near[v[0].2].is_none_or(|(d, _)| d > 250.0);
        // (a town too, far from the text's other places and in a country nothing else in the
        // text points to: "à Kouri Bougoudi", in a story of Chad's Tibesti, is not Mali's Koury)
        let stray_town = rb.kind == PlaceKind::Town
            && near[v[0].2].is_some_and(|(d, _)| d > 250.0)
            && !votes
                .iter()
                .any(|(code, _)| *code == gaz.country_code(best));
        // …unless the text has already placed that name there, with a cue ("près de
        // Banibangou … à Banibangou"): one name keeps one place through a text, whatever
        // country a round-up of several countries leans to.
        let placed_before = (0..mi).any(|p| {
            keys[p] == own_key && out[p].as_ref().is_some_and(|r| r.place_id == Some(best))
        });
        if abroad
            && !placed_before
            && ((m.cue == Cue::None
                && matches!(
                    rb.kind,
                    PlaceKind::Village | PlaceKind::Other | PlaceKind::Town
                ))
                || (far_from_the_rest && matches!(rb.kind, PlaceKind::Village | PlaceKind::Other))
                || stray_town)
        {
            out.push(None);
            if let Some(d) = details.last_mut() {
                d.0.push(
                    "a small place outside the story's country, uncued or far from the text's other places: dropped"
                        .into(),
                );
            }
            continue;
        }
        if let Some(d) = details.last_mut() {
            d.0.push(format!("chosen: the best score ({best_s:.1})"));
        }
        out.push(Some(coded(gaz, best, precision(rb.kind, &m.cue))));
    }
    let explained = explain.then_some((country, votes, details));
    (out, explained)
}
