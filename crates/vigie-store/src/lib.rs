//! Vigie's embedded store (SQLite): articles and their versions, documents, mentions,
//! incidents and claims. The only crate besides the CLI that knows SQL.
//!
//! Contract used by `vigie-cli` and the web server (keep the signatures; fill the bodies):
//! - [`Store::open`] / [`Store::open_in_memory`]: migrate, WAL.
//! - [`Store::ingest`]: one transaction per batch of processed articles; content hash decides
//!   new / unchanged / updated (a new version replaces what was derived from the old one).
//! - [`Store::relink`]: re-run linking over stored mentions and write incidents (ids stable).
//! - [`Store::incidents`], [`Store::incident`], [`Store::articles`], [`Store::article`],
//!   [`Store::stats`]: the read side, returning serde-serializable views.
//!
//! One module per job, so that a second SQL dialect changes only the SQL: `schema`
//! (versioned migrations), `ingest` (articles in), `relink` (mentions → incidents, the
//! corrections journal re-applied), `queries` (the read side), `views` (rows → views),
//! `corrections` (the analyst's journal), `monitor` (feeds, zones, alerts, webhooks). This file
//! holds the public types, opening and the gazetteer extras.

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
    /// Free-text search over location, admin names, actors, notes and quotes.
    pub text: Option<String>,
    /// First-level region, old or post-2023 name, case-insensitive.
    pub admin1: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
    /// Also list incidents an analyst marked as not an event (hidden by default).
    pub include_dismissed: bool,
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

mod corrections;
mod incremental;
mod ingest;
mod monitor;
mod queries;
mod relink;
mod schema;
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

use rusqlite::{params, Connection, OptionalExtension};
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
    conn: Connection,
}

impl Store {
    /// Open (creating if needed) the store at `path`: migrations, WAL, foreign keys, busy timeout.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)
            .map_err(|e| StoreError(format!("cannot open {}: {e}", path.display())))?;
        Store::setup(conn, true)
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, false)
    }

    fn setup(mut conn: Connection, wal: bool) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", true)?;
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
        let before = schema::version(&conn).map_err(StoreError)?;
        schema::migrate(&mut conn).map_err(StoreError)?;
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
        schema::version(&self.conn).map_err(StoreError)
    }

    /// Store extra gazetteer rows (e.g. from a GeoNames dump); a row with the same name, country
    /// and coordinates replaces the old one. Returns the number of rows written.
    pub fn import_gazetteer(&mut self, places: &[vigie_geo::Place]) -> Result<usize> {
        let now = unix_now();
        let tx = self.conn.transaction()?;
        for p in places {
            tx.execute(
                "INSERT OR REPLACE INTO gazetteer_extra (name, country, lat, lon, data, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![p.name, p.country, p.lat, p.lon, serde_json::to_string(p)?, now],
            )?;
        }
        tx.commit()?;
        Ok(places.len())
    }

    /// The extra gazetteer rows, in a stable order (ids renumbered from 0).
    pub fn gazetteer_extra(&self) -> Result<Vec<vigie_geo::Place>> {
        let mut st = self
            .conn
            .prepare("SELECT data FROM gazetteer_extra ORDER BY country, name, lat, lon")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for (i, r) in rows.enumerate() {
            let mut p: vigie_geo::Place = serde_json::from_str(&r?)?;
            p.id = i as vigie_geo::PlaceId;
            out.push(p);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
