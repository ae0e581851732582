//! Vigie's store: articles and their versions, documents, mentions, incidents and claims, in
//! an embedded SQLite file or a shared PostgreSQL database. The only crate that knows SQL.
//!
//! Contract used by `vigie-cli` and the web server (keep the signatures; fill the bodies):
//! - [`Store::open`] / [`Store::open_in_memory`]: migrate, WAL.
//! - [`Store::ingest`]: one transaction per batch of processed articles; content hash decides
//!   new / unchanged / updated (a new version replaces what was derived from the old one).
//! - [`Store::relink`]: re-run linking over stored mentions and write incidents (ids stable).
//! - [`Store::incidents`], [`Store::incident`], [`Store::articles`], [`Store::article`],
//!   [`Store::stats`]: the read side, returning serde-serializable views.
//!
//! The store's logic is written once over the backend layer `db` (one connection type for
//! both engines, SQL in their common dialect; see ARCHITECTURE.md, "Store backends").
//! One module per job: `schema` (versioned migrations), `search` (free text and its index),
//! `ingest` (articles in), `relink` (mentions → incidents, the corrections journal
//! re-applied), `queries` (the read side), `views` (rows → views), `map` (incidents grouped on
//! a grid for a map), `corrections` (the analyst's journal), `monitor` (feeds, zones, alerts,
//! webhooks). This file holds the public types, opening and the gazetteer extras.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;
use vigie_core::Processed;

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for StoreError {}

/// What happened to one article of an ingest batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    New,
    Unchanged,
    Updated,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    pub new: usize,
    pub unchanged: usize,
    pub updated: usize,
    /// (ref, outcome) in batch order.
    pub outcomes: Vec<(String, Option<Outcome>)>,
}

#[derive(Debug, Clone, Default)]
pub struct IncidentFilter {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Country name or ISO code, case-insensitive.
    pub country: Option<String>,
    /// Event type or sub-event type label, case-insensitive.
    pub event_type: Option<String>,
    /// Substring of actor1/actor2/associated actors, case-insensitive.
    pub actor: Option<String>,
    /// (lat, lon, km)
    pub near: Option<(f64, f64, f64)>,
    /// Only incidents with coordinates inside this rectangle of the map.
    pub bbox: Option<BoundingBox>,
    /// Free text: incidents whose places, actors, notes or quotes contain it, whatever the
    /// case, accents and apostrophe styles (see `search.rs`).
    pub text: Option<String>,
    /// First-level region, old or post-2023 name, case-insensitive.
    pub admin1: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
    /// Also list incidents an analyst marked as not an event (hidden by default).
    pub include_dismissed: bool,
}

/// A rectangle of the map in degrees. `west` greater than `east` crosses the antimeridian;
/// build it with [`BoundingBox::new`], which checks and normalises.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BoundingBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl BoundingBox {
    /// The whole world.
    pub const WORLD: BoundingBox = BoundingBox {
        west: -180.0,
        south: -90.0,
        east: 180.0,
        north: 90.0,
    };

    /// A map's bounds as a web map gives them: longitudes may run past ±180 after panning
    /// around the world (they are wrapped; a west edge east of the east edge crosses the
    /// antimeridian, as in GeoJSON), latitudes are clamped to ±90, and a south edge north of
    /// the north edge is an empty box. The error (numbers that are not finite) is one line.
    pub fn new(west: f64, south: f64, east: f64, north: f64) -> Result<BoundingBox> {
        if ![west, south, east, north].iter().all(|x| x.is_finite()) {
            return Err(StoreError("bbox: four finite numbers are needed".into()));
        }
        let (south, north) = (south.clamp(-90.0, 90.0), north.clamp(-90.0, 90.0));
        if east >= west && east - west >= 360.0 {
            return Ok(BoundingBox {
                south,
                north,
                ..BoundingBox::WORLD
            });
        }
        let wrap = |x: f64| (x + 180.0).rem_euclid(360.0) - 180.0;
        let (w, mut e) = (wrap(west), wrap(east));
        // (an east edge on the antimeridian, 180 or 540, wraps to -180: it is the box's end)
        if e == -180.0 && east != -180.0 {
            e = 180.0;
        }
        Ok(BoundingBox {
            west: w,
            south,
            east: e,
            north,
        })
    }

    /// Does the box cross the antimeridian (its west edge east of its east edge)?
    pub fn crosses_antimeridian(&self) -> bool {
        self.west > self.east
    }

    /// Its width in degrees of longitude.
    pub fn width(&self) -> f64 {
        if self.crosses_antimeridian() {
            self.east + 360.0 - self.west
        } else {
            self.east - self.west
        }
    }
}

