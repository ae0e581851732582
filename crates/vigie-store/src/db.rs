//! The backend layer: one connection type over SQLite and PostgreSQL, so that the store's
//! logic (ingest, relink, queries, corrections, monitor) is written once.
//!
//! SQL is written once, in the subset both engines read the same way: `?N` / `?` placeholders
//! (rewritten to `$N` for PostgreSQL), `INSERT … ON CONFLICT … DO NOTHING / DO UPDATE` (SQLite
//! ≥ 3.24), `RETURNING` (≥ 3.35), `NULLS FIRST/LAST` where a nullable column is ordered (the two
//! engines' defaults differ). The few real differences are [`Dialect`] methods: the schema's
//! column types, the schema version, JSON field access, "no limit".
//!
//! Parameters and columns go through one portable value type ([`ValueRef`]): integers are
//! 64-bit (`BIGINT` on PostgreSQL), reals double precision, text UTF-8 (PostgreSQL columns
//! `COLLATE "C"`, so text sorts byte-wise as in SQLite).
//!
//! Transactions are `BEGIN` … `COMMIT` on the one connection, rolled back when the guard is
//! dropped uncommitted. Both backends cache prepared statements by SQL text: SQLite through
//! rusqlite's statement cache, PostgreSQL in a map per connection.

use crate::{Result, StoreError};
use std::cell::RefCell;
use std::collections::HashMap;

/// Which SQL dialect a connection speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// `LIMIT` clause meaning "no limit" (SQLite needs a LIMIT before an OFFSET).
    pub(crate) fn no_limit(self) -> &'static str {
        match self {
            Dialect::Sqlite => " LIMIT -1",
            Dialect::Postgres => " LIMIT ALL",
        }
    }

    /// The integer part of the non-negative number `expr` (PostgreSQL's integer cast rounds).
    pub(crate) fn floor_int(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("CAST({expr} AS INTEGER)"),
            Dialect::Postgres => format!("CAST(floor({expr}) AS BIGINT)"),
        }
    }

    /// Text of the top-level field `key` of the JSON text in `column` (NULL when absent).
    pub(crate) fn json_text(self, column: &str, key: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_extract({column}, '$.{key}')"),
            Dialect::Postgres => format!("(({column})::jsonb ->> '{key}')"),
        }
    }
}

/// A value owned, for parameters built at run time (the incident filters).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// A value borrowed: what a parameter gives and a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ValueRef<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// A statement parameter.
pub(crate) trait ToParam {
    fn param(&self) -> ValueRef<'_>;
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl ToParam for $t {
            fn param(&self) -> ValueRef<'_> {
                ValueRef::Int(*self as i64)
            }
        }
    )*};
}
int_param!(i64, i32, u32, u16, u8, usize);

impl ToParam for bool {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Int(*self as i64)
    }
}
impl ToParam for f64 {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Real(*self)
    }
}
impl ToParam for str {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Text(self)
    }
}
impl ToParam for String {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Text(self)
    }
}
impl ToParam for Value {
    fn param(&self) -> ValueRef<'_> {
        match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Int(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s),
        }
    }
}
impl<T: ToParam + ?Sized> ToParam for &T {
    fn param(&self) -> ValueRef<'_> {
        (**self).param()
    }
}
impl<T: ToParam> ToParam for Option<T> {
    fn param(&self) -> ValueRef<'_> {
        match self {
            Some(v) => v.param(),
            None => ValueRef::Null,
        }
    }
}

/// `params![a, b]`: a slice of parameters for [`Db`]'s methods.
macro_rules! params {
    () => { &[] as &[&dyn $crate::db::ToParam] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::db::ToParam),+] as &[&dyn $crate::db::ToParam] };
}
pub(crate) use params;

