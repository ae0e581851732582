//! The gazetteer: compact storage, the spelling index and loading of the bundled data.
//!
//! Storage is columnar and interned: every spelling lives in one string buffer, admin names are interned
//! once, coordinates are fixed-point (1e-5 degree). [`Place`] values are materialised lazily, the first time
//! [`Gazetteer::place`] asks for one, so memory is paid only for places that are looked at.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

use crate::normalize::{hash_key, key, skeleton};
use crate::{Place, PlaceId, PlaceKind};

/// The compressed TSV written by `scripts/build_gazetteer.py`.
static BUNDLED_TSV_GZ: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");

/// Source tags a row can carry, in bit order (the same names `scripts/build_gazetteer.py` writes;
/// a tag not listed counts as "import", the last).
pub(crate) const SOURCES: [&str; 8] = [
    "ocha",
    "geonames",
    "cities500",
    "osm",
    "seednotes",
    "cities1000",
    "unitseats",
    "import",
];

/// Keys are already 64-bit hashes: pass them through.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

#[derive(Clone)]
pub(crate) struct Rec {
    /// Range in `spans`: the first one is the main name.
    names_start: u32,
    names_len: u16,
    pub(crate) country: [u8; 2],
    pub(crate) kind: PlaceKind,
    pub(crate) sources: u8,
    lat: i32,
    lon: i32,
    /// Interned admin1, admin1_new, admin2, admin3 (0 = none).
    admin: [u32; 4],
    pub(crate) population: u32,
    refs: Span,
}

impl Rec {
    pub(crate) fn lat(&self) -> f64 {
        self.lat as f64 / 1e5
    }
    pub(crate) fn lon(&self) -> f64 {
        self.lon as f64 / 1e5
    }
}

pub struct Gazetteer {
    strings: String,
    spans: Vec<Span>,
    pub(crate) recs: Vec<Rec>,
    interned: Vec<Box<str>>,
    /// Key hash of each interned admin name (0 for the empty one).
    interned_keys: Vec<u64>,
    places: Vec<OnceLock<Box<Place>>>,
    /// key hash → range in `postings`.
    index: IdMap<(u32, u32)>,
    postings: Vec<u32>,
    /// skeleton hash → range in `skel_postings`.
    skel_index: IdMap<(u32, u32)>,
    skel_postings: Vec<u32>,
    /// Longest name in tokens (bounded), for the text scanner.
    pub(crate) max_tokens: usize,
}

/// Skeletons shorter than this are too common to widen candidates with.
pub(crate) const MIN_SKELETON: usize = 4;

pub(crate) fn kind_from_code(c: &str) -> Option<PlaceKind> {
    Some(match c {
        "C" => PlaceKind::Capital,
        "Y" => PlaceKind::City,
        "T" => PlaceKind::Town,
        "V" => PlaceKind::Village,
        "1" => PlaceKind::Admin1,
        "2" => PlaceKind::Admin2,
        "3" => PlaceKind::Admin3,
        "O" => PlaceKind::Other,
        _ => return None,
    })
}

pub(crate) fn is_admin(k: PlaceKind) -> bool {
    matches!(k, PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Admin3)
}

fn source_bits<'a>(sources: impl Iterator<Item = &'a str>) -> u8 {
    let mut bits = 0u8;
    for s in sources {
        let s = s.trim();
        if s.is_empty() {
            continue;
        }
        let i = SOURCES
            .iter()
            .position(|x| *x == s)
            .unwrap_or(SOURCES.len() - 1);
        bits |= 1 << i;
    }
    bits
}

/// Everything a row holds, borrowed, for [`Builder::push`].
pub(crate) struct RowRef<'a> {
    pub names: Vec<&'a str>,
    pub country: &'a str,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    pub admin: [&'a str; 4],
    pub population: u32,
    pub sources: u8,
    pub refs: &'a str,
}

#[derive(Default)]
pub(crate) struct Builder {
    strings: String,
    spans: Vec<Span>,
    recs: Vec<Rec>,
    interned: Vec<Box<str>>,
    intern_ix: HashMap<Box<str>, u32>,
    keys: Vec<(u64, u32)>,
    skels: Vec<(u64, u32)>,
    max_tokens: usize,
}

impl Builder {
    fn new() -> Self {
        let mut b = Builder::default();
        b.interned.push("".into());
        b
    }

