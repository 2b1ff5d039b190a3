//! `fermyon:spin/sqlite@2.0.0` and `spin:sqlite/sqlite@3.0.0` on rusqlite.
//!
//! As in Spin: `open("default")` opens `<state-dir>/sqlite_db.db`, each `open` is its own
//! connection (so `BEGIN`/`COMMIT`/`ROLLBACK` issued as separate `execute` calls form a real
//! transaction), a lock is waited for up to 5 s, every failure is `io(message)`, and results
//! are capped at 128 MiB. Stricter than Spin: a string holding several statements is an `io`
//! error instead of silently running only the first one.
//!
//! Two modes ([`SqliteMode`]):
//!
//! - **`spin`** (the default, and what every end-to-end and load test runs on): exactly
//!   Spin's `crates/sqlite-inproc`: `rusqlite::Connection::open` per `open` with rusqlite's
//!   defaults (a 5 s busy timeout on SQLite's own back-off, the journal mode the database
//!   file has, `synchronous` untouched), no gate. Whatever keeps the app correct under load
//!   must hold here, because it is what production runs.
//! - **`gated`**: the host's own tuning, kept as the load bench's baseline: write-ahead log
//!   switched on by the host, `synchronous=NORMAL`, a keeper connection holding the log open,
//!   writers polling the lock every millisecond and queueing first come first served at a
//!   [`WriteGate`].

use std::path::Path;
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

/// Writers of one database queue here, first come first served: a transaction
/// (`BEGIN …`) takes the gate before SQLite's lock and gives it back at `COMMIT`/`ROLLBACK`
/// or when its connection goes away. Waiting is asynchronous (it holds no thread), and fair,
/// where SQLite's own busy waiting lets a late writer overtake one that has waited for
/// seconds. Statements outside transactions, and readers, never touch it.
pub type WriteGate = Arc<tokio::sync::Mutex<()>>;

/// How the host opens SQLite (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SqliteMode {
    /// Spin's in-process SQLite, exactly.
    #[default]
    Spin,
    /// The host's tuned mode (write-ahead log, fair write gate, 1 ms lock polling).
    Gated,
}

impl std::str::FromStr for SqliteMode {
    type Err = String;
    fn from_str(s: &str) -> Result<SqliteMode, String> {
        match s {
            "spin" => Ok(SqliteMode::Spin),
            "gated" => Ok(SqliteMode::Gated),
            other => Err(format!("{other:?}: the SQLite mode is spin or gated")),
        }
    }
}

/// Which databases a component may open, and where they live.
#[derive(Clone)]
pub struct SqliteAccess {
    pub allowed: Arc<[String]>,
    /// Every label the runtime config defines (`default` always).
    pub databases: Arc<std::collections::BTreeMap<String, SqliteBackend>>,
    /// `Some` in [`SqliteMode::Gated`] only.
    pub gate: Option<WriteGate>,
}

pub use crate::runtime_config::SqliteBackend;

impl SqliteAccess {
    /// `default` in `state_dir`, as without a runtime config.
    pub fn local(allowed: Vec<String>, state_dir: &Path, gate: Option<WriteGate>) -> SqliteAccess {
        SqliteAccess {
            allowed: allowed.into(),
            databases: Arc::new(
                crate::runtime_config::RuntimeConfig::defaults(state_dir).sqlite_databases,
            ),
            gate,
        }
    }
}

impl SqliteAccess {
    pub async fn open(&self, label: &str) -> Result<SqliteConnection, SqlError> {
        if !self.allowed.iter().any(|l| l == label) {
            return Err(SqlError::AccessDenied);
        }
        let path = match self.databases.get(label) {
            None => return Err(SqlError::NoSuchDatabase),
            Some(SqliteBackend::Libsql { url, token }) => {
                return SqliteConnection::open_libsql(url, token).await;
            }
            Some(SqliteBackend::Spin { path }) => path,
        };
        match &self.gate {
            Some(gate) => {
                let mut c = SqliteConnection::open_file(path)?;
                c.gate = Some(gate.clone());
                Ok(c)
            }
            None => SqliteConnection::open_as_spin(path),
        }
    }
}