/// A column value read into a Rust type.
pub(crate) trait FromCol: Sized {
    fn from_col(v: ValueRef<'_>) -> std::result::Result<Self, String>;
}

fn wrong(v: ValueRef<'_>, want: &str) -> String {
    let found = match v {
        ValueRef::Null => "NULL",
        ValueRef::Int(_) => "an integer",
        ValueRef::Real(_) => "a real",
        ValueRef::Text(_) => "text",
        ValueRef::Blob(_) => "a blob",
    };
    format!("expected {want}, found {found}")
}

impl FromCol for i64 {
    fn from_col(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Int(i) => Ok(i),
            _ => Err(wrong(v, "an integer")),
        }
    }
}
macro_rules! int_col {
    ($($t:ty),*) => {$(
        impl FromCol for $t {
            fn from_col(v: ValueRef<'_>) -> std::result::Result<Self, String> {
                let i = i64::from_col(v)?;
                <$t>::try_from(i).map_err(|_| format!("integer {i} out of range"))
            }
        }
    )*};
}
int_col!(i32, u32, u16, u8, usize);

impl FromCol for bool {
    fn from_col(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        Ok(i64::from_col(v)? != 0)
    }
}
impl FromCol for f64 {
    fn from_col(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Real(f) => Ok(f),
            // SQLite stores a REAL that is integral as an integer when asked to (and sums
            // of integers stay integers); read both as numbers.
            ValueRef::Int(i) => Ok(i as f64),
            _ => Err(wrong(v, "a real")),
        }
    }
}
impl FromCol for String {
    fn from_col(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Text(s) => Ok(s.to_string()),
            _ => Err(wrong(v, "text")),
        }
    }
}
impl FromCol for Value {
    fn from_col(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        Ok(match v {
            ValueRef::Null => Value::Null,
            ValueRef::Int(i) => Value::Int(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(s) => Value::Text(s.to_string()),
            ValueRef::Blob(b) => Value::Text(b.iter().map(|x| format!("{x:02x}")).collect()),
        })
    }
}
impl<T: FromCol> FromCol for Option<T> {
    fn from_col(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Null => Ok(None),
            v => T::from_col(v).map(Some),
        }
    }
}

/// One result row.
pub(crate) enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Pg(&'a postgres::Row),
}

impl Row<'_> {
    pub(crate) fn get<T: FromCol>(&self, i: usize) -> Result<T> {
        let bad = |e: String| StoreError(format!("database error: column {i}: {e}"));
        match self {
            Row::Sqlite(r) => {
                use rusqlite::types::ValueRef as S;
                let v = match r.get_ref(i)? {
                    S::Null => ValueRef::Null,
                    S::Integer(i) => ValueRef::Int(i),
                    S::Real(f) => ValueRef::Real(f),
                    S::Text(t) => {
                        ValueRef::Text(std::str::from_utf8(t).map_err(|e| bad(e.to_string()))?)
                    }
                    S::Blob(b) => ValueRef::Blob(b),
                };
                T::from_col(v).map_err(bad)
            }
            Row::Pg(r) => T::from_col(pg_value(r, i)?).map_err(bad),
        }
    }

    pub(crate) fn column_name(&self, i: usize) -> Result<String> {
        Ok(match self {
            Row::Sqlite(r) => r.as_ref().column_name(i)?.to_string(),
            Row::Pg(r) => r
                .columns()
                .get(i)
                .map(|c| c.name().to_string())
                .ok_or_else(|| StoreError(format!("database error: no column {i}")))?,
        })
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Row::Sqlite(r) => r.as_ref().column_count(),
            Row::Pg(r) => r.len(),
        }
    }
}