    fn intern(&mut self, s: &str) -> u32 {
        if s.is_empty() {
            return 0;
        }
        if let Some(&i) = self.intern_ix.get(s) {
            return i;
        }
        let i = self.interned.len() as u32;
        self.interned.push(s.into());
        self.intern_ix.insert(s.into(), i);
        i
    }

    fn push_str(&mut self, s: &str) -> Span {
        let start = self.strings.len() as u32;
        self.strings.push_str(s);
        Span {
            start,
            len: s.len() as u32,
        }
    }

    pub(crate) fn push(&mut self, row: RowRef<'_>) {
        let id = self.recs.len() as u32;
        let names_start = self.spans.len() as u32;
        let mut seen_keys: Vec<String> = Vec::with_capacity(row.names.len());
        let mut count = 0u16;
        for (i, n) in row.names.iter().enumerate() {
            let n = n.trim();
            if n.is_empty()
                || (i > 0 && row.names[..i].iter().any(|m| m.trim() == n))
                || count == u16::MAX
            {
                continue;
            }
            let sp = self.push_str(n);
            self.spans.push(sp);
            count += 1;
            let k = key(n);
            if k.is_empty() || seen_keys.contains(&k) {
                continue;
            }
            let tokens = crate::normalize::fold(n).split(' ').count();
            self.max_tokens = self.max_tokens.max(tokens.min(6));
            self.keys.push((hash_key(&k), id));
            let sk = skeleton(&k);
            if sk.len() >= MIN_SKELETON {
                self.skels.push((hash_key(&sk), id));
            }
            seen_keys.push(k);
        }
        let cc = row.country.as_bytes();
        let country = [*cc.first().unwrap_or(&b'?'), *cc.get(1).unwrap_or(&b'?')];
        let admin = [
            self.intern(row.admin[0]),
            self.intern(row.admin[1]),
            self.intern(row.admin[2]),
            self.intern(row.admin[3]),
        ];
        let refs = self.push_str(row.refs);
        self.recs.push(Rec {
            names_start,
            names_len: count,
            country,
            kind: row.kind,
            sources: row.sources,
            lat: (row.lat * 1e5).round() as i32,
            lon: (row.lon * 1e5).round() as i32,
            admin,
            population: row.population,
            refs,
        });
    }

    fn postings(mut pairs: Vec<(u64, u32)>) -> (IdMap<(u32, u32)>, Vec<u32>) {
        pairs.sort_unstable();
        pairs.dedup();
        let mut map: IdMap<(u32, u32)> = IdMap::default();
        map.reserve(pairs.len());
        let mut postings = Vec::with_capacity(pairs.len());
        let mut i = 0;
        while i < pairs.len() {
            let h = pairs[i].0;
            let start = postings.len() as u32;
            while i < pairs.len() && pairs[i].0 == h {
                postings.push(pairs[i].1);
                i += 1;
            }
            map.insert(h, (start, postings.len() as u32 - start));
        }
        map.shrink_to_fit();
        (map, postings)
    }

    pub(crate) fn finish(self) -> Gazetteer {
        let (index, postings) = Self::postings(self.keys);
        let (skel_index, skel_postings) = Self::postings(self.skels);
        let mut places = Vec::with_capacity(self.recs.len());
        places.resize_with(self.recs.len(), OnceLock::new);
        let mut strings = self.strings;
        strings.shrink_to_fit();
        let mut spans = self.spans;
        spans.shrink_to_fit();
        let interned_keys = self
            .interned
            .iter()
            .map(|s| if s.is_empty() { 0 } else { hash_key(&key(s)) })
            .collect();
        Gazetteer {
            strings,
            spans,
            recs: self.recs,
            interned: self.interned,
            interned_keys,
            places,
            index,
            postings,
            skel_index,
            skel_postings,
            max_tokens: self.max_tokens.max(1),
        }
    }
}