/// One guest-held connection. Blocking work happens on tokio's blocking pool.
#[derive(Clone)]
pub struct SqliteConnection {
    inner: Arc<Mutex<rusqlite::Connection>>,
    /// A libSQL server's connection (then `inner` is an unused in-memory database).
    remote: Option<Arc<Remote>>,
    gate: Option<WriteGate>,
    /// The gate, while this connection is inside a transaction.
    held: Arc<Mutex<Option<tokio::sync::OwnedMutexGuard<()>>>>,
}

/// What a statement does to the write gate.
#[derive(Debug, PartialEq, Eq)]
enum GateUse {
    Take,
    Release,
    None,
}

fn gate_use(sql: &str) -> GateUse {
    let word: String = sql
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase();
    match word.as_str() {
        "BEGIN" => GateUse::Take,
        "COMMIT" | "END" | "ROLLBACK" => GateUse::Release,
        _ => GateUse::None,
    }
}

fn io(e: impl std::fmt::Display) -> SqlError {
    SqlError::Io(e.to_string())
}

/// Waits for a lock by polling every millisecond, for [`BUSY_TIMEOUT`] at most (then
/// SQLite answers "database is locked").
fn busy_poll(attempt: i32) -> bool {
    if u64::try_from(attempt).unwrap_or(u64::MAX) >= BUSY_TIMEOUT.as_millis() as u64 {
        return false;
    }
    std::thread::sleep(Duration::from_millis(1));
    true
}

/// The connection settings every connection to the database shares.
fn configure(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(busy_poll))?;
    conn.pragma_update(None, "synchronous", "NORMAL")
}

/// Held by the app for its lifetime: switches the database to write-ahead logging (a
/// setting stored in the file) and keeps the log open between requests.
pub struct Keeper(#[allow(dead_code)] Mutex<rusqlite::Connection>);

impl Keeper {
    pub fn open(state_dir: &Path) -> Result<Keeper, SqlError> {
        let conn = rusqlite::Connection::open(state_dir.join(DEFAULT_DATABASE_FILE)).map_err(io)?;
        configure(&conn).map_err(io)?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(io)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(SqlError::Io(format!("journal mode stayed {mode}")));
        }
        Ok(Keeper(Mutex::new(conn)))
    }
}

impl SqliteConnection {
    /// As Spin opens it: rusqlite's defaults, nothing else.
    pub fn open_as_spin(path: &Path) -> Result<SqliteConnection, SqlError> {
        let conn = rusqlite::Connection::open(path).map_err(io)?;
        Ok(SqliteConnection {
            inner: Arc::new(Mutex::new(conn)),
            remote: None,
            gate: None,
            held: Arc::new(Mutex::new(None)),
        })
    }

    /// A libSQL server's database, as Spin's `libsql` type opens it: the `libsql` crate's
    /// remote client. Nothing is sent until the first statement; a server that cannot be
    /// reached makes that statement fail with "database unreachable", which the app answers
    /// with 503 (nothing was written).
    pub async fn open_libsql(url: &str, token: &str) -> Result<SqliteConnection, SqlError> {
        let db = libsql::Builder::new_remote(url.to_string(), token.to_string())
            .build()
            .await
            .map_err(|e| SqlError::Io(format!("database unreachable: {e}")))?;
        let conn = db
            .connect()
            .map_err(|e| SqlError::Io(format!("database unreachable: {e}")))?;
        let placeholder = rusqlite::Connection::open_in_memory().map_err(io)?;
        Ok(SqliteConnection {
            inner: Arc::new(Mutex::new(placeholder)),
            remote: Some(Arc::new(Remote { _db: db, conn })),
            gate: None,
            held: Arc::new(Mutex::new(None)),
        })
    }

    /// The host's tuned connection ([`SqliteMode::Gated`]).
    pub fn open_file(path: &Path) -> Result<SqliteConnection, SqlError> {
        let conn = rusqlite::Connection::open(path).map_err(io)?;
        configure(&conn).map_err(io)?;
        Ok(SqliteConnection {
            inner: Arc::new(Mutex::new(conn)),
            remote: None,
            gate: None,
            held: Arc::new(Mutex::new(None)),
        })
    }

