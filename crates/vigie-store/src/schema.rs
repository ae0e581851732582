//! Versioned migrations. Each entry of [`MIGRATIONS`] moves the database one version up, inside
//! its own transaction. Never edit a released migration: append a new one.
//!
//! The migrations are written for SQLite and run on PostgreSQL through [`db::pg_ddl`] (column
//! types only: the tables, keys and indexes are the same). The schema version is SQLite's
//! `user_version`, and on PostgreSQL the one row of `vigie_schema`; there, each migration's
//! transaction holds the store's write lock, so processes starting together migrate once.

use crate::db::{self, params, Db, Dialect};
use crate::{Result, StoreError};

pub(crate) const MIGRATIONS: &[&str] = &[
    // 1 — initial schema
    r#"
CREATE TABLE articles (
    ref          TEXT PRIMARY KEY CHECK (length(ref) > 0),
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    published    TEXT,
    language     TEXT NOT NULL,
    status       TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    version      INTEGER NOT NULL,
    text         TEXT NOT NULL,
    diagnostics  TEXT NOT NULL DEFAULT '[]',
    ingested_at  INTEGER NOT NULL
);
CREATE TABLE article_versions (
    ref          TEXT NOT NULL REFERENCES articles(ref) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    ingested_at  INTEGER NOT NULL,
    PRIMARY KEY (ref, version)
);
CREATE TABLE mentions (
    article_ref TEXT NOT NULL REFERENCES articles(ref) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    id          TEXT NOT NULL,
    date        TEXT,
    country     TEXT,
    lat         REAL,
    lon         REAL,
    event_type  TEXT,
    data        TEXT NOT NULL,
    PRIMARY KEY (article_ref, ordinal)
);
CREATE INDEX mentions_id ON mentions(id);
CREATE INDEX mentions_date ON mentions(date);
CREATE TABLE incidents (
    id             TEXT PRIMARY KEY,
    date           TEXT,
    event_type     TEXT,
    sub_event_type TEXT,
    country        TEXT,
    country_code   TEXT,
    iso            INTEGER,
    admin1         TEXT,
    actor1         TEXT,
    actor2         TEXT,
    actors_lc      TEXT NOT NULL,
    lat            REAL,
    lon            REAL,
    search         TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    timestamp      INTEGER NOT NULL,
    view           TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents(date);
CREATE INDEX incidents_country ON incidents(country);
CREATE INDEX incidents_latlon ON incidents(lat, lon);
CREATE TABLE incident_mentions (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    mention_id  TEXT NOT NULL,
    PRIMARY KEY (incident_id, mention_id)
);
CREATE TABLE incident_articles (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    article_ref TEXT NOT NULL,
    PRIMARY KEY (incident_id, article_ref)
);
CREATE INDEX incident_articles_ref ON incident_articles(article_ref);
CREATE TABLE rejections (
    source TEXT NOT NULL,
    line   INTEGER,
    reason TEXT NOT NULL,
    at     INTEGER NOT NULL
);
CREATE INDEX rejections_source ON rejections(source);
CREATE TABLE gazetteer_extra (
    name        TEXT NOT NULL,
    country     TEXT NOT NULL,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    data        TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (name, country, lat, lon)
);
"#,
    // 2 — incremental relinking and wire copies
    r#"
-- Small rows apart from the big text/JSON ones, so relinking reads megabytes, not the corpus.
CREATE TABLE article_prints (
    ref         TEXT PRIMARY KEY REFERENCES articles(ref) ON DELETE CASCADE,
    published   TEXT,
    fingerprint TEXT NOT NULL
);
CREATE TABLE mention_keys (
    article_ref TEXT NOT NULL,
    ordinal     INTEGER NOT NULL,
    link_key    TEXT NOT NULL,
    PRIMARY KEY (article_ref, ordinal),
    FOREIGN KEY (article_ref, ordinal) REFERENCES mentions(article_ref, ordinal) ON DELETE CASCADE
);
ALTER TABLE incidents ADD COLUMN members_hash TEXT;
-- 'relink_needed' = '1' after an ingest changed articles, until the next relink.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE article_copies (
    ref      TEXT PRIMARY KEY REFERENCES articles(ref) ON DELETE CASCADE,
    original TEXT NOT NULL
);
"#,
    // 3 — the monitor: feeds and the items seen in them, watch zones, alerts, webhooks
    r#"
CREATE TABLE feeds (
    id                 INTEGER PRIMARY KEY,
    url                TEXT NOT NULL UNIQUE,
    name               TEXT,
    language           TEXT,
    interval_secs      INTEGER,
    added_at           INTEGER NOT NULL,
    etag               TEXT,
    last_modified      TEXT,
    last_success       INTEGER,
    last_error         TEXT,
    last_error_at      INTEGER,
    consecutive_errors INTEGER NOT NULL DEFAULT 0,
    next_poll          INTEGER NOT NULL DEFAULT 0
);
-- One row per item ever seen in a feed, written in the same transaction as the item's article:
-- an item is ingested exactly once, whenever the process dies.
CREATE TABLE feed_items (
    feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    item_key    TEXT NOT NULL,
    article_ref TEXT,
    seen_at     INTEGER NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);
CREATE TABLE zones (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    geometry     TEXT NOT NULL,
    event_types  TEXT NOT NULL DEFAULT '[]',
    min_severity INTEGER NOT NULL DEFAULT 0,
    added_at     INTEGER NOT NULL
);
CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,
    zone_id     INTEGER NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    changes     TEXT NOT NULL,
    state       TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX alerts_incident_zone ON alerts(incident_id, zone_id);
CREATE TABLE hooks (
    id       INTEGER PRIMARY KEY,
    url      TEXT NOT NULL UNIQUE,
    secret   TEXT,
    added_at INTEGER NOT NULL
);
CREATE TABLE deliveries (
    alert_id     INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    hook_id      INTEGER NOT NULL REFERENCES hooks(id) ON DELETE CASCADE,
    status       TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    last_attempt INTEGER,
    next_attempt INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (alert_id, hook_id)
);
CREATE INDEX deliveries_due ON deliveries(status, next_attempt);
"#,
    // 4 — the analysts' corrections journal (see corrections.rs) and incidents marked not an event
    r#"
-- One row per correction, never deleted: keyed on the reports (mention ids, article refs) of
-- the incident corrected, re-applied after every relink. applied_to/stale say where it
-- applies as of the last relink.
CREATE TABLE corrections (
    id            INTEGER PRIMARY KEY,
    op            TEXT NOT NULL,
    data          TEXT NOT NULL,
    note          TEXT,
    author        TEXT NOT NULL,
    at            INTEGER NOT NULL,
    incident      TEXT NOT NULL,
    reports       TEXT NOT NULL,
    other_reports TEXT,
    before        TEXT NOT NULL,
    after         TEXT,
    applied_to    TEXT,
    stale         TEXT
);
CREATE INDEX corrections_applied_to ON corrections(applied_to);
CREATE INDEX corrections_incident ON corrections(incident);
ALTER TABLE incidents ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0;
"#,
    // 5 — relinking in proportion to what changed (see relink.rs, `relink_incremental`)
    r#"
-- Articles whose mentions were written since the last relink.
CREATE TABLE relink_queue (
    article_ref TEXT PRIMARY KEY
);
-- The linker's groups as of the last relink, before corrections: one row per group, keyed by
-- the mention that founded it; data = the vigie_core Group as JSON.
CREATE TABLE link_clusters (
    founder TEXT PRIMARY KEY,
    id      TEXT NOT NULL,
    base_id TEXT NOT NULL,
    data    TEXT NOT NULL
);
CREATE INDEX link_clusters_base ON link_clusters(base_id);
CREATE INDEX link_clusters_id ON link_clusters(id);
-- Every linked mention and the group(s) it is in ('' when a country-level report joined none):
-- its pass (1 dated and placed, 2 undated, 3 country-level), country, the days of the dated
-- index it touches (lo..hi, as days from the common era; NULL = any day) and its 1° cell.
CREATE TABLE link_members (
    mention_id  TEXT NOT NULL,
    cluster     TEXT NOT NULL,
    article_ref TEXT NOT NULL,
    ordinal     INTEGER NOT NULL,
    country     TEXT NOT NULL,
    pass        INTEGER NOT NULL,
    day         INTEGER,
    lo          INTEGER,
    hi          INTEGER,
    operation   INTEGER NOT NULL,
    cell_y      INTEGER,
    cell_x      INTEGER,
    PRIMARY KEY (mention_id, cluster)
);
CREATE INDEX link_members_cluster ON link_members(cluster);
CREATE INDEX link_members_article ON link_members(article_ref);
CREATE INDEX link_members_reach ON link_members(pass, country, hi);
CREATE INDEX incident_mentions_mention ON incident_mentions(mention_id);
"#,
    // 6 — reads that stay fast on years of data: the map's grid, weekly counts and totals are
    // read from this index alone (an incident's row carries its whole view), and the lists
    // come in their order (`ORDER BY date IS NULL, date DESC, id`) without sorting the table
    r#"
CREATE INDEX incidents_map ON incidents(dismissed, lat, lon, date, event_type, id);
CREATE INDEX incidents_listing ON incidents(dismissed, (date IS NULL), date DESC, id);
"#,
    // 7 — lists that read and send little on years of data: each incident's summary beside its
    // view (filled from the views by `fill_summaries` below), and the usual filters (period,
    // country, type, box) counted and listed from one index alone: the country clause
    // (name, code or number, any case) could not use the index on `country`
    r#"
ALTER TABLE incidents ADD COLUMN summary TEXT;
DROP INDEX incidents_country;
CREATE INDEX incidents_filters ON incidents(dismissed, date, country, country_code, iso, event_type,
                                           sub_event_type, lat, lon, id);
"#,
    // 8 — free text found through an index: the incidents' text folded, and a trigram index
    // over it (FTS5 on SQLite, pg_trgm on PostgreSQL); all in `search::migrate_text_index`
    "",
];

/// Data a migration fills in Rust once its SQL has run, in its transaction.
type DataStep = fn(&Db) -> Result<()>;

/// The data steps, by the schema version whose migration runs them.
const DATA_STEPS: &[(i64, DataStep)] =
    &[(7, fill_summaries), (8, crate::search::migrate_text_index)];

/// Every stored incident's summary, made from its view (migration 7).
fn fill_summaries(tx: &Db) -> Result<()> {
    let mut summaries: Vec<(String, String)> = Vec::new();
    tx.query_each(
        "SELECT id, view FROM incidents WHERE summary IS NULL",
        params![],
        |r| {
            let view: crate::IncidentView = serde_json::from_str(&r.get::<String>(1)?)?;
            let summary = crate::IncidentSummary::of(&view);
            summaries.push((r.get(0)?, serde_json::to_string(&summary)?));
            Ok(())
        },
    )?;
    for (id, summary) in summaries {
        tx.execute(
            "UPDATE incidents SET summary = ?2 WHERE id = ?1",
            params![id, summary],
        )?;
    }
    Ok(())
}

/// Bring the database up to the latest schema version. Idempotent.
pub(crate) fn migrate(conn: &mut Db) -> Result<()> {
    if version(conn)? == MIGRATIONS.len() as i64 {
        return Ok(());
    }
    for version in 1..=MIGRATIONS.len() as i64 {
        let tx = conn.transaction()?;
        if tx.dialect() == Dialect::Postgres {
            // The transaction holds the write lock (see `Db::transaction`): a process
            // migrating at the same time has finished, and its version is read below.
            tx.execute_batch("CREATE TABLE IF NOT EXISTS vigie_schema (version BIGINT NOT NULL)")
                .map_err(|e| {
                    StoreError(format!("cannot create the schema version table: {}", e.0))
                })?;
        }
        let current = version_in(&tx)?;
        if current < 0 || current as usize > MIGRATIONS.len() {
            return Err(StoreError(format!(
                "the database has schema version {current}, newer than this vigie knows ({}); upgrade vigie",
                MIGRATIONS.len()
            )));
        }
        if current >= version {
            continue;
        }
        let sql = MIGRATIONS[version as usize - 1];
        let fail = |e: StoreError| StoreError(format!("migration {version}: {}", e.0));
        match tx.dialect() {
            Dialect::Sqlite => {
                tx.execute_batch(sql).map_err(fail)?;
                tx.execute_batch(&format!("PRAGMA user_version = {version}"))
                    .map_err(fail)?;
            }
            Dialect::Postgres => {
                tx.execute_batch(&db::pg_ddl(sql)).map_err(fail)?;
                tx.execute("DELETE FROM vigie_schema", params![])
                    .map_err(fail)?;
                tx.execute(
                    "INSERT INTO vigie_schema (version) VALUES (?1)",
                    params![version],
                )
                .map_err(fail)?;
            }
        }
        for (_, step) in DATA_STEPS.iter().filter(|(v, _)| *v == version) {
            step(&tx).map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
    }
    Ok(())
}

/// The schema version (0 for a new database).
pub(crate) fn version(conn: &Db) -> Result<i64> {
    if conn.dialect() == Dialect::Postgres {
        let exists: bool = conn
            .query_row(
                "SELECT to_regclass('vigie_schema') IS NOT NULL",
                params![],
                |r| r.get(0),
            )
            .map_err(|e| StoreError(format!("cannot read the schema version: {}", e.0)))?;
        if !exists {
            return Ok(0);
        }
    }
    version_in(conn)
}

fn version_in(conn: &Db) -> Result<i64> {
    let v = match conn.dialect() {
        Dialect::Sqlite => conn.query_row("PRAGMA user_version", params![], |r| r.get(0)),
        Dialect::Postgres => conn.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM vigie_schema",
            params![],
            |r| r.get(0),
        ),
    };
    v.map_err(|e| StoreError(format!("cannot read the schema version: {}", e.0)))
}
