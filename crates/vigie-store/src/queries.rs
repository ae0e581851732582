//! The read side: incidents with their filters, articles, statistics, as serde-serializable views.

use super::*;

impl Store {
    pub(crate) fn article_refs(&self) -> Result<HashMap<String, ArticleRefView>> {
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
}

/// `SELECT {columns} FROM incidents WHERE …` for `filter` (without order, limit or the exact
/// distance test of `near`, which callers apply), and its arguments.
pub(crate) fn incident_query(
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

/// The columns [`article_ref_row`] reads, in its order.
pub(crate) const ARTICLE_REF_COLUMNS: &str = "ref, url, outlet, language, published, title";

pub(crate) fn article_ref_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRefView> {
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
pub(crate) fn article_ref(
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

pub(crate) fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<ArticleRow>> {
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