    /// Runs one statement synchronously.
    pub fn execute_blocking(&self, sql: &str, params: &[Value]) -> Result<QueryResult, SqlError> {
        let conn = self.inner.lock().map_err(|_| io("connection poisoned"))?;
        execute(&conn, sql, params)
    }

    pub async fn execute(&self, sql: String, params: Vec<Value>) -> Result<QueryResult, SqlError> {
        if let Some(remote) = &self.remote {
            return remote.execute(&sql, params).await;
        }
        let use_ = gate_use(&sql);
        let already = self.held.lock().map(|h| h.is_some()).unwrap_or(false);
        if let (GateUse::Take, Some(gate), false) = (&use_, &self.gate, already) {
            let guard = tokio::time::timeout(BUSY_TIMEOUT, gate.clone().lock_owned())
                .await
                .map_err(|_| io("database is locked (waited for other writers)"))?;
            if let Ok(mut h) = self.held.lock() {
                *h = Some(guard);
            }
        }
        let this = self.clone();
        let result = tokio::task::spawn_blocking(move || this.execute_blocking(&sql, &params))
            .await
            .map_err(io)?;
        // Give the gate back when the transaction ends, or when it failed to begin.
        let ended = use_ == GateUse::Release || (use_ == GateUse::Take && result.is_err());
        if ended && let Ok(mut h) = self.held.lock() {
            *h = None;
        }
        result
    }

    pub fn last_insert_rowid(&self) -> i64 {
        if let Some(r) = &self.remote {
            return r.conn.last_insert_rowid();
        }
        self.inner
            .lock()
            .map(|c| c.last_insert_rowid())
            .unwrap_or(0)
    }

    pub fn changes(&self) -> u64 {
        if let Some(r) = &self.remote {
            return r.conn.changes();
        }
        self.inner.lock().map(|c| c.changes()).unwrap_or(0)
    }
}

/// A libSQL server's connection (its database handle kept alive beside it).
pub struct Remote {
    _db: libsql::Database,
    conn: libsql::Connection,
}