fn pg_value(r: &postgres::Row, i: usize) -> Result<ValueRef<'_>> {
    use postgres::types::Type;
    let col = r
        .columns()
        .get(i)
        .ok_or_else(|| StoreError(format!("database error: no column {i}")))?;
    let ty = col.type_().clone();
    Ok(if ty == Type::INT8 {
        r.try_get::<_, Option<i64>>(i)?
            .map_or(ValueRef::Null, ValueRef::Int)
    } else if ty == Type::INT4 {
        r.try_get::<_, Option<i32>>(i)?
            .map_or(ValueRef::Null, |v| ValueRef::Int(v.into()))
    } else if ty == Type::INT2 {
        r.try_get::<_, Option<i16>>(i)?
            .map_or(ValueRef::Null, |v| ValueRef::Int(v.into()))
    } else if ty == Type::BOOL {
        r.try_get::<_, Option<bool>>(i)?
            .map_or(ValueRef::Null, |v| ValueRef::Int(v.into()))
    } else if ty == Type::FLOAT8 {
        r.try_get::<_, Option<f64>>(i)?
            .map_or(ValueRef::Null, ValueRef::Real)
    } else if ty == Type::FLOAT4 {
        r.try_get::<_, Option<f32>>(i)?
            .map_or(ValueRef::Null, |v| ValueRef::Real(v.into()))
    } else if ty == Type::BYTEA {
        r.try_get::<_, Option<&[u8]>>(i)?
            .map_or(ValueRef::Null, ValueRef::Blob)
    } else if [
        Type::TEXT,
        Type::VARCHAR,
        Type::BPCHAR,
        Type::NAME,
        Type::UNKNOWN,
    ]
    .contains(&ty)
    {
        r.try_get::<_, Option<&str>>(i)?
            .map_or(ValueRef::Null, ValueRef::Text)
    } else {
        // NUMERIC (a SUM of integers) and the rest: the SQL casts what it reads instead.
        return Err(StoreError(format!(
            "database error: column {} has type {ty}, which the store does not read (cast it)",
            col.name()
        )));
    })
}

/// A parameter as each driver wants it.
#[derive(Debug)]
struct P<'a>(ValueRef<'a>);

impl rusqlite::ToSql for P<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef as S};
        Ok(ToSqlOutput::Borrowed(match self.0 {
            ValueRef::Null => S::Null,
            ValueRef::Int(i) => S::Integer(i),
            ValueRef::Real(f) => S::Real(f),
            ValueRef::Text(t) => S::Text(t.as_bytes()),
            ValueRef::Blob(b) => S::Blob(b),
        }))
    }
}

impl postgres::types::ToSql for P<'_> {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>>
    {
        use postgres::types::{IsNull, Type};
        match self.0 {
            ValueRef::Null => Ok(IsNull::Yes),
            ValueRef::Int(i) => {
                if *ty == Type::INT8 {
                    i.to_sql(ty, out)
                } else if *ty == Type::INT4 {
                    i32::try_from(i)?.to_sql(ty, out)
                } else if *ty == Type::INT2 {
                    i16::try_from(i)?.to_sql(ty, out)
                } else if *ty == Type::FLOAT8 {
                    (i as f64).to_sql(ty, out)
                } else if *ty == Type::BOOL {
                    (i != 0).to_sql(ty, out)
                } else {
                    Err(format!("an integer given for a {ty} parameter").into())
                }
            }
            ValueRef::Real(f) => {
                if *ty == Type::FLOAT4 {
                    (f as f32).to_sql(ty, out)
                } else {
                    f.to_sql(ty, out)
                }
            }
            ValueRef::Text(t) => t.to_sql(ty, out),
            ValueRef::Blob(b) => b.to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        // Checked per value in `to_sql`, which names the mismatch.
        true
    }

    postgres::types::to_sql_checked!();
}

/// SQL with `?N` and `?` placeholders rewritten to PostgreSQL's `$N` (string literals,
/// quoted identifiers and comments left alone). A bare `?` takes the largest index so far + 1,
/// as in SQLite.
pub(crate) fn pg_placeholders(sql: &str) -> String {
    let b = sql.as_bytes();
    let mut out = String::with_capacity(sql.len() + 8);
    let mut i = 0;
    let mut max = 0usize;
    let mut start = 0;
    while i < b.len() {
        match b[i] {
            q @ (b'\'' | b'"') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                i += 1;
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'?' => {
                out.push_str(&sql[start..i]);
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                let n = if j > i + 1 {
                    sql[i + 1..j].parse().unwrap_or(0)
                } else {
                    max + 1
                };
                max = max.max(n);
                out.push('$');
                out.push_str(&n.to_string());
                i = j;
                start = j;
            }
            _ => i += 1,
        }
    }
    out.push_str(&sql[start.min(sql.len())..]);
    out
}

