//! GeoNames country dumps (`XX.txt`, 19 tab-separated columns) and merging extra places into a gazetteer.

use std::collections::HashMap;
use std::io::BufRead;
use std::sync::OnceLock;

use crate::gazetteer::is_admin;
use crate::normalize::key;
use crate::{Gazetteer, Place, PlaceKind};

/// Places within this distance that share a spelling are the same place.
const MERGE_KM: f64 = 6.0;
/// Admin units of a new point are copied from the nearest known place of its country within this distance.
const ADMIN_KM: f64 = 40.0;

fn kind_of(class: &str, code: &str, population: u32) -> Option<PlaceKind> {
    match class {
        "P" => Some(match code {
            "PPLQ" | "PPLH" | "PPLW" | "PPLCH" => return None,
            "PPLC" => PlaceKind::Capital,
            _ if population >= 100_000 => PlaceKind::City,
            "PPLA" | "PPLA2" | "PPLA3" | "PPLA4" => PlaceKind::Town,
            _ if population >= 10_000 => PlaceKind::Town,
            _ => PlaceKind::Village,
        }),
        "A" => match code {
            "ADM1" => Some(PlaceKind::Admin1),
            "ADM2" => Some(PlaceKind::Admin2),
            "ADM3" => Some(PlaceKind::Admin3),
            _ => None,
        },
        "S" if code == "MILB" => Some(PlaceKind::Other),
        _ => None,
    }
}

fn latin_spelling(s: &str) -> bool {
    let s = s.trim();
    s.chars().count() >= 2
        && s.chars().any(char::is_alphabetic)
        && s.chars().all(|c| {
            (c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)))
                || matches!(c, ' ' | '-' | '\'' | '’' | '.')
        })
        && s.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
        && !(s.len() <= 4 && s.chars().all(|c| c.is_ascii_uppercase()))
}

/// Strips "Cercle de", "Province du", "… Region" etc. from an admin unit's GeoNames name.
fn clean_admin(name: &str) -> String {
    let mut s = name.trim().to_string();
    for p in [
        "Cercle de ",
        "Cercle d’",
        "Cercle d'",
        "Province du ",
        "Province de la ",
        "Province de ",
        "Département de ",
        "Departement de ",
        "Région de ",
        "Region de ",
        "Commune de ",
    ] {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest.trim().to_string();
            break;
        }
    }
    for suf in [
        " Cercle",
        " Region",
        " Région",
        " Province",
        " Department",
        " Département",
        " Commune",
        " State",
    ] {
        if let Some(rest) = s.strip_suffix(suf) {
            s = rest.trim().to_string();
        }
    }
    if s.is_empty() {
        name.trim().to_string()
    } else {
        s
    }
}

struct Row {
    place: Place,
    a1: String,
    a2: String,
}

fn parse_line(line: &str, n: usize) -> Result<Option<Row>, String> {
    let c: Vec<&str> = line.split('\t').collect();
    if c.len() < 19 {
        return Err(format!(
            "line {n}: expected 19 tab-separated GeoNames columns, found {}",
            c.len()
        ));
    }
    let lat: f64 = c[4]
        .trim()
        .parse()
        .map_err(|_| format!("line {n}: bad latitude {:?}", c[4]))?;
    let lon: f64 = c[5]
        .trim()
        .parse()
        .map_err(|_| format!("line {n}: bad longitude {:?}", c[5]))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("line {n}: coordinate out of range {lat},{lon}"));
    }
    let population: u32 = if c[14].trim().is_empty() {
        0
    } else {
        c[14]
            .trim()
            .parse()
            .map_err(|_| format!("line {n}: bad population {:?}", c[14]))?
    };
    let country = c[8].trim();
    if country.len() != 2 {
        return Err(format!("line {n}: bad country code {:?}", c[8]));
    }
    let Some(kind) = kind_of(c[6].trim(), c[7].trim(), population) else {
        return Ok(None);
    };
    let admin = is_admin(kind);
    let fix = |s: &str| {
        if admin {
            clean_admin(s)
        } else {
            s.trim().to_string()
        }
    };
    let name = fix(c[1]);
    let mut names = vec![name.clone()];
    for alt in std::iter::once(c[2]).chain(c[3].split(',')) {
        let alt = fix(alt);
        if latin_spelling(&alt) && !names.contains(&alt) {
            // admin units carry labels in many languages: keep those that look like the name
            if admin && key(&alt).get(..4) != key(&name).get(..4) {
                continue;
            }
            names.push(alt);
        }
    }
    Ok(Some(Row {
        place: Place {
            id: 0,
            name,
            names,
            country: country.to_string(),
            lat,
            lon,
            kind,
            admin1: None,
            admin1_new: None,
            admin2: None,
            admin3: None,
            population,
            sources: vec!["import".to_string()],
        },
        a1: c[10].trim().to_string(),
        a2: c[11].trim().to_string(),
    }))
}

