//! `fermyon:spin/sqlite@2.0.0` and `spin:sqlite/sqlite@3.0.0` on rusqlite.
//!
//! As in Spin: `open("default")` opens `<state-dir>/sqlite_db.db`, each `open` is its own
//! connection (so `BEGIN`/`COMMIT`/`ROLLBACK` issued as separate `execute` calls form a real
//! transaction), a lock is waited for up to 5 s, every failure is `io(message)`, and results
//! are capped at 128 MiB. Stricter than Spin: a string holding several statements is an `io`
//! error instead of silently running only the first one.
//!
//! For throughput under concurrent writers the database runs in write-ahead-log mode
//! (readers never wait for a writer, commits append to the log), with `synchronous=NORMAL`
//! (durable across a crash of the process, which the crash test checks) and a keeper
//! connection held open by the app so the log is not checkpointed and deleted each time a
//! request's connection closes. A waiting writer polls the lock every millisecond instead of
//! SQLite's default back-off (sleeps of up to 100 ms), so the lock passes on as soon as it
//! is free.

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

/// Writers of one database queue here, first come first served: a transaction
/// (`BEGIN …`) takes the gate before SQLite's lock and gives it back at `COMMIT`/`ROLLBACK`
/// or when its connection goes away. Waiting is asynchronous (it holds no thread), and fair,
/// where SQLite's own busy waiting lets a late writer overtake one that has waited for
/// seconds. Statements outside transactions, and readers, never touch it.
pub type WriteGate = Arc<tokio::sync::Mutex<()>>;

/// Which databases a component may open, and where they live.
#[derive(Debug, Clone)]
pub struct SqliteAccess {
    pub allowed: Arc<[String]>,
    pub state_dir: PathBuf,
    pub gate: WriteGate,
}

impl SqliteAccess {
    pub fn open(&self, label: &str) -> Result<SqliteConnection, SqlError> {
        if !self.allowed.iter().any(|l| l == label) {
            return Err(SqlError::AccessDenied);
        }
        if label != "default" {
            return Err(SqlError::NoSuchDatabase);
        }
        let mut c = SqliteConnection::open_file(&self.state_dir.join(DEFAULT_DATABASE_FILE))?;
        c.gate = Some(self.gate.clone());
        Ok(c)
    }
}

/// One guest-held connection. Blocking work happens on tokio's blocking pool.
#[derive(Clone)]
pub struct SqliteConnection {
    inner: Arc<Mutex<rusqlite::Connection>>,
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
    pub fn open_file(path: &Path) -> Result<SqliteConnection, SqlError> {
        let conn = rusqlite::Connection::open(path).map_err(io)?;
        configure(&conn).map_err(io)?;
        Ok(SqliteConnection {
            inner: Arc::new(Mutex::new(conn)),
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
        let access = SqliteAccess {
            allowed: Arc::from(vec!["default".to_string()]),
            state_dir: d.clone(),
            gate: Default::default(),
        };
        let a = access.open("default").unwrap();
        a.execute("CREATE TABLE t (n)".into(), vec![])
            .await
            .unwrap();
        a.execute("BEGIN IMMEDIATE".into(), vec![]).await.unwrap();
        let b = access.open("default").unwrap();
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
        let c = access.open("default").unwrap();
        c.execute("BEGIN".into(), vec![]).await.unwrap();
        drop(c);
        let e = access.open("default").unwrap();
        e.execute("BEGIN IMMEDIATE".into(), vec![]).await.unwrap();
        e.execute("ROLLBACK".into(), vec![]).await.unwrap();
    }

    #[test]
    fn access_is_per_label() {
        let d = tmp();
        let none = SqliteAccess {
            allowed: Arc::from(vec![]),
            state_dir: d.clone(),
            gate: Default::default(),
        };
        assert!(matches!(none.open("default"), Err(SqlError::AccessDenied)));
        assert!(matches!(none.open("nope"), Err(SqlError::AccessDenied)));
        let def = SqliteAccess {
            allowed: Arc::from(vec!["default".to_string()]),
            state_dir: d.clone(),
            gate: Default::default(),
        };
        assert!(def.open("default").is_ok());
        assert!(d.join(DEFAULT_DATABASE_FILE).exists());
    }
}