/// A schema statement written for SQLite, in PostgreSQL's types: 64-bit integers, identity ids,
/// double precision, text sorted byte-wise (`COLLATE "C"`, SQLite's BINARY), BYTEA.
pub(crate) fn pg_ddl(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() * 2);
    for line in sql.lines() {
        let (code, comment) = match line.find("--") {
            Some(k) => line.split_at(k),
            None => (line, ""),
        };
        let code = code.replace(
            "INTEGER PRIMARY KEY",
            "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        );
        let mut word = String::new();
        let mut rewritten = String::new();
        let flush = |word: &mut String, rewritten: &mut String| {
            rewritten.push_str(match word.as_str() {
                "INTEGER" => "BIGINT",
                "REAL" => "DOUBLE PRECISION",
                "TEXT" => "TEXT COLLATE \"C\"",
                "BLOB" => "BYTEA",
                w => w,
            });
            word.clear();
        };
        for ch in code.chars() {
            if ch.is_ascii_alphanumeric() || ch == '_' {
                word.push(ch);
            } else {
                flush(&mut word, &mut rewritten);
                rewritten.push(ch);
            }
        }
        flush(&mut word, &mut rewritten);
        out.push_str(&rewritten);
        out.push_str(comment);
        out.push('\n');
    }
    out
}

pub(crate) struct PgConn {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
    /// A throwaway schema this connection created (tests), dropped with it.
    pub(crate) scratch_schema: Option<String>,
}

/// First key of the PostgreSQL advisory lock that serialises writers ("vigi"); the second
/// is the schema's hash, so stores in different schemas of one database do not wait on
/// each other.
const WRITE_LOCK_CLASS: i32 = 0x7669_6769;

/// One connection to the store's database.
pub(crate) enum Db {
    Sqlite(rusqlite::Connection),
    // Boxed: the client and its statement cache are far larger than a rusqlite connection.
    Pg(Box<PgConn>),
}

impl Db {
    pub(crate) fn sqlite(conn: rusqlite::Connection) -> Db {
        // The relink and the dynamic queries use a few dozen distinct statements.
        conn.set_prepared_statement_cache_capacity(64);
        Db::Sqlite(conn)
    }

