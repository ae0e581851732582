//! Free-text search (`q`): what an incident's searchable text is, the clause that finds a
//! query in it, and the index that keeps that clause fast on years of data.
//!
//! The text (`incidents.search`) is the incident's actors, place names, notes and quotes,
//! folded as the pipeline folds its lexicons (lower case, accents removed, apostrophes and
//! dashes unified: `vigie_core::lexicon::fold`), and the query is folded the same way, so
//! "Tillaberi" finds "Tillabéri" and "l'armee" finds "l’Armée". A query matches an incident
//! whose text contains it; on both backends the answer is that of a plain `LIKE '%…%'` over
//! the folded text, only found through an index:
//!
//! - SQLite: an FTS5 table with the trigram tokenizer (`incidents_text`), contentless (the
//!   text is not stored twice), keyed by the incident row's rowid. A query of three
//!   characters or more is a trigram phrase, which matches exactly the texts that hold it as a
//!   substring (`case_sensitive 1`: the text is already folded, the tokenizer must not fold
//!   further); a shorter one scans. The store updates the index itself at the end of each
//!   transaction that writes incidents ([`TextIndexChanges`]), not through triggers (see
//!   there why).
//! - PostgreSQL: a GIN index of `pg_trgm` trigrams over `search`, which the planner uses for
//!   the `LIKE` itself. When the extension cannot be created (a managed database that does not
//!   offer it, a role without the right), the store works without it: the `LIKE` scans.
//!
//! A query holding a NUL matches nothing, on both.

use crate::db::{self, params, Db, Dialect};
use crate::{IncidentView, Result, StoreError};

/// The searchable text of an incident: actors, place names, notes and the claims' quotes, one
/// per line, folded, each line once (a sentence that gave several figures is the quote of
/// each of their claims: most of an incident's quotes repeat).
pub(crate) fn incident_search_text(view: &IncidentView) -> String {
    let fields = [
        &view.actor1,
        &view.assoc_actor_1,
        &view.actor2,
        &view.assoc_actor_2,
        &view.location,
        &view.admin1,
        &view.admin2,
        &view.admin3,
        &view.country,
        &view.notes,
    ];
    let mut parts: Vec<&str> = fields.into_iter().flatten().map(String::as_str).collect();
    parts.extend(view.claims.iter().map(|c| c.quote.as_str()));
    let mut seen = std::collections::HashSet::new();
    parts.retain(|p| seen.insert(*p));
    vigie_core::lexicon::fold(&parts.join("\n"))
}

/// A free-text query in the form the searchable text is in; `None` when nothing is left to
/// look for.
pub(crate) fn folded_query(q: &str) -> Option<String> {
    let q = vigie_core::lexicon::fold(q.trim());
    (!q.is_empty()).then_some(q)
}

/// The clause (with `?` for its one argument) that keeps the incidents whose text contains
/// the folded query `q`, and that argument.
pub(crate) fn text_clause(dialect: Dialect, q: &str) -> (&'static str, db::Value) {
    // No stored text holds a NUL (PostgreSQL's text cannot), and neither FTS5 (which reads
    // its query up to one) nor PostgreSQL (which refuses it as a parameter) can be asked.
    if q.contains('\0') {
        return (" AND 0 = ?", db::Value::Int(1));
    }
    if dialect == Dialect::Sqlite && q.chars().count() >= 3 {
        let phrase = format!("\"{}\"", q.replace('"', "\"\""));
        return (
            " AND rowid IN (SELECT rowid FROM incidents_text WHERE incidents_text MATCH ?)",
            db::Value::Text(phrase),
        );
    }
    (
        " AND search LIKE ? ESCAPE '\\'",
        db::Value::Text(crate::like_pattern(q)),
    )
}

/// The text index's changes of one writing transaction, applied at its end ([`Self::apply`])
/// in one statement each: FTS5 writes its pending terms to disk at every statement savepoint
/// opened in the transaction (the inserts of an incident's links open one), so indexing each
/// incident as it is written made one index segment per incident and more time merging them
/// than building incidents. PostgreSQL's index follows the table by itself: nothing to do.
#[derive(Default)]
pub(crate) struct TextIndexChanges {
    /// Rowids of the incident rows deleted.
    removed: Vec<i64>,
    /// Ids of the incident rows written.
    added: Vec<String>,
}

impl TextIndexChanges {
    /// The incident row `id` was just written.
    pub(crate) fn written(&mut self, tx: &Db, id: &str) {
        if tx.dialect() == Dialect::Sqlite {
            self.added.push(id.to_string());
        }
    }

    /// Delete an incident's row, its text to leave the index at the end: every row of
    /// `incidents` the store deletes goes through here (a rowid left in the index could come
    /// back as another incident's).
    pub(crate) fn delete_row(&mut self, tx: &Db, id: &str) -> Result<()> {
        if tx.dialect() == Dialect::Sqlite {
            if let Some(rowid) = tx.query_opt(
                "SELECT rowid FROM incidents WHERE id = ?1",
                params![id],
                |r| r.get::<i64>(0),
            )? {
                self.removed.push(rowid);
            }
        }
        tx.execute("DELETE FROM incidents WHERE id = ?1", params![id])?;
        Ok(())
    }