fn finish(rows: Vec<Row>) -> Vec<Place> {
    // admin names from the dump's own ADM1/ADM2 rows
    let mut a1: HashMap<(String, String), String> = HashMap::new();
    let mut a2: HashMap<(String, String, String), String> = HashMap::new();
    for r in &rows {
        match r.place.kind {
            PlaceKind::Admin1 => {
                a1.entry((r.place.country.clone(), r.a1.clone()))
                    .or_insert_with(|| r.place.name.clone());
            }
            PlaceKind::Admin2 => {
                a2.entry((r.place.country.clone(), r.a1.clone(), r.a2.clone()))
                    .or_insert_with(|| r.place.name.clone());
            }
            _ => {}
        }
    }
    rows.into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r.place.id = i as u32;
            r.place.admin1 = a1.get(&(r.place.country.clone(), r.a1.clone())).cloned();
            if !r.a2.is_empty() {
                r.place.admin2 = a2.get(&(r.place.country.clone(), r.a1, r.a2)).cloned();
            }
            if r.place.kind == PlaceKind::Admin1 {
                r.place.admin1 = Some(r.place.name.clone());
            }
            if r.place.kind == PlaceKind::Admin2 {
                r.place.admin2 = Some(r.place.name.clone());
            }
            if r.place.kind == PlaceKind::Admin3 {
                r.place.admin3 = Some(r.place.name.clone());
            }
            r.place
        })
        .collect()
}

/// Reads a GeoNames country dump (`ML.txt`): populated places (class P, except abandoned/historical),
/// admin units (ADM1–ADM3) and military bases; Latin-script alternate names become spellings; admin names
/// come from the dump's own ADM1/ADM2 rows. Fails on the first malformed line, naming it.
pub fn parse_geonames_dump(reader: impl BufRead) -> Result<Vec<Place>, String> {
    let (places, errors) = parse_geonames_dump_lenient(reader);
    match errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(places),
    }
}

/// Like [`parse_geonames_dump`] but skips malformed lines and returns one error message per skipped line.
pub fn parse_geonames_dump_lenient(reader: impl BufRead) -> (Vec<Place>, Vec<String>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let n = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                errors.push(format!("line {n}: {e}"));
                break;
            }
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line, n) {
            Ok(Some(r)) => rows.push(r),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    (finish(rows), errors)
}

pub(crate) use crate::distance_km as km;

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    ((lat * 10.0).floor() as i32, (lon * 10.0).floor() as i32)
}