/// The map of a filter at one zoom: incidents grouped on a grid whose cells are about 60 pixels
/// wide at that zoom, so that what is sent depends on the screen, not on the store. A cell that
/// holds one incident is sent as that incident.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MapView {
    /// The zoom the grid was made for (lower than asked when the box held too many cells).
    pub zoom: u8,
    /// The side of a grid cell, in degrees.
    pub cell_degrees: f64,
    /// Incidents matching the filter in the box, with coordinates.
    pub in_box: usize,
    /// Incidents matching the filter anywhere (with or without coordinates).
    pub total: usize,
    /// Of those, incidents without coordinates (never on the map).
    pub without_coordinates: usize,
    /// The rectangle holding every incident matching the filter anywhere (None when none has
    /// coordinates): where a map shows them all.
    pub extent: Option<BoundingBox>,
    pub clusters: Vec<MapCluster>,
    pub incidents: Vec<MapIncident>,
    /// Incidents per week and event type, in the box: a timeline of what is shown.
    pub per_week_type: Vec<WeekTypeCount>,
}

/// Incidents of one event type in one week.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct WeekTypeCount {
    /// The Monday of the ISO week, YYYY-MM-DD.
    pub week: String,
    pub event_type: String,
    pub count: usize,
}

/// Incidents of one event type.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TypeCount {
    pub event_type: String,
    pub count: usize,
}

/// Several incidents of one grid cell.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MapCluster {
    /// Mean position of its incidents.
    pub latitude: f64,
    pub longitude: f64,
    pub count: usize,
    /// The rectangle of its incidents (zooming to it splits the cluster).
    pub bounds: BoundingBox,
    /// Its incidents by event type, most frequent first.
    pub event_types: Vec<TypeCount>,
}

/// An incident alone in its cell: what a marker and its tooltip need.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MapIncident {
    pub id: String,
    pub latitude: f64,
    pub longitude: f64,
    pub date: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub location: Option<String>,
    pub fatalities: EstimateView,
}

/// An estimate as published: UCDP low/best/high.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct EstimateView {
    pub low: Option<u32>,
    pub best: Option<u32>,
    pub high: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleRefView {
    #[serde(rename = "ref")]
    pub reference: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    /// Reference of the article this one is a wire copy of (the group's earliest), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClaimView {
    pub field: String,
    pub value: serde_json::Value,
    pub article: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub attributed_to: Option<String>,
    pub hedged: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub victims: Option<String>,
    /// The mention is a recollection of an older incident in that article.
    pub background: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TargetView {
    pub kind: String,
    pub name: Option<String>,
}

/// One incident in the shape of `shared/schema/incident.schema.json` (plus ACLED extras).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IncidentView {
    pub id: String,
    pub event_id_cnty: String,
    pub date: Option<String>,
    pub date_end: Option<String>,
    pub time_precision: Option<u8>,
    pub disorder_type: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub actor1: Option<String>,
    pub assoc_actor_1: Option<String>,
    pub inter1: Option<u8>,
    pub actor2: Option<String>,
    pub assoc_actor_2: Option<String>,
    pub inter2: Option<u8>,
    pub interaction: Option<u16>,
    pub civilian_targeting: Option<String>,
    pub iso: Option<u16>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin1_post2023: Option<String>,
    pub admin2: Option<String>,
    pub admin3: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: Option<u8>,
    pub fatalities: EstimateView,
    pub injured: EstimateView,
    pub abducted: EstimateView,
    pub attackers: EstimateView,
    pub targets: Vec<TargetView>,
    pub people: Vec<String>,
    pub operation: Option<String>,
    pub articles: Vec<ArticleRefView>,
    pub claims: Vec<ClaimView>,
    pub notes: Option<String>,
    pub source: Option<String>,
    pub source_scale: Option<String>,
    pub tags: Option<String>,
    /// Unix seconds of the last change (ACLED `timestamp`).
    pub timestamp: i64,
    /// Set when analysts corrected or confirmed the incident (see `corrections`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewView>,
}

