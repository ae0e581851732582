//! The monitor's tables (schema 3): feeds and the items seen in them, watch zones, alerts,
//! webhooks and their deliveries. Only storage lives here; what a zone contains, when an alert
//! is due and how a webhook is signed is `vigie-monitor`'s job.

use super::{ingest_one, set_relink_needed, unix_now, ArticleMeta, IncidentView, Outcome};
use super::{Result, Store, StoreError};
use crate::db::{params, Row};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use vigie_core::Processed;

/// A followed feed and its polling status.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FeedRow {
    pub id: i64,
    pub url: String,
    pub name: Option<String>,
    pub language: Option<String>,
    /// Poll interval of this feed; `None` = the watcher's default.
    pub interval_secs: Option<i64>,
    pub added_at: i64,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_success: Option<i64>,
    /// One line: what went wrong at the last failed poll (kept after a later success).
    pub last_error: Option<String>,
    pub last_error_at: Option<i64>,
    pub consecutive_errors: i64,
    pub next_poll: i64,
    /// Distinct items ever seen in the feed.
    pub items_seen: i64,
    /// Items that gave an article.
    pub items_ingested: i64,
}

/// What a successful poll leaves on the feed.
#[derive(Debug, Clone, Default)]
pub struct FeedStatusUpdate {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub next_poll: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ZoneRow {
    pub id: i64,
    pub name: String,
    /// "point", "corridor", "polygon", "admin"
    pub kind: String,
    /// The zone's shape as JSON (its meaning is `vigie-monitor`'s).
    pub geometry: serde_json::Value,
    /// ACLED event or sub-event types the zone cares about; empty = all.
    pub event_types: Vec<String>,
    pub min_severity: u32,
    pub added_at: i64,
}

/// An alert to record: the incident's state as alerted, and the body delivered to hooks.
#[derive(Debug, Clone)]
pub struct NewAlert {
    pub incident_id: String,
    pub zone_id: i64,
    /// "new" or "updated"
    pub kind: String,
    pub changes: Vec<String>,
    pub state: serde_json::Value,
    pub payload: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AlertRow {
    pub id: i64,
    pub incident_id: String,
    pub zone_id: i64,
    pub zone: String,
    pub kind: String,
    pub changes: Vec<String>,
    pub payload: serde_json::Value,
    pub created_at: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HookRow {
    pub id: i64,
    pub url: String,
    #[serde(skip_serializing)]
    pub secret: Option<String>,
    pub added_at: i64,
    pub delivered: i64,
    pub pending: i64,
    pub failed: i64,
    /// The last delivery error, if any.
    pub last_error: Option<String>,
}

/// A delivery still to attempt.
#[derive(Debug, Clone)]
pub struct DeliveryRow {
    pub alert_id: i64,
    pub hook_id: i64,
    pub url: String,
    pub secret: Option<String>,
    pub payload: serde_json::Value,
    pub attempts: i64,
}

const FEED_COLUMNS: &str = "id, url, name, language, interval_secs, added_at, etag, last_modified,
     last_success, last_error, last_error_at, consecutive_errors, next_poll,
     (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id),
     (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.article_ref IS NOT NULL)";

fn feed_row(r: &Row<'_>) -> Result<FeedRow> {
    Ok(FeedRow {
        id: r.get(0)?,
        url: r.get(1)?,
        name: r.get(2)?,
        language: r.get(3)?,
        interval_secs: r.get(4)?,
        added_at: r.get(5)?,
        etag: r.get(6)?,
        last_modified: r.get(7)?,
        last_success: r.get(8)?,
        last_error: r.get(9)?,
        last_error_at: r.get(10)?,
        consecutive_errors: r.get(11)?,
        next_poll: r.get(12)?,
        items_seen: r.get(13)?,
        items_ingested: r.get(14)?,
    })
}

fn json_column<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError(format!("stored {what} is not valid: {e}")))
}

impl Store {
    /// Follow a feed. Adding a URL already followed updates its name, language and interval.
    /// Returns the feed's id and whether it is new.
    pub fn add_feed(
        &mut self,
        url: &str,
        name: Option<&str>,
        language: Option<&str>,
        interval_secs: Option<i64>,
    ) -> Result<(i64, bool)> {
        let tx = self.conn.transaction()?;
        let existing: Option<i64> =
            tx.query_opt("SELECT id FROM feeds WHERE url = ?1", params![url], |r| {
                r.get(0)
            })?;
        let out = match existing {
            Some(id) => {
                tx.execute(
                    "UPDATE feeds SET name = coalesce(?2, name), language = coalesce(?3, language),
                     interval_secs = coalesce(?4, interval_secs) WHERE id = ?1",
                    params![id, name, language, interval_secs],
                )?;
                (id, false)
            }
            None => {
                let id = tx.query_row(
                    "INSERT INTO feeds (url, name, language, interval_secs, added_at)
                     VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                    params![url, name, language, interval_secs, unix_now()],
                    |r| r.get(0),
                )?;
                (id, true)
            }
        };
        tx.commit()?;
        Ok(out)
    }

