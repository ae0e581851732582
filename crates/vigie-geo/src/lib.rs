//! Vigie's geography: a bundled village-level gazetteer of the Sahel and place recognition
//! in context (cues, homonyms, admin units named in the text).
//!
//! API contract used by `vigie-core` (keep it compiling; fill in the bodies):
//! - [`Gazetteer::bundled`] — the embedded gazetteer, decoded once.
//! - [`Gazetteer::lookup`] — candidates for a name (any spelling, accents or not).
//! - [`find_places`] — place names in a text with their cue words.
//! - [`resolve`] — article-level disambiguation of those names into [`ResolvedPlace`]s.
//! - [`global`] / [`install_global`] — the process-wide gazetteer (bundled, or bundled + an imported
//!   GeoNames dump: [`parse_geonames_dump`] then [`Gazetteer::with_extra`]).
//! - [`Gazetteer::lookup_details`] — candidates with sources, admin units and references (CLI lookup).
//!
//! Country names ("Mali", "Sénégal", "Burkina Faso"…) are reported by [`find_places`] with
//! `Cue::Admin(AdminLevel::Country)` and no candidates; [`resolve`] turns them into a country-only
//! [`ResolvedPlace`] (`place_id`, `latitude`, `longitude` None): context for the article, never an event point.
//!
//! Data: `data/gazetteer.tsv.gz` is built by `scripts/build_gazetteer.py` (sources and licences in
//! `data/ATTRIBUTION.md`: GeoNames CC BY 4.0, © OpenStreetMap contributors ODbL 1.0, OCHA Mali).

use serde::{Deserialize, Serialize};

mod gazetteer;
mod geonames;
pub mod normalize;
mod recognize;
mod resolve;

/// Index of a place in its gazetteer.
pub type PlaceId = u32;

/// What a gazetteer row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlaceKind {
    Capital,
    City,
    Town,
    Village,
    /// An administrative unit (region, cercle/province/department, commune) used as a place.
    Admin1,
    Admin2,
    Admin3,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: PlaceId,
    pub name: String,
    /// Every spelling known for it (including `name`).
    pub names: Vec<String>,
    /// ISO 3166-1 alpha-2 code ("ML").
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    /// First-level unit as reports and ACLED name it (Mali: pre-2023 regions).
    pub admin1: Option<String>,
    /// Mali's post-2023-reform region, where it differs.
    pub admin1_new: Option<String>,
    pub admin2: Option<String>,
    pub admin3: Option<String>,
    pub population: u32,
    /// Sources the row was merged from ("ocha", "geonames", "osm", "cities500").
    pub sources: Vec<String>,
}

/// A place as coded on a mention or incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedPlace {
    /// ACLED `location`: the name of the place the event is coded to.
    pub location: String,
    pub place_id: Option<PlaceId>,
    /// Country name ("Mali").
    pub country: String,
    /// ISO 3166-1 alpha-2 ("ML").
    pub country_code: String,
    pub admin1: Option<String>,
    pub admin1_new: Option<String>,
    pub admin2: Option<String>,
    pub admin3: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// ACLED: 1 the named place, 2 near it / small area, 3 only a region.
    pub geo_precision: u8,
}

/// The words around a place name that say how the event relates to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cue {
    /// "à X", "in X", "at X"
    At,
    /// "près de X", "near X", "outside X", "non loin de X", "à l'ouest de X"
    Near,
    /// "entre X et Y", "between X and Y"
    Between,
    /// "à 50 km de X", "50 km from X"
    DistanceFrom {
        km: f64,
    },
    /// "sur l'axe X-Y", "on the X-Y road"
    Axis,
    /// "cercle de X", "région de X", "commune de X", "province of X"
    Admin(AdminLevel),
    /// "(Bankass, Mopti)" right after another name
    Parenthetical,
    /// "évacués vers X", "taken to X", "fled to X", "based in X", "venus de X": a place the
    /// story passes through, not where the event happened.
    Elsewhere,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdminLevel {
    Country,
    Region,
    Cercle,
    Commune,
}

/// A place name found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub cue: Cue,
    pub candidates: Vec<PlaceId>,
}

pub use gazetteer::{Candidate, Gazetteer};
pub use geonames::{global, install_global, parse_geonames_dump, parse_geonames_dump_lenient};
pub use recognize::{country_code_of, demonym_votes, find_places};
pub use resolve::{geocode, is_reference_point, resolve, resolve_with_demonyms};

/// What [`geocode`] found in a text: the story's country and every place with its candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geocoding {
    /// ISO code of the story's country, when the text settles it.
    pub country: Option<String>,
    /// The votes behind it (country names, demonyms, places found in one country only, names
    /// qualified by their admin units), highest first.
    pub country_votes: Vec<CountryVote>,
    pub places: Vec<GeocodedPlace>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryVote {
    pub country: String,
    pub votes: f64,
}

/// One place name found in a text, the candidate chosen and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeocodedPlace {
    pub surface: String,
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
    /// The place coded for this name (None: dropped or unknown).
    pub chosen: Option<ResolvedPlace>,
    /// Why: the cue, the admin units given with the name, the decision taken.
    pub why: Vec<String>,
    /// Candidates, best first (at most 8), each with its score and the reasons for it.
    pub candidates: Vec<ScoredCandidate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredCandidate {
    pub place_id: PlaceId,
    pub name: String,
    pub country_code: String,
    pub kind: PlaceKind,
    pub latitude: f64,
    pub longitude: f64,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub admin3: Option<String>,
    pub score: f64,
    /// The spelling matched exactly (case, accents, hyphens and spaces aside).
    pub exact: bool,
    /// Distance to the nearest other place of the text ("12 km from Gao").
    pub nearest_other_place: Option<String>,
    /// The evidence behind the score, each with its points.
    pub reasons: Vec<String>,
}

/// ISO codes [`country_name`] knows.
pub const COUNTRY_CODES: [&str; 21] = [
    "ML", "BF", "NE", "SN", "MR", "TD", "NG", "GN", "GW", "GM", "CI", "DZ", "LY", "GH", "TG", "BJ",
    "CM", "SD", "MA", "SL", "LR",
];

/// Great-circle (haversine) distance in km; the one distance the whole workspace uses.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

/// Country name for an ISO alpha-2 code of the region ("ML" → "Mali").
pub fn country_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "ML" => "Mali",
        "BF" => "Burkina Faso",
        "NE" => "Niger",
        "SN" => "Senegal",
        "MR" => "Mauritania",
        "TD" => "Chad",
        "NG" => "Nigeria",
        "GN" => "Guinea",
        "GW" => "Guinea-Bissau",
        "GM" => "Gambia",
        "CI" => "Ivory Coast",
        "DZ" => "Algeria",
        "LY" => "Libya",
        "GH" => "Ghana",
        "TG" => "Togo",
        "BJ" => "Benin",
        "CM" => "Cameroon",
        "SD" => "Sudan",
        "MA" => "Morocco",
        "SL" => "Sierra Leone",
        "LR" => "Liberia",
        _ => return None,
    })
}
