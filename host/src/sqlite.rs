//! `fermyon:spin/sqlite@2.0.0` and `spin:sqlite/sqlite@3.0.0` on rusqlite.
//!
//! As in Spin: `open("default")` opens `<state-dir>/sqlite_db.db`, each `open` is its own
//! connection (so `BEGIN`/`COMMIT`/`ROLLBACK` issued as separate `execute` calls form a real
//! transaction), the busy timeout is 5 s, every failure is `io(message)`, and results are
//! capped at 128 MiB. Stricter than Spin: a string holding several statements is an `io`
//! error instead of silently running only the first one.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::types::ValueRef;

pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
pub const MAX_RESULT_BYTES: usize = 128 * 1024 * 1024;
pub const DEFAULT_DATABASE_FILE: &str = "sqlite_db.db";

/// A value crossing the interface, independent of the WIT version.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
    Null,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SqlError {
    NoSuchDatabase,
    AccessDenied,
    Io(String),
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Which databases a component may open, and where they live.
#[derive(Debug, Clone)]
pub struct SqliteAccess {
    pub allowed: Arc<[String]>,
    pub state_dir: PathBuf,
}

impl SqliteAccess {
    pub fn open(&self, label: &str) -> Result<SqliteConnection, SqlError> {
        if !self.allowed.iter().any(|l| l == label) {
            return Err(SqlError::AccessDenied);
        }
        if label != "default" {
            return Err(SqlError::NoSuchDatabase);
        }
        SqliteConnection::open_file(&self.state_dir.join(DEFAULT_DATABASE_FILE))
    }
}

/// One guest-held connection. Blocking work happens on tokio's blocking pool.
#[derive(Clone)]
pub struct SqliteConnection {
    inner: Arc<Mutex<rusqlite::Connection>>,
}

fn io(e: impl std::fmt::Display) -> SqlError {
    SqlError::Io(e.to_string())
}

impl SqliteConnection {
    pub fn open_file(path: &Path) -> Result<SqliteConnection, SqlError> {
        let conn = rusqlite::Connection::open(path).map_err(io)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(io)?;
        Ok(SqliteConnection {
            inner: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs one statement synchronously.
    pub fn execute_blocking(&self, sql: &str, params: &[Value]) -> Result<QueryResult, SqlError> {
        let conn = self.inner.lock().map_err(|_| io("connection poisoned"))?;
        execute(&conn, sql, params)
    }

    pub async fn execute(&self, sql: String, params: Vec<Value>) -> Result<QueryResult, SqlError> {
        let this = self.clone();
        tokio::task::spawn_blocking(move || this.execute_blocking(&sql, &params))
            .await
            .map_err(io)?
    }

    pub fn last_insert_rowid(&self) -> i64 {
        self.inner
            .lock()
            .map(|c| c.last_insert_rowid())
            .unwrap_or(0)
    }

    pub fn changes(&self) -> u64 {
        self.inner.lock().map(|c| c.changes()).unwrap_or(0)
    }
}

fn execute(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[Value],
) -> Result<QueryResult, SqlError> {
    let mut stmt = conn.prepare(sql).map_err(|e| match e {
        rusqlite::Error::MultipleStatement => SqlError::Io(
            "multiple statements in one execute call: real Spin runs only the first and silently \
             drops the rest, so settle-host rejects it; execute one statement per call"
                .to_string(),
        ),
        other => io(other),
    })?;
    let expected = stmt.parameter_count();
    if expected != params.len() {
        return Err(SqlError::Io(format!(
            "statement expects {expected} parameters, {} given",
            params.len()
        )));
    }
    for (i, p) in params.iter().enumerate() {
        let idx = i + 1;
        match p {
            Value::Integer(v) => stmt.raw_bind_parameter(idx, v),
            Value::Real(v) => stmt.raw_bind_parameter(idx, v),
            Value::Text(v) => stmt.raw_bind_parameter(idx, v),
            Value::Blob(v) => stmt.raw_bind_parameter(idx, v),
            Value::Null => stmt.raw_bind_parameter(idx, rusqlite::types::Null),
        }
        .map_err(io)?;
    }
    let columns: Vec<String> = stmt
        .column_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    let ncols = columns.len();
    let mut rows_out = Vec::new();
    let mut size = 0usize;
    let mut rows = stmt.raw_query();
    while let Some(row) = rows.next().map_err(io)? {
        let mut values = Vec::with_capacity(ncols);
        for i in 0..ncols {
            let v = match row.get_ref(i).map_err(io)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::Integer(n),
                ValueRef::Real(f) => Value::Real(f),
                ValueRef::Text(t) => {
                    size += t.len();
                    Value::Text(String::from_utf8_lossy(t).into_owned())
                }
                ValueRef::Blob(b) => {
                    size += b.len();
                    Value::Blob(b.to_vec())
                }
            };
            size += 16;
            values.push(v);
        }
        if size > MAX_RESULT_BYTES {
            return Err(SqlError::Io(
                "query result exceeds the 128 MiB limit".to_string(),
            ));
        }
        rows_out.push(values);
    }
    Ok(QueryResult {
        columns,
        rows: rows_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn(dir: &Path) -> SqliteConnection {
        SqliteConnection::open_file(&dir.join("t.db")).unwrap()
    }

    fn tmp() -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "settle-sqlite-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn round_trips_every_value_type() {
        let d = tmp();
        let c = conn(&d);
        c.execute_blocking(
            "CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)",
            &[],
        )
        .unwrap();
        let vals = vec![
            Value::Integer(-7),
            Value::Real(2.5),
            Value::Text("héllo".into()),
            Value::Blob(vec![0, 255, 1]),
            Value::Null,
        ];
        c.execute_blocking("INSERT INTO t VALUES (?, ?, ?, ?, ?)", &vals)
            .unwrap();
        assert_eq!(c.changes(), 1);
        assert_eq!(c.last_insert_rowid(), 1);
        let r = c
            .execute_blocking("SELECT i, r, s, b, n FROM t", &[])
            .unwrap();
        assert_eq!(r.columns, vec!["i", "r", "s", "b", "n"]);
        assert_eq!(r.rows, vec![vals]);
    }

    #[test]
    fn rejects_multiple_statements_but_allows_trailing_comment() {
        let d = tmp();
        let c = conn(&d);
        let e = c
            .execute_blocking("CREATE TABLE a (x); CREATE TABLE b (y)", &[])
            .unwrap_err();
        assert!(
            matches!(&e, SqlError::Io(m) if m.contains("multiple statements")),
            "{e:?}"
        );
        // Nothing ran.
        let r = c
            .execute_blocking("SELECT count(*) FROM sqlite_master", &[])
            .unwrap();
        assert_eq!(r.rows[0][0], Value::Integer(0));
        c.execute_blocking("CREATE TABLE a (x); -- trailing comment", &[])
            .unwrap();
    }

    #[test]
    fn parameter_count_mismatch_is_io() {
        let d = tmp();
        let c = conn(&d);
        let e = c.execute_blocking("SELECT ?", &[]).unwrap_err();
        assert!(matches!(e, SqlError::Io(_)));
    }

    #[test]
    fn access_is_per_label() {
        let d = tmp();
        let none = SqliteAccess {
            allowed: Arc::from(vec![]),
            state_dir: d.clone(),
        };
        assert!(matches!(none.open("default"), Err(SqlError::AccessDenied)));
        assert!(matches!(none.open("nope"), Err(SqlError::AccessDenied)));
        let def = SqliteAccess {
            allowed: Arc::from(vec!["default".to_string()]),
            state_dir: d.clone(),
        };
        assert!(def.open("default").is_ok());
        assert!(d.join(DEFAULT_DATABASE_FILE).exists());
    }
}