    pub(crate) fn postgres(client: postgres::Client, scratch_schema: Option<String>) -> Db {
        Db::Pg(Box::new(PgConn {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            scratch_schema,
        }))
    }

    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite(_) => Dialect::Sqlite,
            Db::Pg(_) => Dialect::Postgres,
        }
    }

    fn pg_statement(pg: &PgConn, sql: &str) -> Result<postgres::Statement> {
        if let Some(st) = pg.statements.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = pg.client.borrow_mut().prepare(&pg_placeholders(sql))?;
        let mut cache = pg.statements.borrow_mut();
        if cache.len() >= 256 {
            // Dynamic filter queries could grow it without end; start over.
            cache.clear();
        }
        cache.insert(sql.to_string(), st.clone());
        Ok(st)
    }

    /// Run one statement; the number of rows changed.
    pub(crate) fn execute(&self, sql: &str, params: &[&dyn ToParam]) -> Result<usize> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                Ok(st.execute(rusqlite::params_from_iter(
                    params.iter().map(|p| P(p.param())),
                ))?)
            }
            Db::Pg(pg) => {
                let st = Db::pg_statement(pg, sql)?;
                let ps: Vec<P<'_>> = params.iter().map(|p| P(p.param())).collect();
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    ps.iter().map(|p| p as _).collect();
                Ok(pg.client.borrow_mut().execute(&st, &refs)? as usize)
            }
        }
    }

    /// Run statements separated by `;`, without parameters.
    pub(crate) fn execute_batch(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Pg(pg) => Ok(pg.client.borrow_mut().batch_execute(sql)?),
        }
    }

    /// Call `f` on each row. SQLite streams the rows; PostgreSQL reads them all first, so `f`
    /// may query the same connection.
    pub(crate) fn query_each(
        &self,
        sql: &str,
        params: &[&dyn ToParam],
        mut f: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(
                    params.iter().map(|p| P(p.param())),
                ))?;
                while let Some(r) = rows.next()? {
                    f(&Row::Sqlite(r))?;
                }
                Ok(())
            }
            Db::Pg(pg) => {
                let st = Db::pg_statement(pg, sql)?;
                let ps: Vec<P<'_>> = params.iter().map(|p| P(p.param())).collect();
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    ps.iter().map(|p| p as _).collect();
                let rows = pg.client.borrow_mut().query(&st, &refs)?;
                for r in &rows {
                    f(&Row::Pg(r))?;
                }
                Ok(())
            }
        }
    }

    /// Every row, mapped, into any collection (a `Vec`, a map from pairs…).
    pub(crate) fn query_map<T, C: Default + Extend<T>>(
        &self,
        sql: &str,
        params: &[&dyn ToParam],
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<C> {
        let mut out = C::default();
        self.query_each(sql, params, |r| {
            out.extend(std::iter::once(f(r)?));
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row, if any.
    pub(crate) fn query_opt<T>(
        &self,
        sql: &str,
        params: &[&dyn ToParam],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut f = Some(f);
        let mut out = None;
        self.query_each(sql, params, |r| {
            if let Some(f) = f.take() {
                out = Some(f(r)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row; an error when there is none.
    pub(crate) fn query_row<T>(
        &self,
        sql: &str,
        params: &[&dyn ToParam],
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, params, f)?
            .ok_or_else(|| StoreError("database error: the query returned no rows".into()))
    }

    /// Begin a transaction; it commits only through [`Tx::commit`].
    ///
    /// On PostgreSQL every transaction first takes the store's write lock (an advisory lock
    /// keyed by the schema, held until commit or rollback), so writers run one at a time as
    /// they do on SQLite: several processes ingesting into one database neither store an
    /// article twice nor relink over each other's half-written state, and the incidents end
    /// as one process would make them. Readers outside transactions do not wait.
    pub(crate) fn transaction(&mut self) -> Result<Tx<'_>> {
        self.execute_batch("BEGIN")?;
        let tx = Tx {
            db: self,
            done: false,
        };
        if tx.dialect() == Dialect::Postgres {
            tx.query_row(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, hashtext(current_schema()))) l",
                params![WRITE_LOCK_CLASS],
                |r| r.get::<i64>(0),
            )?;
        }
        Ok(tx)
    }
}

impl Drop for PgConn {
    fn drop(&mut self) {
        if let Some(schema) = &self.scratch_schema {
            let _ = self
                .client
                .borrow_mut()
                .batch_execute(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"));
        }
    }
}

/// An open transaction; rolled back when dropped without [`Tx::commit`].
pub(crate) struct Tx<'a> {
    db: &'a mut Db,
    done: bool,
}

impl Tx<'_> {
    pub(crate) fn commit(mut self) -> Result<()> {
        self.done = true;
        self.db.execute_batch("COMMIT")
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.db.execute_batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_rewritten_outside_literals() {
        assert_eq!(
            pg_placeholders("SELECT '?', a FROM t WHERE b = ?2 AND c = ? -- ?\n AND d LIKE ?"),
            "SELECT '?', a FROM t WHERE b = $2 AND c = $3 -- ?\n AND d LIKE $4"
        );
    }

    #[test]
    fn ddl_gets_postgres_types() {
        assert_eq!(
            pg_ddl("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, s TEXT) -- TEXT"),
            "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n BIGINT, \
             x DOUBLE PRECISION, s TEXT COLLATE \"C\") -- TEXT\n"
        );
    }
}