    /// Every followed feed, oldest first.
    pub fn feeds(&self) -> Result<Vec<FeedRow>> {
        self.conn.query_map(
            &format!("SELECT {FEED_COLUMNS} FROM feeds f ORDER BY id"),
            params![],
            feed_row,
        )
    }

    /// Feeds whose next poll time has come.
    pub fn due_feeds(&self, now: i64) -> Result<Vec<FeedRow>> {
        self.conn.query_map(
            &format!(
                "SELECT {FEED_COLUMNS} FROM feeds f WHERE next_poll <= ?1 ORDER BY next_poll, id"
            ),
            params![now],
            feed_row,
        )
    }

    /// Stop following a feed (by URL or id); the articles it brought stay. False when unknown.
    pub fn remove_feed(&mut self, url_or_id: &str) -> Result<bool> {
        let n = self.conn.execute(
            "DELETE FROM feeds WHERE url = ?1 OR CAST(id AS TEXT) = ?1",
            params![url_or_id],
        )?;
        Ok(n > 0)
    }

    /// Which of `keys` were already seen in the feed.
    pub fn known_feed_items(&self, feed_id: i64, keys: &[String]) -> Result<HashSet<String>> {
        let mut known = HashSet::new();
        for k in keys {
            let seen = self.conn.query_opt(
                "SELECT 1 FROM feed_items WHERE feed_id = ?1 AND item_key = ?2",
                params![feed_id, k],
                |_| Ok(()),
            )?;
            if seen.is_some() {
                known.insert(k.clone());
            }
        }
        Ok(known)
    }

    /// Ingest one feed item and mark it seen, in ONE transaction: after a crash the item is
    /// either fully in (article + seen mark) or not at all, so it is ingested exactly once.
    /// `processed = None` marks an item that gave no article (nothing to read). Returns `None`
    /// when the item was already seen (nothing written).
    pub fn ingest_feed_item(
        &mut self,
        feed_id: i64,
        item_key: &str,
        processed: Option<(&Processed, &ArticleMeta)>,
    ) -> Result<Option<Option<Outcome>>> {
        let now = unix_now();
        let tx = self.conn.transaction()?;
        let article_ref = processed.map(|(p, _)| p.document.reference.clone());
        let inserted = tx.execute(
            "INSERT INTO feed_items (feed_id, item_key, article_ref, seen_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            params![feed_id, item_key, article_ref, now],
        )?;
        if inserted == 0 {
            return Ok(None);
        }
        let mut outcome = None;
        if let Some((p, meta)) = processed {
            let o = ingest_one(&tx, p, meta, now)?;
            if o != Outcome::Unchanged {
                set_relink_needed(&tx, true)?;
            }
            outcome = Some(o);
        }
        tx.commit()?;
        Ok(Some(outcome))
    }