/// An incident as a list or a marker shows it: its place, day, type, actors and figures,
/// without the articles, claims and notes that make a full view tens of kilobytes on a
/// well-covered incident. Stored beside the view (`incidents.summary`), so that a page of a
/// list reads and sends a few hundred bytes per incident.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IncidentSummary {
    pub id: String,
    pub event_id_cnty: String,
    pub date: Option<String>,
    pub date_end: Option<String>,
    pub time_precision: Option<u8>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin1_post2023: Option<String>,
    pub admin2: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: Option<u8>,
    pub fatalities: EstimateView,
    pub injured: EstimateView,
    pub abducted: EstimateView,
    /// How many reports tell it (the full view's `articles`), and their languages.
    pub reports: usize,
    pub languages: Vec<String>,
    pub timestamp: i64,
    /// The analysts' verdict, when there is one ("not an event", "confirmed", "corrected").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<String>,
}

impl IncidentSummary {
    pub fn of(view: &IncidentView) -> IncidentSummary {
        let mut languages: Vec<String> = view
            .articles
            .iter()
            .filter_map(|a| a.language.clone())
            .collect();
        languages.sort();
        languages.dedup();
        IncidentSummary {
            id: view.id.clone(),
            event_id_cnty: view.event_id_cnty.clone(),
            date: view.date.clone(),
            date_end: view.date_end.clone(),
            time_precision: view.time_precision,
            event_type: view.event_type.clone(),
            sub_event_type: view.sub_event_type.clone(),
            actor1: view.actor1.clone(),
            actor2: view.actor2.clone(),
            country: view.country.clone(),
            admin1: view.admin1.clone(),
            admin1_post2023: view.admin1_post2023.clone(),
            admin2: view.admin2.clone(),
            location: view.location.clone(),
            latitude: view.latitude,
            longitude: view.longitude,
            geo_precision: view.geo_precision,
            fatalities: view.fatalities,
            injured: view.injured,
            abducted: view.abducted,
            reports: view.articles.len(),
            languages,
            timestamp: view.timestamp,
            review: view.review.as_ref().map(|r| r.status.clone()),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleRow {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub language: String,
    /// "extracted", "unsupported_language", "empty"
    pub status: String,
    pub version: u32,
    pub mentions: usize,
    pub diagnostics: Vec<String>,
    /// The article this one is a wire copy of, as of the last relink.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleDetail {
    #[serde(flatten)]
    pub row: ArticleRow,
    /// The cleaned text that claim offsets refer to.
    pub text: String,
    pub incidents: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub incidents: usize,
    /// (ISO week start date "YYYY-MM-DD", event type, count)
    pub per_week_type: Vec<(String, String, usize)>,
    /// (admin1, count)
    pub per_admin1: Vec<(String, usize)>,
    /// (actor, count)
    pub per_actor: Vec<(String, usize)>,
}

/// An input that could not be read or parsed, kept so `vigie articles` can show it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Rejection {
    /// File path as given (or "<stdin>").
    pub source: String,
    /// 1-based line (JSONL) when the problem is one record.
    pub line: Option<usize>,
    pub reason: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.source, l, self.reason),
            None => write!(f, "{}: {}", self.source, self.reason),
        }
    }
}

/// A stored rejection, with the Unix time it was first seen.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RejectionRow {
    #[serde(flatten)]
    pub rejection: Rejection,
    pub at: i64,
}