impl Remote {
    /// One statement on the server, with Spin's error shape (`io(message)`) and the same
    /// 128 MiB cap on results.
    async fn execute(&self, sql: &str, params: Vec<Value>) -> Result<QueryResult, SqlError> {
        let params: Vec<libsql::Value> = params
            .into_iter()
            .map(|p| match p {
                Value::Integer(i) => libsql::Value::Integer(i),
                Value::Real(f) => libsql::Value::Real(f),
                Value::Text(t) => libsql::Value::Text(t),
                Value::Blob(b) => libsql::Value::Blob(b),
                Value::Null => libsql::Value::Null,
            })
            .collect();
        let remote_error = |e: libsql::Error| {
            let m = e.to_string();
            let lower = m.to_ascii_lowercase();
            if lower.contains("connect") || lower.contains("hyper") || lower.contains("http") {
                SqlError::Io(format!("database unreachable: {m}"))
            } else {
                SqlError::Io(m)
            }
        };
        let mut rows = self.conn.query(sql, params).await.map_err(remote_error)?;
        let n = rows.column_count();
        let columns: Vec<String> = (0..n)
            .map(|i| rows.column_name(i).unwrap_or_default().to_string())
            .collect();
        let mut out = Vec::new();
        let mut size = 0usize;
        while let Some(row) = rows.next().await.map_err(remote_error)? {
            let mut values = Vec::with_capacity(columns.len());
            for i in 0..n {
                let v = match row.get_value(i).map_err(remote_error)? {
                    libsql::Value::Null => Value::Null,
                    libsql::Value::Integer(v) => Value::Integer(v),
                    libsql::Value::Real(v) => Value::Real(v),
                    libsql::Value::Text(t) => {
                        size += t.len();
                        Value::Text(t)
                    }
                    libsql::Value::Blob(b) => {
                        size += b.len();
                        Value::Blob(b)
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
            out.push(values);
        }
        Ok(QueryResult { columns, rows: out })
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

    fn tmp() -> std::path::PathBuf {
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
    fn transactions_take_and_give_back_the_gate() {
        assert_eq!(gate_use("BEGIN IMMEDIATE"), GateUse::Take);
        assert_eq!(gate_use("  begin"), GateUse::Take);
        assert_eq!(gate_use("COMMIT"), GateUse::Release);
        assert_eq!(gate_use("rollback"), GateUse::Release);
        assert_eq!(gate_use("END TRANSACTION"), GateUse::Release);
        assert_eq!(gate_use("SELECT 1"), GateUse::None);
        assert_eq!(gate_use("BEGINNING"), GateUse::None);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn writers_queue_at_the_gate_and_a_dropped_connection_frees_it() {
        let d = tmp();
        let access = SqliteAccess::local(vec!["default".to_string()], &d, Some(Default::default()));
        let a = access.open("default").await.unwrap();
        a.execute("CREATE TABLE t (n)".into(), vec![])
            .await
            .unwrap();
        a.execute("BEGIN IMMEDIATE".into(), vec![]).await.unwrap();
        let b = access.open("default").await.unwrap();
        let waiting = tokio::spawn(async move {
            b.execute("BEGIN IMMEDIATE".into(), vec![]).await.unwrap();
            b.execute("INSERT INTO t VALUES (2)".into(), vec![])
                .await
                .unwrap();
            b.execute("COMMIT".into(), vec![]).await.unwrap();
        });
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        assert!(
            !waiting.is_finished(),
            "the second writer waits at the gate"
        );
        a.execute("INSERT INTO t VALUES (1)".into(), vec![])
            .await
            .unwrap();
        a.execute("COMMIT".into(), vec![]).await.unwrap();
        waiting.await.unwrap();
        // A connection dropped inside its transaction gives the gate back.
        let c = access.open("default").await.unwrap();
        c.execute("BEGIN".into(), vec![]).await.unwrap();
        drop(c);
        let e = access.open("default").await.unwrap();
        e.execute("BEGIN IMMEDIATE".into(), vec![]).await.unwrap();
        e.execute("ROLLBACK".into(), vec![]).await.unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn spin_mode_keeps_rusqlite_defaults_and_the_files_journal_mode() {
        let d = tmp();
        let access = SqliteAccess::local(vec!["default".to_string()], &d, None);
        let c = access.open("default").await.unwrap();
        let pragma = |c: &SqliteConnection, p: &str| {
            c.execute_blocking(&format!("PRAGMA {p}"), &[])
                .unwrap()
                .rows[0][0]
                .clone()
        };
        // rusqlite's 5 s, SQLite's default FULL synchronous, a rollback journal.
        assert_eq!(pragma(&c, "busy_timeout"), Value::Integer(5000));
        assert_eq!(pragma(&c, "synchronous"), Value::Integer(2));
        assert_eq!(pragma(&c, "journal_mode"), Value::Text("delete".into()));
        // The app switches the file to WAL; the next connection finds it so.
        c.execute_blocking("PRAGMA journal_mode = WAL", &[])
            .unwrap();
        let next = access.open("default").await.unwrap();
        assert_eq!(pragma(&next, "journal_mode"), Value::Text("wal".into()));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn access_is_per_label() {
        let d = tmp();
        let none = SqliteAccess::local(vec![], &d, None);
        assert!(matches!(
            none.open("default").await,
            Err(SqlError::AccessDenied)
        ));
        assert!(matches!(
            none.open("nope").await,
            Err(SqlError::AccessDenied)
        ));
        let def = SqliteAccess::local(vec!["default".to_string(), "other".to_string()], &d, None);
        assert!(def.open("default").await.is_ok());
        assert!(d.join(DEFAULT_DATABASE_FILE).exists());
        assert!(matches!(
            def.open("other").await,
            Err(SqlError::NoSuchDatabase)
        ));
    }

    /// No libSQL server can run here: what can be checked is that an unreachable one fails
    /// the statement with "database unreachable" (the app's 503), promptly, with nothing
    /// written anywhere.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_unreachable_libsql_server_fails_each_statement_as_unreachable() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = format!("http://127.0.0.1:{port}");
        let c = SqliteConnection::open_libsql(&url, "token").await.unwrap();
        let started = std::time::Instant::now();
        let e = c.execute("SELECT 1".into(), vec![]).await.unwrap_err();
        assert!(
            matches!(&e, SqlError::Io(m) if m.starts_with("database unreachable")),
            "{e:?}"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}
