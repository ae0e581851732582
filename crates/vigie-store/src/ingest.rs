//! Ingest: articles in, one transaction per batch; a content hash decides whether an article
//! is new, unchanged or a new version (whose derived rows replace the old version's).

use super::*;

impl Store {
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
            // Rows have no key of their own (PostgreSQL has no rowid): read the source's
            // rows, delete them all and write back the first of each one still rejected,
            // with its first `at`.
            let old: Vec<(Option<i64>, String, i64)> = tx.query_map(
                "SELECT line, reason, at FROM rejections WHERE source = ?1
                 ORDER BY line NULLS FIRST, reason, at",
                params![s],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            if old.is_empty() {
                continue;
            }
            tx.execute("DELETE FROM rejections WHERE source = ?1", params![s])?;
            for (line, reason, at) in old {
                if fresh.contains(&(*s, line, reason.as_str()))
                    && kept.insert((s.to_string(), line, reason.clone()))
                {
                    tx.execute(
                        "INSERT INTO rejections (source, line, reason, at) VALUES (?1, ?2, ?3, ?4)",
                        params![s, line, reason, at],
                    )?;
                }
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
        self.conn.query_map(
            "SELECT source, line, reason, at FROM rejections
             ORDER BY source, line NULLS FIRST, reason",
            params![],
            |r| {
                Ok(RejectionRow {
                    rejection: Rejection {
                        source: r.get(0)?,
                        line: r.get::<Option<i64>>(1)?.map(|l| l.max(0) as usize),
                        reason: r.get(2)?,
                    },
                    at: r.get(3)?,
                })
            },
        )
    }
}

pub(crate) fn status_of(p: &Processed) -> &'static str {
    if p.document.text.trim().is_empty() {
        "empty"
    } else if !p.document.language.is_supported() {
        "unsupported_language"
    } else {
        "extracted"
    }
}

pub(crate) fn ingest_one(tx: &Db, p: &Processed, meta: &ArticleMeta, now: i64) -> Result<Outcome> {
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
    let existing: Option<(String, i64)> = tx.query_opt(
        "SELECT content_hash, version FROM articles WHERE ref = ?1",
        params![doc.reference],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
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
                params![doc.reference],
            )?;
            tx.execute(
                "INSERT INTO article_versions (ref, version, content_hash, ingested_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (ref, version)
                 DO UPDATE SET content_hash = excluded.content_hash, ingested_at = excluded.ingested_at",
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
pub(crate) fn write_derived(tx: &Db, p: &Processed) -> Result<()> {
    let doc = &p.document;
    let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    tx.execute(
        "INSERT INTO article_prints (ref, published, fingerprint) VALUES (?1, ?2, ?3)
         ON CONFLICT (ref) DO UPDATE SET published = excluded.published, fingerprint = excluded.fingerprint",
        params![doc.reference, published, p.fingerprint.to_hex()],
    )?;
    // The next relink regroups around what this article's mentions were and are.
    tx.execute(
        "INSERT INTO relink_queue (article_ref) VALUES (?1) ON CONFLICT DO NOTHING",
        params![doc.reference],
    )?;
    for (i, m) in p.mentions.iter().enumerate() {
        let place = m.place.as_ref();
        tx.execute(
            "INSERT INTO mentions (article_ref, ordinal, id, date, country, lat, lon, event_type, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                doc.reference,
                i as i64,
                m.id,
                m.date.map(|d| d.date.format("%Y-%m-%d").to_string()),
                place.map(|p| p.country_code.clone()),
                place.and_then(|p| p.latitude),
                place.and_then(|p| p.longitude),
                m.event_type.label(),
                serde_json::to_string(m)?
            ],
        )?;
        tx.execute(
            "INSERT INTO mention_keys (article_ref, ordinal, link_key) VALUES (?1, ?2, ?3)",
            params![
                doc.reference,
                i as i64,
                serde_json::to_string(&LinkKey::of(m))?
            ],
        )?;
    }
    Ok(())
}