mod copy;
mod corrections;
mod db;
mod incremental;
mod ingest;
pub mod map;
mod monitor;
mod queries;
mod relink;
mod schema;
mod search;
mod views;

use ingest::*;
use queries::*;
use relink::*;

pub use corrections::{
    CorrectionRequest, CorrectionRow, FieldEdit, Operation, PlaceValue, Reports, ReviewView,
};

pub use monitor::{AlertRow, DeliveryRow, FeedRow, FeedStatusUpdate, HookRow, NewAlert, ZoneRow};

pub use views::{
    claim_source, country_info, figure_claims_text, figure_disputed, source_scale, value_text,
};

use db::{params, Db, Row};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use vigie_core::incidents::copies::{copy_groups, ArticlePrint, Fingerprint};
use vigie_core::incidents::LinkKey;
use vigie_core::{Article, Mention};

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(format!("database error: {e}"))
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        // The server's own message names the table or column; the error's Display alone
        // often says only "db error".
        match e.as_db_error() {
            Some(db) => StoreError(format!("database error: {}", db.message())),
            None => StoreError(format!("database error: {e}")),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError(format!("serialization error: {e}"))
    }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn sha256_hex(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Source metadata the [`Processed`] document does not carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    pub url: Option<String>,
    pub outlet: Option<String>,
}

impl From<&Article> for ArticleMeta {
    fn from(a: &Article) -> Self {
        ArticleMeta {
            url: a.url.clone(),
            outlet: a.outlet.clone(),
        }
    }
}

pub use vigie_geo::distance_km;

fn like_pattern(s: &str) -> String {
    let mut p = String::from("%");
    for ch in s.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

pub struct Store {
    conn: Db,
}

/// Whether `location` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// `url` with its password hidden, for messages.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest = &url[scheme_end + 3..];
    let host_start = rest.find('/').unwrap_or(rest.len());
    match rest[..host_start].rfind('@') {
        Some(at) => match rest[..at].find(':') {
            Some(colon) => format!(
                "{}{}:***{}",
                &url[..scheme_end + 3],
                &rest[..colon],
                &rest[at..]
            ),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl Store {
    /// Open (creating if needed) the store at `path`: migrations, WAL, foreign keys, busy timeout.
    /// A `postgres://…` or `postgresql://…` location opens that PostgreSQL database instead
    /// ([`Store::open_postgres`]).
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(url) = path.to_str().filter(|p| is_postgres_url(p)) {
            return Store::open_postgres(url);
        }
        let conn = rusqlite::Connection::open(path)
            .map_err(|e| StoreError(format!("cannot open {}: {e}", path.display())))?;
        Store::setup_sqlite(conn, true)
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::setup_sqlite(rusqlite::Connection::open_in_memory()?, false)
    }

    /// Open the PostgreSQL database at `url` (a libpq-style URL, `postgres://user:pw@host/db`;
    /// plain TCP, as on loopback or a private network), migrating it if needed.
    pub fn open_postgres(url: &str) -> Result<Store> {
        let client = postgres_client(url)?;
        Store::setup(Db::postgres(client, None))
    }

    /// A store in a fresh schema of the PostgreSQL database at `url`, dropped with the store:
    /// for tests, which share one database and must not see each other.
    #[doc(hidden)]
    pub fn open_postgres_scratch(url: &str) -> Result<Store> {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let schema = format!("vigie_t{}_{n}_{nanos}", std::process::id());
        let mut client = postgres_client(url)?;
        client.batch_execute(&format!(
            "CREATE SCHEMA \"{schema}\"; SET search_path TO \"{schema}\""
        ))?;
        Store::setup(Db::postgres(client, Some(schema)))
    }

    /// Which database the store is in ("sqlite" or "postgres").
    pub fn backend(&self) -> &'static str {
        match self.conn.dialect() {
            db::Dialect::Sqlite => "sqlite",
            db::Dialect::Postgres => "postgres",
        }
    }

    fn setup_sqlite(conn: rusqlite::Connection, wal: bool) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // SQLite's default page cache (2 MB) makes an ingest re-read the same index pages from
        // the OS for every statement (a fifth of its system time); 32 MB (at most: it fills
        // only as pages are used) keeps more of an ingest's or a relink's working set.
        conn.pragma_update(None, "cache_size", -32 * 1024)?;
        if wal {
            let mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError(format!(
                    "cannot switch the database to WAL (journal mode is {mode})"
                )));
            }
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        Store::setup(Db::sqlite(conn))
    }

    fn setup(mut conn: Db) -> Result<Store> {
        let before = schema::version(&conn)?;
        schema::migrate(&mut conn)?;
        if (1..2).contains(&before) {
            // Schema 2 added fingerprints and link keys: compute them for stored articles.
            let tx = conn.transaction()?;
            backfill_link_data(&tx)?;
            set_relink_needed(&tx, true)?;
            tx.commit()?;
        }
        Ok(Store { conn })
    }

    /// Current schema version (number of migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        schema::version(&self.conn)
    }

    /// Store extra gazetteer rows (e.g. from a GeoNames dump); a row with the same name, country
    /// and coordinates replaces the old one. Returns the number of rows written.
    pub fn import_gazetteer(&mut self, places: &[vigie_geo::Place]) -> Result<usize> {
        let now = unix_now();
        let tx = self.conn.transaction()?;
        for p in places {
            tx.execute(
                "INSERT INTO gazetteer_extra (name, country, lat, lon, data, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (name, country, lat, lon)
                 DO UPDATE SET data = excluded.data, imported_at = excluded.imported_at",
                params![
                    p.name,
                    p.country,
                    p.lat,
                    p.lon,
                    serde_json::to_string(p)?,
                    now
                ],
            )?;
        }
        tx.commit()?;
        Ok(places.len())
    }

    /// The extra gazetteer rows, in a stable order (ids renumbered from 0).
    pub fn gazetteer_extra(&self) -> Result<Vec<vigie_geo::Place>> {
        let rows: Vec<String> = self.conn.query_map(
            "SELECT data FROM gazetteer_extra ORDER BY country, name, lat, lon",
            params![],
            |r| r.get::<String>(0),
        )?;
        let mut out = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let mut p: vigie_geo::Place = serde_json::from_str(r)?;
            p.id = i as vigie_geo::PlaceId;
            out.push(p);
        }
        Ok(out)
    }
}