/// Parses the gazetteer TSV (the format of `data/gazetteer.tsv.gz`; `#` lines and the header skipped).
pub(crate) fn parse_tsv(text: &str) -> Result<Gazetteer, String> {
    let mut b = Builder::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') || line.starts_with("name\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 13 {
            return Err(format!(
                "gazetteer line {}: expected 13 columns, found {}",
                i + 1,
                f.len()
            ));
        }
        let lat: f64 = f[3]
            .parse()
            .map_err(|_| format!("gazetteer line {}: bad latitude {:?}", i + 1, f[3]))?;
        let lon: f64 = f[4]
            .parse()
            .map_err(|_| format!("gazetteer line {}: bad longitude {:?}", i + 1, f[4]))?;
        let kind = kind_from_code(f[5])
            .ok_or_else(|| format!("gazetteer line {}: bad kind {:?}", i + 1, f[5]))?;
        let mut names = vec![f[0]];
        if !f[1].is_empty() {
            names.extend(f[1].split('|'));
        }
        b.push(RowRef {
            names,
            country: f[2],
            lat,
            lon,
            kind,
            admin: [f[6], f[7], f[8], f[9]],
            population: f[10].parse().unwrap_or(0),
            sources: source_bits(f[11].split(',')),
            refs: f[12],
        });
    }
    Ok(b.finish())
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, decoded on first use.
    pub fn bundled() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| {
            let mut text = String::new();
            let decoded = flate2::read::GzDecoder::new(BUNDLED_TSV_GZ).read_to_string(&mut text);
            match decoded
                .map_err(|e| format!("bundled gazetteer: {e}"))
                .and_then(|_| parse_tsv(&text))
            {
                Ok(g) => g,
                // The bundled file is generated and tested; an empty gazetteer is the only non-panicking fallback.
                Err(_) => Builder::new().finish(),
            }
        })
    }

    /// Builds a gazetteer from places (ids are reassigned in order).
    pub fn from_places(places: &[Place]) -> Gazetteer {
        let mut b = Builder::new();
        for p in places {
            let mut names: Vec<&str> = vec![p.name.as_str()];
            names.extend(p.names.iter().map(String::as_str));
            b.push(RowRef {
                names,
                country: &p.country,
                lat: p.lat,
                lon: p.lon,
                kind: p.kind,
                admin: [
                    p.admin1.as_deref().unwrap_or(""),
                    p.admin1_new.as_deref().unwrap_or(""),
                    p.admin2.as_deref().unwrap_or(""),
                    p.admin3.as_deref().unwrap_or(""),
                ],
                population: p.population,
                sources: source_bits(p.sources.iter().map(String::as_str)),
                refs: "",
            });
        }
        b.finish()
    }

    pub fn len(&self) -> usize {
        self.recs.len()
    }
    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    /// The place with this id. Panics if `id` is not from this gazetteer (`id < len()`).
    pub fn place(&self, id: PlaceId) -> &Place {
        self.places[id as usize].get_or_init(|| Box::new(self.materialize(id)))
    }

    fn span(&self, s: Span) -> &str {
        &self.strings[s.start as usize..(s.start + s.len) as usize]
    }

    fn admin_str(&self, i: u32) -> Option<String> {
        (i != 0).then(|| self.interned[i as usize].to_string())
    }

    /// Key hash of an admin name of a place (level 0 admin1, 1 admin1_new, 2 admin2, 3 admin3; 0 if none).
    pub(crate) fn admin_key(&self, id: PlaceId, level: usize) -> u64 {
        self.interned_keys[self.recs[id as usize].admin[level] as usize]
    }

    /// All spellings of a place (main name first), without materialising it.
    pub(crate) fn names_of(&self, id: PlaceId) -> impl Iterator<Item = &str> {
        let r = &self.recs[id as usize];
        let s = r.names_start as usize;
        self.spans[s..s + r.names_len as usize]
            .iter()
            .map(|sp| self.span(*sp))
    }

    pub(crate) fn country_code(&self, id: PlaceId) -> &str {
        std::str::from_utf8(&self.recs[id as usize].country).unwrap_or("??")
    }

    /// Source references of a place ("gn:2458925", "osm:1703669076", "ocha:ML010105000").
    pub fn refs(&self, id: PlaceId) -> Vec<&str> {
        let r = self.span(self.recs[id as usize].refs);
        r.split(',').filter(|s| !s.is_empty()).collect()
    }

    fn materialize(&self, id: PlaceId) -> Place {
        let r = &self.recs[id as usize];
        let names: Vec<String> = self.names_of(id).map(str::to_string).collect();
        Place {
            id,
            name: names.first().cloned().unwrap_or_default(),
            names,
            country: self.country_code(id).to_string(),
            lat: r.lat(),
            lon: r.lon(),
            kind: r.kind,
            admin1: self.admin_str(r.admin[0]),
            admin1_new: self.admin_str(r.admin[1]),
            admin2: self.admin_str(r.admin[2]),
            admin3: self.admin_str(r.admin[3]),
            population: r.population,
            sources: SOURCES
                .iter()
                .enumerate()
                .filter(|(i, _)| r.sources & (1 << i) != 0)
                .map(|(_, s)| s.to_string())
                .collect(),
        }
    }

    pub(crate) fn lookup_hash(&self, h: u64) -> &[u32] {
        match self.index.get(&h) {
            Some(&(s, n)) => &self.postings[s as usize..(s + n) as usize],
            None => &[],
        }
    }

    pub(crate) fn lookup_skeleton(&self, h: u64) -> &[u32] {
        match self.skel_index.get(&h) {
            Some(&(s, n)) => &self.skel_postings[s as usize..(s + n) as usize],
            None => &[],
        }
    }

    /// Candidates whose spelling matches `name` (case, accents and punctuation ignored).
    /// A Tamasheq name with or without its initial "i" ("Ntillit" = "In-Tillit") matches when
    /// the spelling itself is unknown.
    pub fn lookup(&self, name: &str) -> Vec<PlaceId> {
        let k = key(name);
        if k.is_empty() {
            return Vec::new();
        }
        let ids = self.lookup_hash(hash_key(&k));
        if ids.is_empty() {
            if let Some(v) = crate::normalize::tamasheq_variant(&k) {
                return self.lookup_hash(hash_key(&v)).to_vec();
            }
        }
        ids.to_vec()
    }

    /// Candidates for `name` for display (`vigie gazetteer lookup NAME`): exact spellings first, then similar
    /// spellings (same consonant skeleton), each with its sources, admin units and source references.
    pub fn lookup_details(&self, name: &str) -> Vec<Candidate<'_>> {
        let k = key(name);
        if k.is_empty() {
            return Vec::new();
        }
        let exact = self.lookup_hash(hash_key(&k));
        let mut out: Vec<Candidate<'_>> = exact
            .iter()
            .map(|&id| Candidate {
                place: self.place(id),
                refs: self.refs(id),
                exact: true,
            })
            .collect();
        let sk = skeleton(&k);
        if sk.len() >= MIN_SKELETON {
            for &id in self.lookup_skeleton(hash_key(&sk)) {
                if !exact.contains(&id) {
                    out.push(Candidate {
                        place: self.place(id),
                        refs: self.refs(id),
                        exact: false,
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            b.exact
                .cmp(&a.exact)
                .then(a.place.country.cmp(&b.place.country))
                .then(b.place.population.cmp(&a.place.population))
                .then(a.place.id.cmp(&b.place.id))
        });
        out
    }

    /// Every place, materialised (used to merge an import).
    pub fn places(&self) -> impl Iterator<Item = &Place> {
        (0..self.len() as PlaceId).map(|id| self.place(id))
    }
}

/// One candidate of [`Gazetteer::lookup_details`].
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub place: &'a Place,
    /// Source references ("gn:<geonameid>", "osm:<node>", "ocha:<pcode>").
    pub refs: Vec<&'a str>,
    /// The spelling matched exactly (accents/case aside); false for a similar spelling.
    pub exact: bool,
}

impl std::fmt::Display for Candidate<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.place;
        let units: Vec<&str> = [&p.admin1, &p.admin2, &p.admin3]
            .iter()
            .filter_map(|a| a.as_deref())
            .collect();
        write!(
            f,
            "#{} {} [{}] {:?} {:.4},{:.4} {}{} sources={} refs={}{}",
            p.id,
            p.name,
            p.country,
            p.kind,
            p.lat,
            p.lon,
            units.join(" / "),
            p.admin1_new
                .as_deref()
                .map(|r| format!(" (since 2023: {r})"))
                .unwrap_or_default(),
            p.sources.join(","),
            self.refs.join(","),
            if self.exact {
                ""
            } else {
                " (similar spelling)"
            }
        )?;
        let others: Vec<&str> = p.names.iter().skip(1).map(String::as_str).collect();
        if !others.is_empty() {
            write!(f, " aka {}", others.join("|"))?;
        }
        Ok(())
    }
}