    /// Bring the index up to date: the deleted rows' texts out, then the written rows' in (a
    /// rowid freed may have been taken again by a row written since).
    pub(crate) fn apply(mut self, tx: &Db) -> Result<()> {
        // In rowid order: FTS5 keeps its pending terms by rowid, and a rowid lower than the
        // last one makes it write them out first (out of order, a relink's inserts took three
        // times as long).
        self.removed.sort_unstable();
        if !self.removed.is_empty() {
            tx.execute(
                "DELETE FROM incidents_text WHERE rowid IN (SELECT value FROM json_each(?1))",
                params![serde_json::to_string(&self.removed)?],
            )?;
        }
        if !self.added.is_empty() {
            tx.execute(
                "INSERT INTO incidents_text (rowid, search)
                 SELECT rowid, search FROM incidents WHERE id IN (SELECT value FROM json_each(?1))
                 ORDER BY rowid",
                params![serde_json::to_string(&self.added)?],
            )?;
        }
        Ok(())
    }
}

/// Delete every incident row and the whole text index.
pub(crate) fn delete_all_incident_rows(tx: &Db) -> Result<()> {
    if tx.dialect() == Dialect::Sqlite {
        tx.execute_batch("INSERT INTO incidents_text (incidents_text) VALUES ('delete-all')")?;
    }
    tx.execute_batch("DELETE FROM incidents")
}

/// Index the text of every incident row into an empty index (migration 8; rows copied into a
/// new store by `vigie migrate`).
pub(crate) fn index_all_incident_texts(tx: &Db) -> Result<()> {
    if tx.dialect() == Dialect::Sqlite {
        tx.execute_batch(
            "INSERT INTO incidents_text (rowid, search) SELECT rowid, search FROM incidents",
        )?;
    }
    Ok(())
}

/// Migration 8: every stored incident's text folded again (it was only lower-cased), then the
/// backend's text index built over it.
pub(crate) fn migrate_text_index(tx: &Db) -> Result<()> {
    refold_search_texts(tx)?;
    match tx.dialect() {
        Dialect::Sqlite => {
            tx.execute_batch(SQLITE_TEXT_INDEX)?;
            index_all_incident_texts(tx)
        }
        Dialect::Postgres => postgres_text_index(tx),
    }
}

/// Rewrite `search` from each incident's view, a thousand incidents at a time (a store of
/// years holds gigabytes of views).
fn refold_search_texts(tx: &Db) -> Result<()> {
    let mut after = String::new();
    loop {
        let mut batch: Vec<(String, String)> = Vec::new();
        tx.query_each(
            "SELECT id, view FROM incidents WHERE id > ?1 ORDER BY id LIMIT 1000",
            params![after],
            |r| {
                let view: IncidentView = serde_json::from_str(&r.get::<String>(1)?)?;
                batch.push((r.get(0)?, incident_search_text(&view)));
                Ok(())
            },
        )?;
        let Some((last, _)) = batch.last() else {
            return Ok(());
        };
        after = last.clone();
        for (id, text) in &batch {
            tx.execute(
                "UPDATE incidents SET search = ?2 WHERE id = ?1",
                params![id, text],
            )?;
        }
    }
}

/// SQLite's trigram index.
const SQLITE_TEXT_INDEX: &str = "CREATE VIRTUAL TABLE incidents_text USING fts5(
    search, content='', contentless_delete=1, tokenize='trigram case_sensitive 1'
)";

/// `pg_trgm`'s GIN index over `search`, when the extension is there or can be created.
fn postgres_text_index(tx: &Db) -> Result<()> {
    let schema_of_trgm = |tx: &Db| {
        tx.query_opt(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
             WHERE e.extname = 'pg_trgm'",
            params![],
            |r| r.get::<String>(0),
        )
    };
    let mut schema = schema_of_trgm(tx)?;
    if schema.is_none() {
        // A failed CREATE EXTENSION would abort the migration's transaction: try it under a
        // savepoint, and go on without the index when it fails.
        tx.execute_batch("SAVEPOINT vigie_trgm")?;
        match tx.execute_batch("CREATE EXTENSION IF NOT EXISTS pg_trgm") {
            Ok(()) => tx.execute_batch("RELEASE SAVEPOINT vigie_trgm")?,
            Err(_) => tx.execute_batch("ROLLBACK TO SAVEPOINT vigie_trgm")?,
        }
        schema = schema_of_trgm(tx)?;
    }
    let Some(schema) = schema else {
        return Ok(());
    };
    if schema.contains('"') {
        return Err(StoreError(format!(
            "pg_trgm is installed in a schema whose name holds a quote: {schema}"
        )));
    }
    tx.execute_batch(&format!(
        "CREATE INDEX incidents_search_trigrams ON incidents USING gin (search \"{schema}\".gin_trgm_ops)"
    ))
}
