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
    country_name, AdminLevel, Cue, Gazetteer, PlaceId, PlaceKind, PlaceMention, ResolvedPlace,
};

struct Ctx {
    country: Option<&'static str>,
    /// (key hash of a name in the text, weight); a mention never supports a candidate of its own name
    admin: Vec<(u64, f64)>,
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
) -> Option<&'static str> {
    let mut votes: HashMap<&'static str, f64> = HashMap::new();
    for (m, ex) in mentions.iter().zip(exact) {
        if m.cue == Cue::Admin(AdminLevel::Country) {
            if let Some(c) = country_code_of(&m.surface) {
                *votes.entry(c).or_default() += 3.0;
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
    for (code, n) in demonym_votes(text) {
        *votes.entry(code).or_default() += 2.0 * n as f64;
    }
    let mut v: Vec<(&'static str, f64)> = votes.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    match v.as_slice() {
        [] => None,
        [(c, _)] => Some(*c),
        [(c, a), (_, b), ..] => (a > b).then_some(*c),
    }
}

/// The `&'static str` ISO code for a code read from the gazetteer.
fn static_code(cc: &str) -> Option<&'static str> {
    country_name(cc)?;
    crate::COUNTRY_CODES.iter().copied().find(|c| *c == cc)
}

fn score(
    gaz: &Gazetteer,
    ctx: &Ctx,
    own_key: u64,
    m: &PlaceMention,
    id: PlaceId,
    exact: bool,
) -> f64 {
    let r = &gaz.recs[id as usize];
    let mut s = if exact { 3.0 } else { 0.0 };
    // Named by its own name rather than by another place's alternate spelling ("Nampala"
    // the town, not a village listing "Nampala" among its variants).
    if exact
        && gaz
            .names_of(id)
            .next()
            .is_some_and(|main| hash_key(&key(main)) == own_key)
    {
        s += 2.0;
    }
    if let Some(c) = ctx.country {
        s += if gaz.country_code(id) == c { 5.0 } else { -4.0 };
    }
    if let Some(want) = wanted_admin(&m.cue) {
        s += if r.kind == want {
            8.0
        } else if is_admin(r.kind) {
            2.0
        } else {
            -2.0
        };
    } else if m.cue == Cue::Parenthetical {
        s += match r.kind {
            PlaceKind::Admin2 => 4.0,
            PlaceKind::Admin1 => 3.5,
            PlaceKind::Admin3 => 2.0,
            _ => 0.0,
        };
    } else {
        s += match r.kind {
            PlaceKind::Capital => 3.0,
            PlaceKind::City => 2.5,
            PlaceKind::Town => 2.0,
            PlaceKind::Village => 0.5,
            PlaceKind::Other => 0.0,
            _ => -1.5,
        };
    }
    s += ((r.population as f64) + 1.0).log10() * 0.4;
    let n_sources = r.sources.count_ones() as f64;
    s += 0.4 * (n_sources - 1.0);
    if r.sources == 1 << 3 {
        s -= 0.3; // OSM only
    }
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
    s + b1 + b2 + b3
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
    let country = country_votes(gaz, text, mentions, &exact);
    let keys: Vec<u64> = mentions
        .iter()
        .map(|m| hash_key(&key(&m.surface)))
        .collect();
    let mut admin: Vec<(u64, f64)> = Vec::new();
    for (m, &k) in mentions.iter().zip(&keys) {
        if m.candidates.is_empty() {
            continue;
        }
        let w = match m.cue {
            Cue::Admin(_) | Cue::Parenthetical => 4.0,
            _ => 1.5,
        };
        match admin.iter_mut().find(|(ak, _)| *ak == k) {
            Some(a) => a.1 = a.1.max(w),
            None => admin.push((k, w)),
        }
    }
    let ctx = Ctx { country, admin };

    // pass 1: scores without proximity (the same name with the same cue scores the same)
    let mut scored: Vec<Vec<(PlaceId, f64)>> = Vec::with_capacity(mentions.len());
    for (mi, m) in mentions.iter().enumerate() {
        if let Some(prev) = (0..mi).find(|&p| {
            keys[p] == keys[mi]
                && mentions[p].cue == m.cue
                && mentions[p].candidates == m.candidates
        }) {
            let v = scored[prev].clone();
            scored.push(v);
            continue;
        }
        let mut v: Vec<(PlaceId, f64)> = m
            .candidates
            .iter()
            .copied()
            .filter(|&id| id < n)
            .map(|id| {
                (
                    id,
                    score(gaz, &ctx, keys[mi], m, id, exact[mi].contains(&id)),
                )
            })
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.push(v);
    }
    // anchors for proximity: the first choice of each distinct name
    let mut anchors: Vec<(f64, f64, u64)> = Vec::new();
    for (v, &k) in scored.iter().zip(&keys) {
        if let Some(&(id, _)) = v.first() {
            if !anchors.iter().any(|a| a.2 == k) {
                let r = &gaz.recs[id as usize];
                anchors.push((r.lat(), r.lon(), k));
            }
        }
    }

    // pass 2: proximity to the other places of the article
    let mut out = Vec::with_capacity(mentions.len());
    for (mi, m) in mentions.iter().enumerate() {
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
            continue;
        }
        if scored[mi].is_empty() {
            out.push(None);
            continue;
        }
        if let Some(prev) = (0..mi).find(|&p| {
            keys[p] == keys[mi]
                && mentions[p].cue == m.cue
                && mentions[p].candidates == m.candidates
        }) {
            let same = out[prev].clone();
            out.push(same);
            continue;
        }
        let own_key = keys[mi];
        let mut v: Vec<(PlaceId, f64)> = scored[mi]
            .iter()
            .map(|&(id, s)| {
                let r = &gaz.recs[id as usize];
                let mut best_d = f64::INFINITY;
                for &(lat, lon, k) in &anchors {
                    if k != own_key {
                        best_d = best_d.min(approx_km(r.lat(), r.lon(), lat, lon));
                    }
                }
                let bonus = if best_d < 30.0 {
                    2.5
                } else if best_d < 100.0 {
                    1.5
                } else if best_d < 250.0 {
                    0.5
                } else {
                    0.0
                };
                (id, s + bonus)
            })
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let (best, best_s) = v[0];
        let rb = &gaz.recs[best as usize];
        // no single point fits: two close scores far apart → their shared cercle, else region
        if let Some(&(second, second_s)) = v.get(1) {
            let rs = &gaz.recs[second as usize];
            if best_s - second_s < 0.5
                && !is_admin(rb.kind)
                && !is_admin(rs.kind)
                && gaz.country_code(best) == gaz.country_code(second)
                && km(rb.lat(), rb.lon(), rs.lat(), rs.lon()) > 25.0
            {
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
                    continue;
                }
            }
        }
        // an uncued village abroad is more likely a word or a surname than the event's place
        if m.cue == Cue::None
            && matches!(rb.kind, PlaceKind::Village | PlaceKind::Other)
            && ctx.country.is_some_and(|c| c != gaz.country_code(best))
        {
            out.push(None);
            continue;
        }
        out.push(Some(coded(gaz, best, precision(rb.kind, &m.cue))));
    }
    out
}