    /// A poll that worked (a new document or 304): validators and the next poll time.
    pub fn record_feed_success(&mut self, feed_id: i64, update: &FeedStatusUpdate) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET etag = ?2, last_modified = ?3, next_poll = ?4, last_success = ?5,
             consecutive_errors = 0 WHERE id = ?1",
            params![
                feed_id,
                update.etag,
                update.last_modified,
                update.next_poll,
                unix_now()
            ],
        )?;
        Ok(())
    }

    /// A poll that failed: its one-line reason and when to try again.
    pub fn record_feed_error(&mut self, feed_id: i64, error: &str, next_poll: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET last_error = ?2, last_error_at = ?3, next_poll = ?4,
             consecutive_errors = consecutive_errors + 1 WHERE id = ?1",
            params![feed_id, error, unix_now(), next_poll],
        )?;
        Ok(())
    }

    /// Add a watch zone. Names are unique.
    pub fn add_zone(
        &mut self,
        name: &str,
        kind: &str,
        geometry: &serde_json::Value,
        event_types: &[String],
        min_severity: u32,
    ) -> Result<i64> {
        let exists = self
            .conn
            .query_opt("SELECT 1 FROM zones WHERE name = ?1", params![name], |_| {
                Ok(())
            })?
            .is_some();
        if exists {
            return Err(StoreError(format!(
                "a zone named {name:?} exists; remove it first"
            )));
        }
        self.conn.query_row(
            "INSERT INTO zones (name, kind, geometry, event_types, min_severity, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            params![
                name,
                kind,
                geometry.to_string(),
                serde_json::to_string(event_types)?,
                min_severity,
                unix_now()
            ],
            |r| r.get(0),
        )
    }

    pub fn zones(&self) -> Result<Vec<ZoneRow>> {
        let rows: Vec<_> = self.conn.query_map(
            "SELECT id, name, kind, geometry, event_types, min_severity, added_at
             FROM zones ORDER BY id",
            params![],
            |r| {
                Ok((
                    r.get::<i64>(0)?,
                    r.get::<String>(1)?,
                    r.get::<String>(2)?,
                    r.get::<String>(3)?,
                    r.get::<String>(4)?,
                    r.get::<u32>(5)?,
                    r.get::<i64>(6)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for (id, name, kind, geometry, types, min_severity, added_at) in rows {
            out.push(ZoneRow {
                id,
                name,
                kind,
                geometry: json_column(&geometry, "zone geometry")?,
                event_types: json_column(&types, "zone event types")?,
                min_severity,
                added_at,
            });
        }
        Ok(out)
    }

    /// Remove a zone (by name or id) and its alerts. False when unknown.
    pub fn remove_zone(&mut self, name_or_id: &str) -> Result<bool> {
        let n = self.conn.execute(
            "DELETE FROM zones WHERE name = ?1 OR CAST(id AS TEXT) = ?1",
            params![name_or_id],
        )?;
        Ok(n > 0)
    }

    /// Incidents written (created or changed) at or after `since` (Unix seconds).
    pub fn incidents_changed_since(&self, since: i64) -> Result<Vec<IncidentView>> {
        self.conn.query_map(
            "SELECT view FROM incidents WHERE timestamp >= ?1 ORDER BY id",
            params![since],
            |r| json_column(&r.get::<String>(0)?, "incident view"),
        )
    }

    /// When alerts were last computed (Unix seconds; 0 = never).
    pub fn alerts_checked_at(&self) -> Result<i64> {
        let v: Option<String> = self.conn.query_opt(
            "SELECT value FROM store_meta WHERE key = 'alerts_checked_at'",
            params![],
            |r| r.get(0),
        )?;
        Ok(v.and_then(|s| s.parse().ok()).unwrap_or(0))
    }

    pub fn set_alerts_checked_at(&mut self, at: i64) -> Result<()> {
        crate::relink::set_meta(&self.conn, "alerts_checked_at", &at.to_string())
    }

    /// The state recorded with the last alert for (incident, zone), if any.
    pub fn last_alert_state(
        &self,
        incident_id: &str,
        zone_id: i64,
    ) -> Result<Option<serde_json::Value>> {
        let v: Option<String> = self.conn.query_opt(
            "SELECT state FROM alerts WHERE incident_id = ?1 AND zone_id = ?2
                 ORDER BY id DESC LIMIT 1",
            params![incident_id, zone_id],
            |r| r.get(0),
        )?;
        v.map(|s| json_column(&s, "alert state")).transpose()
    }

    /// Record an alert and queue its delivery to every hook, in one transaction.
    pub fn record_alert(&mut self, alert: &NewAlert) -> Result<i64> {
        let now = unix_now();
        let tx = self.conn.transaction()?;
        let id: i64 = tx.query_row(
            "INSERT INTO alerts (incident_id, zone_id, kind, changes, state, payload, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
            params![
                alert.incident_id,
                alert.zone_id,
                alert.kind,
                serde_json::to_string(&alert.changes)?,
                alert.state.to_string(),
                "{}",
                now
            ],
            |r| r.get(0),
        )?;
        // The payload carries the alert's own id, so receivers can tell a redelivery.
        let mut payload = alert.payload.clone();
        if let Some(obj) = payload.as_object_mut() {
            obj.insert("alert_id".into(), id.into());
            obj.insert("created_at".into(), now.into());
        }
        tx.execute(
            "UPDATE alerts SET payload = ?2 WHERE id = ?1",
            params![id, payload.to_string()],
        )?;
        tx.execute(
            "INSERT INTO deliveries (alert_id, hook_id, status, next_attempt)
             SELECT ?1, id, 'pending', 0 FROM hooks",
            params![id],
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Alerts, newest first. `zone` filters by zone name.
    pub fn alerts(&self, limit: usize, zone: Option<&str>) -> Result<Vec<AlertRow>> {
        let rows: Vec<_> = self.conn.query_map(
            "SELECT a.id, a.incident_id, a.zone_id, z.name, a.kind, a.changes, a.payload, a.created_at
             FROM alerts a JOIN zones z ON z.id = a.zone_id
             WHERE CAST(?1 AS TEXT) IS NULL OR z.name = ?1
             ORDER BY a.id DESC LIMIT ?2",
            params![zone, limit.min(i64::MAX as usize) as i64], |r| {
            Ok((
                r.get::<i64>(0)?,
                r.get::<String>(1)?,
                r.get::<i64>(2)?,
                r.get::<String>(3)?,
                r.get::<String>(4)?,
                r.get::<String>(5)?,
                r.get::<String>(6)?,
                r.get::<i64>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for (id, incident_id, zone_id, zone, kind, changes, payload, created_at) in rows {
            out.push(AlertRow {
                id,
                incident_id,
                zone_id,
                zone,
                kind,
                changes: json_column(&changes, "alert changes")?,
                payload: json_column(&payload, "alert payload")?,
                created_at,
            });
        }
        Ok(out)
    }

    /// Add a webhook (a URL already known gets the new secret). Returns its id.
    pub fn add_hook(&mut self, url: &str, secret: Option<&str>) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO hooks (url, secret, added_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (url) DO UPDATE SET secret = excluded.secret",
            params![url, secret, unix_now()],
        )?;
        self.conn
            .query_row("SELECT id FROM hooks WHERE url = ?1", params![url], |r| {
                r.get(0)
            })
    }

    pub fn hooks(&self) -> Result<Vec<HookRow>> {
        self.conn.query_map(
            "SELECT h.id, h.url, h.secret, h.added_at,
                (SELECT count(*) FROM deliveries d WHERE d.hook_id = h.id AND d.status = 'delivered'),
                (SELECT count(*) FROM deliveries d WHERE d.hook_id = h.id AND d.status = 'pending'),
                (SELECT count(*) FROM deliveries d WHERE d.hook_id = h.id AND d.status = 'failed'),
                (SELECT d.last_error FROM deliveries d WHERE d.hook_id = h.id
                    AND d.last_error IS NOT NULL ORDER BY d.last_attempt DESC NULLS LAST LIMIT 1)
             FROM hooks h ORDER BY h.id",
            params![], |r| {
            Ok(HookRow {
                id: r.get(0)?,
                url: r.get(1)?,
                secret: r.get(2)?,
                added_at: r.get(3)?,
                delivered: r.get(4)?,
                pending: r.get(5)?,
                failed: r.get(6)?,
                last_error: r.get(7)?,
            })
        })
    }

    /// Remove a webhook (by URL or id). False when unknown.
    pub fn remove_hook(&mut self, url_or_id: &str) -> Result<bool> {
        let n = self.conn.execute(
            "DELETE FROM hooks WHERE url = ?1 OR CAST(id AS TEXT) = ?1",
            params![url_or_id],
        )?;
        Ok(n > 0)
    }

    /// Pending deliveries whose next attempt time has come, oldest alert first.
    pub fn due_deliveries(&self, now: i64) -> Result<Vec<DeliveryRow>> {
        let rows: Vec<_> = self.conn.query_map(
            "SELECT d.alert_id, d.hook_id, h.url, h.secret, a.payload, d.attempts
             FROM deliveries d JOIN hooks h ON h.id = d.hook_id JOIN alerts a ON a.id = d.alert_id
             WHERE d.status = 'pending' AND d.next_attempt <= ?1
             ORDER BY d.alert_id, d.hook_id",
            params![now],
            |r| {
                Ok((
                    r.get::<i64>(0)?,
                    r.get::<i64>(1)?,
                    r.get::<String>(2)?,
                    r.get::<Option<String>>(3)?,
                    r.get::<String>(4)?,
                    r.get::<i64>(5)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for (alert_id, hook_id, url, secret, payload, attempts) in rows {
            out.push(DeliveryRow {
                alert_id,
                hook_id,
                url,
                secret,
                payload: json_column(&payload, "alert payload")?,
                attempts,
            });
        }
        Ok(out)
    }

    /// The outcome of one delivery attempt. `error = None` means delivered; otherwise the
    /// delivery is retried at `next_attempt`, or marked failed when that is `None`.
    pub fn record_delivery(
        &mut self,
        alert_id: i64,
        hook_id: i64,
        error: Option<&str>,
        next_attempt: Option<i64>,
    ) -> Result<()> {
        let status = match (error, next_attempt) {
            (None, _) => "delivered",
            (Some(_), Some(_)) => "pending",
            (Some(_), None) => "failed",
        };
        self.conn.execute(
            "UPDATE deliveries SET status = ?3, attempts = attempts + 1, last_error = ?4,
             last_attempt = ?5, next_attempt = coalesce(?6, next_attempt)
             WHERE alert_id = ?1 AND hook_id = ?2",
            params![alert_id, hook_id, status, error, unix_now(), next_attempt],
        )?;
        Ok(())
    }

    /// Number of stored articles (the crash test compares it with a clean run).
    pub fn article_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", params![], |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }
}