/// A client for `url`, with errors that name the (password-less) URL.
fn postgres_client(url: &str) -> Result<postgres::Client> {
    let shown = redact_url(url);
    let config: postgres::Config = url.parse().map_err(|e| {
        StoreError(format!(
            "invalid PostgreSQL URL {shown}: {}",
            with_causes(&e)
        ))
    })?;
    config
        .connect(postgres::NoTls)
        .map_err(|e| StoreError(format!("cannot connect to {shown}: {}", with_causes(&e))))
}

/// An error and its causes on one line ("error connecting to server: Connection refused").
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        cause = c.source();
    }
    out.replace('\n', " ")
}

/// The store a test works on: a fresh schema of the PostgreSQL database named by
/// `VIGIE_TEST_POSTGRES` when it is set, else SQLite in memory. With `VIGIE_REQUIRE_POSTGRES=1`
/// (what `make test` and CI set when they start a server), a missing URL fails the test
/// instead of quietly testing SQLite again.
#[cfg(test)]
pub(crate) fn test_store() -> Store {
    match test_postgres_url() {
        Some(url) => Store::open_postgres_scratch(&url)
            .unwrap_or_else(|e| panic!("VIGIE_TEST_POSTGRES: {e}")),
        None => Store::open_in_memory().expect("SQLite in memory"),
    }
}

#[cfg(test)]
pub(crate) fn test_postgres_url() -> Option<String> {
    match std::env::var("VIGIE_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("VIGIE_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "VIGIE_REQUIRE_POSTGRES=1 but VIGIE_TEST_POSTGRES names no database"
            );
            None
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod map_tests;