impl Gazetteer {
    /// A new gazetteer: this one plus `extra` places (e.g. from [`parse_geonames_dump`]). An extra place that
    /// shares a spelling with a known place of the same country and kind family within 6 km is merged into it
    /// (new spellings and sources added, missing admin units filled); others are appended, taking missing
    /// admin units from the nearest known place of their country (40 km). Ids of existing places are kept.
    pub fn with_extra(&self, extra: Vec<Place>) -> Gazetteer {
        let mut places: Vec<Place> = self.places().cloned().collect();
        let mut by_key: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut grid: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
        let index = |p: &Place, i: usize, by_key: &mut HashMap<(String, String), Vec<usize>>| {
            for n in std::iter::once(&p.name).chain(p.names.iter()) {
                let e = by_key.entry((p.country.clone(), key(n))).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
        };
        for (i, p) in places.iter().enumerate() {
            index(p, i, &mut by_key);
            grid.entry(cell(p.lat, p.lon)).or_default().push(i);
        }
        for mut e in extra {
            let mut best: Option<(usize, f64)> = None;
            for n in std::iter::once(&e.name).chain(e.names.iter()) {
                for &i in by_key
                    .get(&(e.country.clone(), key(n)))
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                {
                    let p = &places[i];
                    let same_family = if is_admin(p.kind) || is_admin(e.kind) {
                        p.kind == e.kind
                    } else {
                        true
                    };
                    let d = km(p.lat, p.lon, e.lat, e.lon);
                    let limit = if is_admin(e.kind) { 150.0 } else { MERGE_KM };
                    if same_family && d <= limit && best.is_none_or(|(_, bd)| d < bd) {
                        best = Some((i, d));
                    }
                }
            }
            if let Some((i, _)) = best {
                let p = &mut places[i];
                for n in std::iter::once(e.name).chain(e.names) {
                    if !n.is_empty() && !p.names.contains(&n) {
                        p.names.push(n);
                    }
                }
                for s in e.sources {
                    if !p.sources.contains(&s) {
                        p.sources.push(s);
                    }
                }
                p.population = p.population.max(e.population);
                for (mine, theirs) in [
                    (&mut p.admin1, e.admin1),
                    (&mut p.admin2, e.admin2),
                    (&mut p.admin3, e.admin3),
                    (&mut p.admin1_new, e.admin1_new),
                ] {
                    if mine.is_none() {
                        *mine = theirs;
                    }
                }
                let p = p.clone();
                index(&p, i, &mut by_key);
                continue;
            }
            if !is_admin(e.kind) {
                let (ci, cj) = cell(e.lat, e.lon);
                let mut near: Option<(usize, f64)> = None;
                for di in -4..=4 {
                    for dj in -4..=4 {
                        for &i in grid
                            .get(&(ci + di, cj + dj))
                            .map(Vec::as_slice)
                            .unwrap_or(&[])
                        {
                            let p = &places[i];
                            if p.country != e.country || is_admin(p.kind) || p.admin1.is_none() {
                                continue;
                            }
                            let d = km(p.lat, p.lon, e.lat, e.lon);
                            if d <= ADMIN_KM && near.is_none_or(|(_, bd)| d < bd) {
                                near = Some((i, d));
                            }
                        }
                    }
                }
                if let Some((i, _)) = near {
                    let p = &places[i];
                    // The country's own admin chain (Mali: OCHA's pre-2023 units) wins over the dump's codes.
                    e.admin1 = p.admin1.clone().or(e.admin1);
                    e.admin1_new = p.admin1_new.clone().or(e.admin1_new);
                    e.admin2 = p.admin2.clone().or(e.admin2);
                    e.admin3 = p.admin3.clone();
                }
            }
            let i = places.len();
            e.id = i as u32;
            index(&e, i, &mut by_key);
            grid.entry(cell(e.lat, e.lon)).or_default().push(i);
            places.push(e);
        }
        Gazetteer::from_places(&places)
    }
}

static GLOBAL: OnceLock<Gazetteer> = OnceLock::new();

/// Installs the process-wide gazetteer (e.g. bundled + a user's imported dump), before the first [`global`]
/// call that should see it. Returns false (and drops `g`) if one was installed already: the first stays.
pub fn install_global(g: Gazetteer) -> bool {
    GLOBAL.set(g).is_ok()
}

/// The installed gazetteer, else the bundled one.
pub fn global() -> &'static Gazetteer {
    GLOBAL.get().unwrap_or_else(Gazetteer::bundled)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "2455518\tKayes\tKayes\tKaes,Kajes,كاي\t14.44693\t-11.44448\tP\tPPLA\tML\t\t03\t\t\t\t127368\t\t47\tAfrica/Bamako\t2023-01-01\n\
        9999001\tNouveau Village\tNouveau Village\tNouvo Vilaj\t14.5\t-11.5\tP\tPPL\tML\t\t03\t\t\t\t0\t\t47\tAfrica/Bamako\t2024-01-01\n\
        9999002\tKayes Region\tKayes Region\t\t14.0\t-10.5\tA\tADM1\tML\t\t03\t\t\t\t0\t\t47\tAfrica/Bamako\t2024-01-01\n\
        9999003\tSome Hill\tSome Hill\t\t14.0\t-10.5\tT\tHLL\tML\t\t03\t\t\t\t0\t\t47\tAfrica/Bamako\t2024-01-01\n";

    #[test]
    fn parses_places_and_admin_names() {
        let places = parse_geonames_dump(DUMP.as_bytes()).unwrap();
        assert_eq!(places.len(), 3, "hill skipped");
        assert_eq!(
            places[0].names,
            vec!["Kayes", "Kaes", "Kajes"],
            "non-Latin spellings dropped"
        );
        assert_eq!(places[1].admin1.as_deref(), Some("Kayes"));
        assert_eq!(places[2].kind, PlaceKind::Admin1);
    }

    #[test]
    fn bad_line_is_named() {
        let bad = format!(
            "{DUMP}123\tBroken\tBroken\t\tnotalat\t-11\tP\tPPL\tML\t\t03\t\t\t\t0\t\t\t\t\n"
        );
        let err = parse_geonames_dump(bad.as_bytes()).unwrap_err();
        assert!(err.starts_with("line 5: bad latitude"), "{err}");
        let short = parse_geonames_dump("1\tX\n".as_bytes()).unwrap_err();
        assert!(short.contains("line 1") && short.contains("19"), "{short}");
        let (ok, errs) = parse_geonames_dump_lenient(bad.as_bytes());
        assert_eq!((ok.len(), errs.len()), (3, 1));
    }
}
