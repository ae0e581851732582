//! Moving a store from one database to another (`vigie migrate`): every table copied row by
//! row into a fresh store of the same schema version, in one transaction on the destination.

use super::*;

/// The tables, parents before children (foreign keys are checked row by row).
const TABLES: &[&str] = &[
    "articles",
    "article_versions",
    "mentions",
    "mention_keys",
    "article_prints",
    "article_copies",
    "incidents",
    "incident_mentions",
    "incident_articles",
    "rejections",
    "gazetteer_extra",
    "store_meta",
    "feeds",
    "feed_items",
    "zones",
    "alerts",
    "hooks",
    "deliveries",
    "corrections",
    "relink_queue",
    "link_clusters",
    "link_members",
];

/// Tables whose `id` the database assigns: PostgreSQL's identity must continue after the
/// copied ids.
const IDENTITY_TABLES: &[&str] = &["feeds", "zones", "alerts", "hooks", "corrections"];

impl Store {
    /// Copy everything this store holds into `dest`, which must be empty (freshly created).
    /// Ids, timestamps, corrections and the saved link state come across as they are, so
    /// the destination relinks and answers exactly as this store. Returns (table, rows).
    pub fn copy_to(&self, dest: &mut Store) -> Result<Vec<(String, usize)>> {
        let ours = self.schema_version()?;
        let theirs = dest.schema_version()?;
        if ours != theirs {
            return Err(StoreError(format!(
                "the source has schema version {ours}, the destination {theirs}"
            )));
        }
        for t in [
            "articles",
            "incidents",
            "feeds",
            "zones",
            "hooks",
            "corrections",
        ] {
            let n: i64 =
                dest.conn
                    .query_row(&format!("SELECT count(*) FROM {t}"), params![], |r| {
                        r.get(0)
                    })?;
            if n > 0 {
                return Err(StoreError(format!(
                    "the destination is not empty ({t}: {n} rows); copy into a new database"
                )));
            }
        }
        let tx = dest.conn.transaction()?;
        let mut counts = Vec::new();
        for table in TABLES {
            let mut insert: Option<String> = None;
            let mut n = 0usize;
            self.conn
                .query_each(&format!("SELECT * FROM {table}"), params![], |r| {
                    if insert.is_none() {
                        let names = (0..r.len())
                            .map(|i| r.column_name(i))
                            .collect::<Result<Vec<_>>>()?;
                        let marks: Vec<String> =
                            (1..=names.len()).map(|i| format!("?{i}")).collect();
                        insert = Some(format!(
                            "INSERT INTO {table} ({}) VALUES ({})",
                            names.join(", "),
                            marks.join(", ")
                        ));
                    }
                    let values = (0..r.len())
                        .map(|i| r.get::<db::Value>(i))
                        .collect::<Result<Vec<_>>>()?;
                    let refs: Vec<&dyn db::ToParam> = values.iter().map(|v| v as _).collect();
                    let sql = insert.as_deref().unwrap_or_default();
                    tx.execute(sql, &refs)
                        .map_err(|e| StoreError(format!("copying {table}: {}", e.0)))?;
                    n += 1;
                    Ok(())
                })?;
            counts.push((table.to_string(), n));
        }
        search::index_all_incident_texts(&tx)?;
        if tx.dialect() == db::Dialect::Postgres {
            for table in IDENTITY_TABLES {
                tx.query_row(
                    &format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                                       COALESCE(MAX(id), 0) + 1, false) FROM {table}"
                    ),
                    params![],
                    |r| r.get::<i64>(0),
                )?;
            }
        }
        tx.commit()?;
        Ok(counts)
    }
}
