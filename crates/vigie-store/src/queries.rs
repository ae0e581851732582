//! The read side: incidents with their filters, articles, statistics, as serde-serializable views.

use super::*;

impl Store {
    pub(crate) fn article_refs(&self) -> Result<HashMap<String, ArticleRefView>> {
        self.conn.query_map(
            &format!("SELECT {ARTICLE_REF_COLUMNS} FROM articles"),
            params![],
            |r| {
                let a = article_ref_row(r)?;
                Ok((a.reference.clone(), a))
            },
        )
    }

    /// Incidents matching `filter`, by date (most recent first, undated last) then id.
    ///
    /// Ids are selected and ordered first (from the indexes alone for the usual filters), and
    /// only the page's views are read: a view is the incident's whole JSON, and sorting rows
    /// that carry it cost more than anything else on a large store.
    pub fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<IncidentView>> {
        self.read_in_order(&self.matching_ids(filter)?, "view")
    }

    /// The summaries of the incidents [`Store::incidents`] would return, in the same order:
    /// what a list shows, a few hundred bytes each instead of a whole view.
    pub fn incident_summaries(&self, filter: &IncidentFilter) -> Result<Vec<IncidentSummary>> {
        self.read_in_order(&self.matching_ids(filter)?, "summary")
    }

    /// The JSON `column` (`view` or `summary`) of the incidents `ids`, parsed, in their order.
    fn read_in_order<T: serde::de::DeserializeOwned>(
        &self,
        ids: &[String],
        column: &str,
    ) -> Result<Vec<T>> {
        let mut by_id: HashMap<String, T> = HashMap::with_capacity(ids.len());
        self.each_incident_by_id(ids, &format!("id, {column}"), |r| {
            let id: String = r.get(0)?;
            by_id.insert(id, serde_json::from_str(&r.get::<String>(1)?)?);
            Ok(())
        })?;
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// The ids of the incidents matching `filter`, in list order, its offset and limit applied.
    fn matching_ids(&self, filter: &IncidentFilter) -> Result<Vec<String>> {
        let (mut sql, args) = incident_query(self.conn.dialect(), filter, "id, lat, lon")?;
        sql.push_str(" ORDER BY date IS NULL, date DESC, id");
        if filter.near.is_none() {
            if let Some(l) = filter.limit {
                sql.push_str(&format!(" LIMIT {}", l.min(i64::MAX as usize)));
            } else if filter.offset > 0 {
                sql.push_str(self.conn.dialect().no_limit());
            }
            if filter.offset > 0 {
                sql.push_str(&format!(" OFFSET {}", filter.offset));
            }
        }
        let args: Vec<&dyn db::ToParam> = args.iter().map(|a| a as _).collect();
        let mut ids: Vec<String> = Vec::new();
        self.conn.query_each(&sql, &args, |r| {
            if let Some((lat, lon, km)) = filter.near {
                match (r.get::<Option<f64>>(1)?, r.get::<Option<f64>>(2)?) {
                    (Some(a), Some(b)) if distance_km(lat, lon, a, b) <= km => {}
                    _ => return Ok(()),
                }
            }
            ids.push(r.get::<String>(0)?);
            Ok(())
        })?;
        if filter.near.is_some() {
            ids = ids
                .into_iter()
                .skip(filter.offset)
                .take(filter.limit.unwrap_or(usize::MAX))
                .collect();
        }
        Ok(ids)
    }

    /// `each` over the rows `SELECT {columns} FROM incidents WHERE id IN (ids)`, by id, a few
    /// hundred ids per statement (a statement takes a bounded number of parameters).
    pub(crate) fn each_incident_by_id(
        &self,
        ids: &[String],
        columns: &str,
        mut each: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        for chunk in ids.chunks(400) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "SELECT {columns} FROM incidents WHERE id IN ({}) ORDER BY id",
                marks.join(", ")
            );
            let params: Vec<&dyn db::ToParam> = chunk.iter().map(|a| a as _).collect();
            self.conn.query_each(&sql, &params, &mut each)?;
        }
        Ok(())
    }

    /// How many incidents match `filter` (its limit and offset aside).
    pub fn count_incidents(&self, filter: &IncidentFilter) -> Result<usize> {
        let Some((lat, lon, km)) = filter.near else {
            let (sql, args) = incident_query(self.conn.dialect(), filter, "count(*)")?;
            let args: Vec<&dyn db::ToParam> = args.iter().map(|a| a as _).collect();
            let n: i64 = self.conn.query_row(&sql, &args, |r| r.get(0))?;
            return Ok(n.max(0) as usize);
        };
        let (sql, args) = incident_query(self.conn.dialect(), filter, "lat, lon")?;
        let args: Vec<&dyn db::ToParam> = args.iter().map(|a| a as _).collect();
        let mut n = 0;
        self.conn.query_each(&sql, &args, |r| {
            if let (Some(a), Some(b)) = (r.get::<Option<f64>>(0)?, r.get::<Option<f64>>(1)?) {
                if distance_km(lat, lon, a, b) <= km {
                    n += 1;
                }
            }
            Ok(())
        })?;
        Ok(n)
    }

    pub fn incident(&self, id: &str) -> Result<Option<IncidentView>> {
        let view: Option<String> = self.conn.query_opt(
            "SELECT view FROM incidents WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )?;
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
        // "No limit" is -1 for SQLite, NULL for PostgreSQL (which refuses a negative one).
        let limit = match (limit, self.conn.dialect()) {
            (Some(l), _) => Some(l.min(i64::MAX as usize) as i64),
            (None, db::Dialect::Sqlite) => Some(-1),
            (None, db::Dialect::Postgres) => None,
        };
        let offset = offset.min(i64::MAX as usize) as i64;
        self.conn.query_map(
            "SELECT ref, title, url, outlet, published, language, status, version, diagnostics,
                    (SELECT count(*) FROM mentions m WHERE m.article_ref = a.ref),
                    (SELECT original FROM article_copies c WHERE c.ref = a.ref)
             FROM articles a ORDER BY ref LIMIT ?1 OFFSET ?2",
            params![limit, offset],
            article_row,
        )
    }

    pub fn article(&self, reference: &str) -> Result<Option<ArticleDetail>> {
        let row = self.conn.query_opt(
            "SELECT ref, title, url, outlet, published, language, status, version, diagnostics,
                        (SELECT count(*) FROM mentions m WHERE m.article_ref = a.ref),
                        (SELECT original FROM article_copies c WHERE c.ref = a.ref), text
                 FROM articles a WHERE ref = ?1",
            params![reference],
            |r| Ok((article_row(r)?, r.get::<String>(11)?)),
        )?;
        let Some((row, text)) = row else {
            return Ok(None);
        };
        let incidents = self.conn.query_map(
            "SELECT incident_id FROM incident_articles WHERE article_ref = ?1 ORDER BY incident_id",
            params![reference],
            |r| r.get::<String>(0),
        )?;
        Ok(Some(ArticleDetail {
            row,
            text,
            incidents,
        }))
    }

    /// Counts per ISO week × event type, per admin1 and per actor (actor1 and actor2).
    pub fn stats(&self) -> Result<Stats> {
        let articles: i64 =
            self.conn
                .query_row("SELECT count(*) FROM articles", params![], |r| r.get(0))?;
        type Cols = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Cols> = self.conn.query_map(
            "SELECT date, event_type, admin1, actor1, actor2 FROM incidents WHERE dismissed = 0",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let mut week: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut admin: BTreeMap<String, usize> = BTreeMap::new();
        let mut actor: BTreeMap<String, usize> = BTreeMap::new();
        for (date, et, a1, ac1, ac2) in &rows {
            if let (Some(w), Some(et)) = (date.as_deref().and_then(week_of), et) {
                *week.entry((w, et.clone())).or_default() += 1;
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

/// The Monday of the ISO week of a "YYYY-MM-DD" date, in the same form.
pub(crate) fn week_of(date: &str) -> Option<String> {
    use chrono::Datelike;
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let start = d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
    Some(start.format("%Y-%m-%d").to_string())
}

/// `SELECT {columns} FROM incidents WHERE …` for `filter` (without order, limit or the exact
/// distance test of `near`, which callers apply), and its arguments.
pub(crate) fn incident_query(
    dialect: db::Dialect,
    filter: &IncidentFilter,
    columns: &str,
) -> Result<(String, Vec<db::Value>)> {
    let mut sql = format!("SELECT {columns} FROM incidents WHERE 1=1");
    if !filter.include_dismissed {
        sql.push_str(" AND dismissed = 0");
    }
    let mut args: Vec<db::Value> = Vec::new();
    let mut arg = |sql: &mut String, clause: &str, v: db::Value| {
        args.push(v);
        sql.push_str(&clause.replace("?", &format!("?{}", args.len())));
    };
    use db::Value as V;
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
                " AND (lower(country) = lower(CAST(? AS TEXT)) OR upper(country_code) = upper(CAST(? AS TEXT)) OR CAST(iso AS TEXT) = ?)",
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
            " AND (lower(event_type) = lower(CAST(? AS TEXT)) OR lower(sub_event_type) = lower(CAST(? AS TEXT)))",
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
    if let Some(q) = filter.text.as_deref().and_then(search::folded_query) {
        let (clause, value) = search::text_clause(dialect, &q);
        arg(&mut sql, clause, value);
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
    if let Some(b) = filter.bbox {
        arg(&mut sql, " AND lat BETWEEN ? ", V::Real(b.south));
        arg(&mut sql, "AND ?", V::Real(b.north));
        if b.crosses_antimeridian() {
            arg(&mut sql, " AND (lon >= ?", V::Real(b.west));
            arg(&mut sql, " OR lon <= ?)", V::Real(b.east));
        } else {
            arg(&mut sql, " AND lon BETWEEN ? ", V::Real(b.west));
            arg(&mut sql, "AND ?", V::Real(b.east));
        }
    }
    if let Some(a) = filter
        .admin1
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        let post2023 = dialect.json_text("view", "admin1_post2023");
        arg(
            &mut sql,
            &format!(
                " AND (lower(admin1) = lower(CAST(? AS TEXT)) OR lower({post2023}) = lower(CAST(? AS TEXT)))"
            ),
            V::Text(a.to_string()),
        );
    }
    Ok((sql, args))
}

/// The columns [`article_ref_row`] reads, in its order.
pub(crate) const ARTICLE_REF_COLUMNS: &str = "ref, url, outlet, language, published, title";

pub(crate) fn article_ref_row(r: &Row<'_>) -> Result<ArticleRefView> {
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
    tx: &Db,
    reference: &str,
    original: Option<&String>,
) -> Result<Option<ArticleRefView>> {
    let view = tx
        .query_opt(
            &format!("SELECT {ARTICLE_REF_COLUMNS} FROM articles WHERE ref = ?1"),
            params![reference],
            article_ref_row,
        )?
        .map(|mut v| {
            v.copy_of = original.filter(|o| o.as_str() != reference).cloned();
            v
        });
    Ok(view)
}

pub(crate) fn article_row(r: &Row<'_>) -> Result<ArticleRow> {
    let diagnostics: String = r.get(8)?;
    let version: i64 = r.get(7)?;
    let mentions: i64 = r.get(9)?;
    (|| -> Result<ArticleRow> {
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
    })()
}
