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
mod monitor;
mod schema;
mod views;

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

    /// [`Store::ingest_articles`] without source metadata (url and outlet stay unknown).
    pub fn ingest(&mut self, batch: &[Processed]) -> Result<IngestReport> {
        let meta = vec![ArticleMeta::default(); batch.len()];
        self.ingest_articles(batch, &meta)
    }

    /// Store a batch in ONE transaction. Per article, by `ref`: same content hash → unchanged
    /// (nothing written); different → updated (version + 1, its mentions replaced); unknown → new.
    /// `meta[i]` carries the url/outlet of `batch[i]` (missing entries count as unknown).
    /// On any error nothing of the batch is written.
    pub fn ingest_articles(
        &mut self,
        batch: &[Processed],
        meta: &[ArticleMeta],
    ) -> Result<IngestReport> {
        let now = unix_now();
        let tx = self.conn.transaction()?;
        let mut report = IngestReport::default();
        for (i, p) in batch.iter().enumerate() {
            let m = meta.get(i).cloned().unwrap_or_default();
            let outcome = ingest_one(&tx, p, &m, now)?;
            if outcome != Outcome::Unchanged {
                set_relink_needed(&tx, true)?;
            }
            match outcome {
                Outcome::New => report.new += 1,
                Outcome::Unchanged => report.unchanged += 1,
                Outcome::Updated => report.updated += 1,
            }
            report
                .outcomes
                .push((p.document.reference.clone(), Some(outcome)));
        }
        tx.commit()?;
        Ok(report)
    }

    /// [`Store::relink`] when an ingest changed articles since the last relink; otherwise only
    /// the number of stored incidents. Returns the number of incidents.
    pub fn relink_if_needed(&mut self) -> Result<usize> {
        let needed: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM store_meta WHERE key = 'relink_needed'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if needed.as_deref() == Some("0") {
            self.count_incidents(&IncidentFilter::default())
        } else {
            self.relink()
        }
    }

    /// Re-link every stored mention and bring the stored incidents up to date, in one
    /// transaction. Returns the number of incidents.
    ///
    /// Grouping runs over the mentions' link keys only (a few hundred bytes each); the full
    /// mentions are loaded, and incidents rebuilt and written, only for groups whose members
    /// changed (`members_hash`: member ids, their articles' versions and wire-copy sources).
    /// The result is the same as linking everything from scratch, because it is: only the
    /// writing is incremental. Unchanged incidents keep their row and `timestamp`; incidents no
    /// group produces any more are deleted.
    pub fn relink(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let n = relink_in(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Run the pipeline again over every stored article (their cleaned texts) and rebuild
    /// everything derived from them — fingerprints, mentions, link keys, wire copies,
    /// incidents — in one transaction, then relink (which re-applies the analysts'
    /// corrections). For new extraction rules. Articles and their versions are untouched.
    /// Returns the number of incidents.
    pub fn reprocess(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let articles: Vec<Article> = {
            let mut st = tx.prepare(
                "SELECT ref, url, title, outlet, published, language, text FROM articles ORDER BY ref",
            )?;
            let rows = st.query_map([], |r| {
                let published: Option<String> = r.get(4)?;
                Ok(Article {
                    reference: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: published
                        .and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                    declared_language: r.get(5)?,
                    body: vigie_core::Body::Text(r.get(6)?),
                })
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        tx.execute_batch(
            "DELETE FROM incident_mentions; DELETE FROM incident_articles; DELETE FROM incidents;
             DELETE FROM mention_keys; DELETE FROM mentions; DELETE FROM article_copies;
             DELETE FROM article_prints;",
        )?;
        for chunk in articles.chunks(256) {
            for p in vigie_core::process_batch(chunk) {
                write_derived(&tx, &p)?;
            }
        }
        let n = relink_in(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Replace the stored incidents by `incidents` (built from `mentions`), in one transaction,
    /// keeping rows (and their `timestamp`) whose content is unchanged. Returns their number.
    pub fn replace_incidents(
        &mut self,
        incidents: &[vigie_core::Incident],
        mentions: &[Mention],
    ) -> Result<usize> {
        let articles = self.article_refs()?;
        let mut by_id: HashMap<&str, Vec<&Mention>> = HashMap::new();
        for m in mentions {
            by_id.entry(m.id.as_str()).or_default().push(m);
        }

        // (view, content hash, country code, the linker's incident)
        let mut views: Vec<(IncidentView, String, String, &vigie_core::Incident)> = Vec::new();
        let mut ids = HashSet::new();
        for inc in incidents {
            let mut view = views::build(inc, &by_id, &articles);
            // Guard against a duplicate id from the linker: keep ids unique, deterministically.
            let mut n = 2;
            while ids.contains(&view.id) {
                view.id = format!("{}-{n}", inc.id);
                view.event_id_cnty = view.id.clone();
                n += 1;
            }
            ids.insert(view.id.clone());
            let hash = sha256_hex(&[&serde_json::to_string(&view)?]);
            let cc = inc
                .place
                .as_ref()
                .map(|p| p.country_code.clone())
                .unwrap_or_default();
            views.push((view, hash, cc, inc));
        }

        let now = unix_now();
        let tx = self.conn.transaction()?;
        let existing: HashMap<String, String> = {
            let mut st = tx.prepare("SELECT id, content_hash FROM incidents")?;
            let rows =
                st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in existing.keys() {
            if !ids.contains(id) {
                tx.execute("DELETE FROM incidents WHERE id = ?1", [id])?;
            }
        }
        for (mut view, hash, cc, inc) in views {
            if existing.get(&view.id) == Some(&hash) {
                continue;
            }
            view.timestamp = now;
            tx.execute("DELETE FROM incidents WHERE id = ?1", [&view.id])?;
            write_incident(&tx, &view, &hash, &cc, Some(inc))?;
        }
        tx.commit()?;
        Ok(ids.len())
    }

    fn article_refs(&self) -> Result<HashMap<String, ArticleRefView>> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {ARTICLE_REF_COLUMNS} FROM articles"))?;
        let rows = st.query_map([], article_ref_row)?;
        let mut out = HashMap::new();
        for a in rows {
            let a = a?;
            out.insert(a.reference.clone(), a);
        }
        Ok(out)
    }

    /// Incidents matching `filter`, by date (most recent first, undated last) then id.
    pub fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<IncidentView>> {
        let (mut sql, args) = incident_query(filter, "view, lat, lon")?;
        sql.push_str(" ORDER BY date IS NULL, date DESC, id");
        if filter.near.is_none() {
            if let Some(l) = filter.limit {
                sql.push_str(&format!(" LIMIT {}", l.min(i64::MAX as usize)));
            } else if filter.offset > 0 {
                sql.push_str(" LIMIT -1");
            }
            if filter.offset > 0 {
                sql.push_str(&format!(" OFFSET {}", filter.offset));
            }
        }
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<f64>>(1)?,
                r.get::<_, Option<f64>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (view, ilat, ilon) = row?;
            if let Some((lat, lon, km)) = filter.near {
                match (ilat, ilon) {
                    (Some(a), Some(b)) if distance_km(lat, lon, a, b) <= km => {}
                    _ => continue,
                }
            }
            out.push(serde_json::from_str::<IncidentView>(&view)?);
        }
        if filter.near.is_some() {
            out = out
                .into_iter()
                .skip(filter.offset)
                .take(filter.limit.unwrap_or(usize::MAX))
                .collect();
        }
        Ok(out)
    }

    /// How many incidents match `filter` (its limit and offset aside).
    pub fn count_incidents(&self, filter: &IncidentFilter) -> Result<usize> {
        let Some((lat, lon, km)) = filter.near else {
            let (sql, args) = incident_query(filter, "count(*)")?;
            let n: i64 =
                self.conn
                    .query_row(&sql, rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
            return Ok(n.max(0) as usize);
        };
        let (sql, args) = incident_query(filter, "lat, lon")?;
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((r.get::<_, Option<f64>>(0)?, r.get::<_, Option<f64>>(1)?))
        })?;
        let mut n = 0;
        for row in rows {
            if let (Some(a), Some(b)) = row? {
                if distance_km(lat, lon, a, b) <= km {
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    pub fn incident(&self, id: &str) -> Result<Option<IncidentView>> {
        let view: Option<String> = self
            .conn
            .query_row("SELECT view FROM incidents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(match view {
            Some(v) => Some(serde_json::from_str(&v)?),
            None => None,
        })
    }

    pub fn articles(&self) -> Result<Vec<ArticleRow>> {
        self.articles_page(None, 0)
    }

    /// Articles by ref, `offset` skipped, at most `limit` (all when None): paged in SQL, so a
    /// page of a large store reads only that page.
    pub fn articles_page(&self, limit: Option<usize>, offset: usize) -> Result<Vec<ArticleRow>> {
        let mut st = self.conn.prepare(
            "SELECT ref, title, url, outlet, published, language, status, version, diagnostics,
                    (SELECT count(*) FROM mentions m WHERE m.article_ref = a.ref),
                    (SELECT original FROM article_copies c WHERE c.ref = a.ref)
             FROM articles a ORDER BY ref LIMIT ?1 OFFSET ?2",
        )?;
        let limit = limit.map_or(-1, |l| l.min(i64::MAX as usize) as i64);
        let offset = offset.min(i64::MAX as usize) as i64;
        let rows = st.query_map([limit, offset], article_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r??);
        }
        Ok(out)
    }

    pub fn article(&self, reference: &str) -> Result<Option<ArticleDetail>> {
        let row = self
            .conn
            .query_row(
                "SELECT ref, title, url, outlet, published, language, status, version, diagnostics,
                        (SELECT count(*) FROM mentions m WHERE m.article_ref = a.ref),
                        (SELECT original FROM article_copies c WHERE c.ref = a.ref), text
                 FROM articles a WHERE ref = ?1",
                [reference],
                |r| Ok((article_row(r)?, r.get::<_, String>(11)?)),
            )
            .optional()?;
        let Some((row, text)) = row else {
            return Ok(None);
        };
        let mut st = self.conn.prepare(
            "SELECT incident_id FROM incident_articles WHERE article_ref = ?1 ORDER BY incident_id",
        )?;
        let incidents = st
            .query_map([reference], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(ArticleDetail {
            row: row?,
            text,
            incidents,
        }))
    }

    /// Counts per ISO week × event type, per admin1 and per actor (actor1 and actor2).
    pub fn stats(&self) -> Result<Stats> {
        let articles: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let mut st = self.conn.prepare(
            "SELECT date, event_type, admin1, actor1, actor2 FROM incidents WHERE dismissed = 0",
        )?;
        type Row = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows = st
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<Row>>>()?;
        let mut week: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut admin: BTreeMap<String, usize> = BTreeMap::new();
        let mut actor: BTreeMap<String, usize> = BTreeMap::new();
        for (date, et, a1, ac1, ac2) in &rows {
            if let (Some(d), Some(et)) = (
                date.as_deref()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                et,
            ) {
                use chrono::Datelike;
                let start = d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
                *week
                    .entry((start.format("%Y-%m-%d").to_string(), et.clone()))
                    .or_default() += 1;
            }
            if let Some(a) = a1 {
                *admin.entry(a.clone()).or_default() += 1;
            }
            for a in [ac1, ac2].into_iter().flatten() {
                *actor.entry(a.clone()).or_default() += 1;
            }
        }
        let by_count = |m: BTreeMap<String, usize>| {
            let mut v: Vec<(String, usize)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        Ok(Stats {
            articles: articles as usize,
            incidents: rows.len(),
            per_week_type: week.into_iter().map(|((w, t), n)| (w, t, n)).collect(),
            per_admin1: by_count(admin),
            per_actor: by_count(actor),
        })
    }

    /// Record the rejections of one run. `sources` are every input read in that run: their
    /// earlier rejections are forgotten unless rejected again (then the first `at` is kept).
    pub fn record_rejections(
        &mut self,
        sources: &[String],
        rejections: &[Rejection],
    ) -> Result<()> {
        let now = unix_now();
        let tx = self.conn.transaction()?;
        let fresh: HashSet<(&str, Option<i64>, &str)> = rejections
            .iter()
            .map(|r| {
                (
                    r.source.as_str(),
                    r.line.map(|l| l as i64),
                    r.reason.as_str(),
                )
            })
            .collect();
        let all_sources: HashSet<&str> = sources
            .iter()
            .map(String::as_str)
            .chain(rejections.iter().map(|r| r.source.as_str()))
            .collect();
        let mut kept: HashSet<(String, Option<i64>, String)> = HashSet::new();
        for s in &all_sources {
            let old: Vec<(i64, Option<i64>, String)> = {
                let mut st =
                    tx.prepare("SELECT rowid, line, reason FROM rejections WHERE source = ?1")?;
                let rows = st.query_map([s], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for (rowid, line, reason) in old {
                if fresh.contains(&(*s, line, reason.as_str()))
                    && kept.insert((s.to_string(), line, reason.clone()))
                {
                    continue;
                }
                tx.execute("DELETE FROM rejections WHERE rowid = ?1", [rowid])?;
            }
        }
        for r in rejections {
            let key = (r.source.clone(), r.line.map(|l| l as i64), r.reason.clone());
            if kept.insert(key) {
                tx.execute(
                    "INSERT INTO rejections (source, line, reason, at) VALUES (?1, ?2, ?3, ?4)",
                    params![r.source, r.line.map(|l| l as i64), r.reason, now],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every stored rejection, by source then line.
    pub fn rejections(&self) -> Result<Vec<RejectionRow>> {
        let mut st = self.conn.prepare(
            "SELECT source, line, reason, at FROM rejections ORDER BY source, line, reason",
        )?;
        let rows = st.query_map([], |r| {
            Ok(RejectionRow {
                rejection: Rejection {
                    source: r.get(0)?,
                    line: r.get::<_, Option<i64>>(1)?.map(|l| l.max(0) as usize),
                    reason: r.get(2)?,
                },
                at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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

/// `SELECT {columns} FROM incidents WHERE …` for `filter` (without order, limit or the exact
/// distance test of `near`, which callers apply), and its arguments.
fn incident_query(
    filter: &IncidentFilter,
    columns: &str,
) -> Result<(String, Vec<rusqlite::types::Value>)> {
    let mut sql = format!("SELECT {columns} FROM incidents WHERE 1=1");
    if !filter.include_dismissed {
        sql.push_str(" AND dismissed = 0");
    }
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    let mut arg = |sql: &mut String, clause: &str, v: rusqlite::types::Value| {
        args.push(v);
        sql.push_str(&clause.replace("?", &format!("?{}", args.len())));
    };
    use rusqlite::types::Value as V;
    if let Some(d) = filter.since {
        arg(
            &mut sql,
            " AND date >= ?",
            V::Text(d.format("%Y-%m-%d").to_string()),
        );
    }
    if let Some(d) = filter.until {
        arg(
            &mut sql,
            " AND date <= ?",
            V::Text(d.format("%Y-%m-%d").to_string()),
        );
    }
    if let Some(c) = filter
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        arg(
                &mut sql,
                " AND (lower(country) = lower(?) OR upper(country_code) = upper(?) OR CAST(iso AS TEXT) = ?)",
                V::Text(c.to_string()),
            );
    }
    if let Some(t) = filter
        .event_type
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        arg(
            &mut sql,
            " AND (lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))",
            V::Text(t.to_string()),
        );
    }
    if let Some(a) = filter.actor.as_deref().filter(|c| !c.trim().is_empty()) {
        arg(
            &mut sql,
            " AND actors_lc LIKE ? ESCAPE '\\'",
            V::Text(like_pattern(a.trim())),
        );
    }
    if let Some(t) = filter.text.as_deref().filter(|c| !c.trim().is_empty()) {
        arg(
            &mut sql,
            " AND search LIKE ? ESCAPE '\\'",
            V::Text(like_pattern(t.trim())),
        );
    }
    if let Some((lat, lon, km)) = filter.near {
        if !(lat.is_finite() && lon.is_finite() && km.is_finite() && km >= 0.0) {
            return Err(StoreError(
                "near: latitude, longitude and distance must be finite numbers".into(),
            ));
        }
        let dlat = km / 110.574;
        let coslat = lat.to_radians().cos().abs();
        let dlon = if coslat < 1e-6 {
            360.0
        } else {
            km / (111.320 * coslat)
        };
        arg(&mut sql, " AND lat BETWEEN ? ", V::Real(lat - dlat));
        arg(&mut sql, "AND ?", V::Real(lat + dlat));
        arg(&mut sql, " AND lon BETWEEN ? ", V::Real(lon - dlon));
        arg(&mut sql, "AND ?", V::Real(lon + dlon));
    }
    if let Some(a) = filter
        .admin1
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        arg(
                &mut sql,
                " AND (lower(admin1) = lower(?) OR lower(json_extract(view, '$.admin1_post2023')) = lower(?))",
                V::Text(a.to_string()),
            );
    }
    Ok((sql, args))
}

/// [`Store::relink`] inside a caller's transaction (a correction and its effect are one write).
pub(crate) fn relink_in(tx: &rusqlite::Transaction<'_>) -> Result<usize> {
    let timer = StageTimer::from_env();
    let copies = refresh_copies(tx)?;
    timer.lap("wire copies");
    let (keys, versions) = load_link_keys(tx)?;
    timer.lap("link keys loaded");
    let mut groups = vigie_core::incidents::group(&keys);
    timer.lap("grouped");
    // The analysts' decisions, re-applied to whatever the rules decided this time.
    let journal = corrections::load(tx, "")?;
    let mut resolutions = corrections::apply_structure(&journal, &mut groups, &keys);
    let (fields_by_group, field_resolutions) = corrections::resolve_fields(&journal, &groups);
    let mut structure_by_group: HashMap<String, Vec<i64>> = HashMap::new();
    for (id, r) in &resolutions {
        if let corrections::Resolution::AppliedTo(g) = r {
            structure_by_group.entry(g.clone()).or_default().push(*id);
        }
    }
    resolutions.extend(field_resolutions);
    let journal_by_id: HashMap<i64, &CorrectionRow> = journal.iter().map(|c| (c.id, c)).collect();
    let in_force = |ids: Option<&Vec<i64>>| -> Vec<&CorrectionRow> {
        let mut ids: Vec<i64> = ids.cloned().unwrap_or_default();
        ids.sort();
        ids.iter()
            .filter_map(|i| journal_by_id.get(i).copied())
            .collect()
    };
    let source_of = |article: &str| {
        copies
            .get(article)
            .cloned()
            .unwrap_or_else(|| article.to_string())
    };

    let existing: HashMap<String, (String, Option<String>)> = {
        let mut st = tx.prepare("SELECT id, content_hash, members_hash FROM incidents")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let ids: HashSet<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    for id in existing.keys() {
        if !ids.contains(id.as_str()) {
            tx.execute("DELETE FROM incidents WHERE id = ?1", [id])?;
        }
    }
    let article_of: HashMap<&str, &str> = keys
        .iter()
        .map(|k| (k.id.as_str(), k.article.as_str()))
        .collect();
    let mut stale: Vec<(&vigie_core::incidents::Group, String)> = Vec::new();
    for g in &groups {
        // The operation id too: it is shared with the operation's other incidents, so a
        // report joining one of them can change it for incidents whose members did not.
        let mut parts: Vec<String> = vec![g.id.clone(), g.operation.clone().unwrap_or_default()];
        for c in in_force(fields_by_group.get(&g.id))
            .into_iter()
            .chain(in_force(structure_by_group.get(&g.id)))
        {
            parts.push(format!("correction {}@{}", c.id, c.at));
        }
        for id in &g.members {
            let article = article_of.get(id.as_str()).copied().unwrap_or_default();
            let version = versions.get(article).copied().unwrap_or(0);
            parts.push(format!("{id}@{article}#{version}~{}", source_of(article)));
        }
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        let members_hash = sha256_hex(&refs);
        if existing.get(&g.id).and_then(|e| e.1.as_ref()) != Some(&members_hash) {
            stale.push((g, members_hash));
        }
    }
    drop(article_of);
    drop(keys);
    timer.lap(&format!(
        "members hashed, {} incidents to rebuild",
        stale.len()
    ));
    let now = unix_now();
    // Rebuild in chunks so memory stays bounded when everything changed (first ingest).
    for chunk in stale.chunks(512) {
        let mut mentions: Vec<Mention> = Vec::new();
        {
            let mut st = tx.prepare_cached("SELECT data FROM mentions WHERE id = ?1")?;
            for (g, _) in chunk {
                for id in &g.members {
                    let rows = st.query_map([id], |r| r.get::<_, String>(0))?;
                    for data in rows {
                        let data = data?;
                        mentions.push(serde_json::from_str(&data).map_err(|e| {
                            StoreError(format!("stored mention {id} is unreadable: {e}"))
                        })?);
                    }
                }
            }
        }
        let mut by_id: HashMap<&str, Vec<&Mention>> = HashMap::new();
        for m in &mentions {
            by_id.entry(m.id.as_str()).or_default().push(m);
        }
        let mut article_views: HashMap<String, ArticleRefView> = HashMap::new();
        for (g, _) in chunk {
            for r in &g.articles {
                if !article_views.contains_key(r) {
                    if let Some(v) = article_ref(tx, r, copies.get(r))? {
                        article_views.insert(r.clone(), v);
                    }
                }
            }
        }
        for (g, members_hash) in chunk {
            let members: Vec<&Mention> = g
                .members
                .iter()
                .flat_map(|id| by_id.get(id.as_str()).into_iter().flatten().copied())
                .collect();
            let inc = vigie_core::incidents::build(g, &members, &source_of);
            let mut view = views::build(&inc, &by_id, &article_views);
            corrections::apply_fields(&mut view, &in_force(fields_by_group.get(&g.id)));
            corrections::mark_structural(&mut view, &in_force(structure_by_group.get(&g.id)));
            let hash = sha256_hex(&[&serde_json::to_string(&view)?]);
            if existing.get(&view.id).map(|e| &e.0) == Some(&hash) {
                tx.execute(
                    "UPDATE incidents SET members_hash = ?2 WHERE id = ?1",
                    params![view.id, members_hash],
                )?;
                // Same published view, other members (e.g. renamed mentions): the member list
                // is what corrections are keyed on, so it must follow.
                tx.execute(
                    "DELETE FROM incident_mentions WHERE incident_id = ?1",
                    [&view.id],
                )?;
                write_incident_mentions(tx, &view.id, &inc)?;
                continue;
            }
            view.timestamp = now;
            let cc = corrections::country_code_set(&in_force(fields_by_group.get(&g.id)))
                .or_else(|| inc.place.as_ref().map(|p| p.country_code.clone()))
                .unwrap_or_default();
            tx.execute("DELETE FROM incidents WHERE id = ?1", [&view.id])?;
            write_incident(tx, &view, &hash, &cc, Some(&inc))?;
            tx.execute(
                "UPDATE incidents SET members_hash = ?2 WHERE id = ?1",
                params![view.id, members_hash],
            )?;
        }
    }
    timer.lap("rebuilt");
    corrections::record_resolutions(tx, &resolutions)?;
    set_relink_needed(tx, false)?;
    Ok(ids.len())
}

fn set_relink_needed(tx: &rusqlite::Transaction<'_>, needed: bool) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO store_meta (key, value) VALUES ('relink_needed', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([if needed { "1" } else { "0" }])?;
    Ok(())
}

/// Stage timings of a relink on stderr when `VIGIE_TIMINGS` is set (for benchmarks).
struct StageTimer(Option<std::time::Instant>);

impl StageTimer {
    fn from_env() -> StageTimer {
        StageTimer(std::env::var_os("VIGIE_TIMINGS").map(|_| std::time::Instant::now()))
    }
    fn lap(&self, what: &str) {
        if let Some(start) = self.0 {
            eprintln!("relink: {what} at {:.2} s", start.elapsed().as_secs_f64());
        }
    }
}

/// Databases written before schema 2 lack fingerprints and link keys: compute them once, when
/// the schema is upgraded.
fn backfill_link_data(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let missing: Vec<(String, Option<String>, String)> = {
        let mut st = tx.prepare("SELECT ref, published, text FROM articles")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (r, published, text) in missing {
        tx.execute(
            "INSERT OR REPLACE INTO article_prints (ref, published, fingerprint) VALUES (?1, ?2, ?3)",
            params![r, published, Fingerprint::of(&text).to_hex()],
        )?;
    }
    let missing: Vec<(String, i64, String)> = {
        let mut st = tx.prepare("SELECT article_ref, ordinal, data FROM mentions")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (r, ord, data) in missing {
        let m: Mention = serde_json::from_str(&data)
            .map_err(|e| StoreError(format!("stored mention {r}#{ord} is unreadable: {e}")))?;
        tx.execute(
            "INSERT OR REPLACE INTO mention_keys (article_ref, ordinal, link_key) VALUES (?1, ?2, ?3)",
            params![r, ord, serde_json::to_string(&LinkKey::of(&m))?],
        )?;
    }
    Ok(())
}

/// Recompute wire-copy groups over all articles and store them. Returns article → original.
fn refresh_copies(tx: &rusqlite::Transaction<'_>) -> Result<BTreeMap<String, String>> {
    let prints: Vec<ArticlePrint> = {
        let mut st = tx.prepare("SELECT ref, published, fingerprint FROM article_prints")?;
        let rows = st.query_map([], |r| {
            let published: Option<String> = r.get(1)?;
            let fingerprint: Option<String> = r.get(2)?;
            Ok(ArticlePrint {
                reference: r.get(0)?,
                published: published.and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                fingerprint: Fingerprint::from_hex(fingerprint.as_deref().unwrap_or("")),
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let copies = copy_groups(&prints);
    tx.execute("DELETE FROM article_copies", [])?;
    for (r, original) in &copies {
        if r != original {
            tx.execute(
                "INSERT INTO article_copies (ref, original) VALUES (?1, ?2)",
                params![r, original],
            )?;
        }
    }
    Ok(copies)
}

/// Every stored mention's link key, and each article's version.
fn load_link_keys(tx: &rusqlite::Transaction<'_>) -> Result<(Vec<LinkKey>, HashMap<String, i64>)> {
    let mut keys = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT article_ref, ordinal, link_key FROM mention_keys ORDER BY article_ref, ordinal",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let key: String = r.get(2)?;
            keys.push(serde_json::from_str(&key).map_err(|e| {
                let aref: String = r.get(0).unwrap_or_default();
                let ord: i64 = r.get(1).unwrap_or_default();
                StoreError(format!(
                    "stored link key of mention {aref}#{ord} is unreadable: {e}"
                ))
            })?);
        }
    }
    let versions = {
        let mut st = tx.prepare("SELECT ref, version FROM articles")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    Ok((keys, versions))
}

/// The columns [`article_ref_row`] reads, in its order.
const ARTICLE_REF_COLUMNS: &str = "ref, url, outlet, language, published, title";

fn article_ref_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRefView> {
    Ok(ArticleRefView {
        reference: r.get(0)?,
        url: r.get(1)?,
        outlet: r.get(2)?,
        language: r.get(3)?,
        published: r.get(4)?,
        title: r.get(5)?,
        copy_of: None,
    })
}

/// How an incident shows one of its articles (`original`: the wire story it copies, if any).
fn article_ref(
    tx: &rusqlite::Transaction<'_>,
    reference: &str,
    original: Option<&String>,
) -> Result<Option<ArticleRefView>> {
    let view = tx
        .prepare_cached(&format!(
            "SELECT {ARTICLE_REF_COLUMNS} FROM articles WHERE ref = ?1"
        ))?
        .query_row([reference], article_ref_row)
        .optional()?
        .map(|mut v| {
            v.copy_of = original.filter(|o| o.as_str() != reference).cloned();
            v
        });
    Ok(view)
}

fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<ArticleRow>> {
    let diagnostics: String = r.get(8)?;
    let version: i64 = r.get(7)?;
    let mentions: i64 = r.get(9)?;
    let row = (|| -> Result<ArticleRow> {
        Ok(ArticleRow {
            reference: r.get(0)?,
            title: r.get(1)?,
            url: r.get(2)?,
            outlet: r.get(3)?,
            published: r.get(4)?,
            language: r.get(5)?,
            status: r.get(6)?,
            version: version.max(0) as u32,
            mentions: mentions.max(0) as usize,
            diagnostics: serde_json::from_str(&diagnostics)?,
            copy_of: r.get(10)?,
        })
    })();
    Ok(row)
}

fn status_of(p: &Processed) -> &'static str {
    if p.document.text.trim().is_empty() {
        "empty"
    } else if !p.document.language.is_supported() {
        "unsupported_language"
    } else {
        "extracted"
    }
}

fn ingest_one(
    tx: &rusqlite::Transaction<'_>,
    p: &Processed,
    meta: &ArticleMeta,
    now: i64,
) -> Result<Outcome> {
    let doc = &p.document;
    let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    let hash = sha256_hex(&[
        &doc.content_hash,
        &doc.text,
        doc.title.as_deref().unwrap_or(""),
        published.as_deref().unwrap_or(""),
        meta.url.as_deref().unwrap_or(""),
        meta.outlet.as_deref().unwrap_or(""),
    ]);
    let existing: Option<(String, i64)> = tx
        .query_row(
            "SELECT content_hash, version FROM articles WHERE ref = ?1",
            [&doc.reference],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let diagnostics: Vec<String> = p
        .diagnostics
        .iter()
        .map(|d| {
            let sev = match d.severity {
                vigie_core::Severity::Info => "info",
                vigie_core::Severity::Warning => "warning",
            };
            format!("{sev}: {}: {}", d.stage, d.message)
        })
        .collect();
    let diagnostics = serde_json::to_string(&diagnostics)?;
    let outcome = match existing {
        Some((h, _)) if h == hash => return Ok(Outcome::Unchanged),
        Some((_, v)) => {
            let version = v + 1;
            tx.execute(
                "UPDATE articles SET url = ?2, title = ?3, outlet = ?4, published = ?5, language = ?6,
                        status = ?7, content_hash = ?8, version = ?9, text = ?10, diagnostics = ?11,
                        ingested_at = ?12
                 WHERE ref = ?1",
                params![
                    doc.reference,
                    meta.url,
                    doc.title,
                    meta.outlet,
                    published,
                    doc.language.code(),
                    status_of(p),
                    hash,
                    version,
                    doc.text,
                    diagnostics,
                    now
                ],
            )?;
            tx.execute(
                "DELETE FROM mentions WHERE article_ref = ?1",
                [&doc.reference],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO article_versions (ref, version, content_hash, ingested_at) VALUES (?1, ?2, ?3, ?4)",
                params![doc.reference, version, hash, now],
            )?;
            Outcome::Updated
        }
        None => {
            tx.execute(
                "INSERT INTO articles (ref, url, title, outlet, published, language, status, content_hash,
                                       version, text, diagnostics, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10, ?11)",
                params![
                    doc.reference,
                    meta.url,
                    doc.title,
                    meta.outlet,
                    published,
                    doc.language.code(),
                    status_of(p),
                    hash,
                    doc.text,
                    diagnostics,
                    now
                ],
            )?;
            tx.execute(
                "INSERT INTO article_versions (ref, version, content_hash, ingested_at) VALUES (?1, 1, ?2, ?3)",
                params![doc.reference, hash, now],
            )?;
            Outcome::New
        }
    };
    write_derived(tx, p)?;
    Ok(outcome)
}

/// What the pipeline derived from an article: its fingerprint, mentions and their link keys.
fn write_derived(tx: &rusqlite::Transaction<'_>, p: &Processed) -> Result<()> {
    let doc = &p.document;
    let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    tx.prepare_cached(
        "INSERT OR REPLACE INTO article_prints (ref, published, fingerprint) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![doc.reference, published, p.fingerprint.to_hex()])?;
    for (i, m) in p.mentions.iter().enumerate() {
        let place = m.place.as_ref();
        tx.prepare_cached(
            "INSERT INTO mentions (article_ref, ordinal, id, date, country, lat, lon, event_type, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
                doc.reference,
                i as i64,
                m.id,
                m.date.map(|d| d.date.format("%Y-%m-%d").to_string()),
                place.map(|p| p.country_code.clone()),
                place.and_then(|p| p.latitude),
                place.and_then(|p| p.longitude),
                m.event_type.label(),
                serde_json::to_string(m)?
            ])?;
        tx.prepare_cached(
            "INSERT INTO mention_keys (article_ref, ordinal, link_key) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![
            doc.reference,
            i as i64,
            serde_json::to_string(&LinkKey::of(m))?
        ])?;
    }
    Ok(())
}

fn write_incident_mentions(
    tx: &rusqlite::Transaction<'_>,
    id: &str,
    inc: &vigie_core::Incident,
) -> Result<()> {
    let mut mention_ids: Vec<&str> = inc.mentions.iter().map(String::as_str).collect();
    mention_ids.sort();
    mention_ids.dedup();
    for m in mention_ids {
        tx.prepare_cached(
            "INSERT INTO incident_mentions (incident_id, mention_id) VALUES (?1, ?2)",
        )?
        .execute(params![id, m])?;
    }
    Ok(())
}

fn write_incident(
    tx: &rusqlite::Transaction<'_>,
    view: &IncidentView,
    hash: &str,
    country_code: &str,
    inc: Option<&vigie_core::Incident>,
) -> Result<()> {
    let actors: Vec<&str> = [
        &view.actor1,
        &view.assoc_actor_1,
        &view.actor2,
        &view.assoc_actor_2,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    let actors_lc = actors.join("\n").to_lowercase();
    let mut search: Vec<&str> = actors.clone();
    search.extend(
        [
            &view.location,
            &view.admin1,
            &view.admin2,
            &view.admin3,
            &view.country,
            &view.notes,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str),
    );
    search.extend(view.claims.iter().map(|c| c.quote.as_str()));
    let search = search.join("\n").to_lowercase();
    tx.execute(
        "INSERT INTO incidents (id, date, event_type, sub_event_type, country, country_code, iso, admin1,
                                actor1, actor2, actors_lc, lat, lon, search, content_hash, timestamp, view)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            view.id,
            view.date,
            view.event_type,
            view.sub_event_type,
            view.country,
            country_code,
            view.iso,
            view.admin1,
            view.actor1,
            view.actor2,
            actors_lc,
            view.latitude,
            view.longitude,
            search,
            hash,
            view.timestamp,
            serde_json::to_string(view)?
        ],
    )?;
    if let Some(inc) = inc {
        write_incident_mentions(tx, &view.id, inc)?;
    }
    let mut refs: Vec<&str> = view.articles.iter().map(|a| a.reference.as_str()).collect();
    refs.sort();
    refs.dedup();
    for r in refs {
        tx.execute(
            "INSERT INTO incident_articles (incident_id, article_ref) VALUES (?1, ?2)",
            params![view.id, r],
        )?;
    }
    if view
        .review
        .as_ref()
        .is_some_and(|r| r.status == corrections::NOT_AN_EVENT)
    {
        tx.execute(
            "UPDATE incidents SET dismissed = 1 WHERE id = ?1",
            [&view.id],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
