//! Settle's store: one small [`Db`] trait over "execute one SQL statement with parameters",
//! implemented for Spin's SQLite connection (feature `spin`, inside components) and for
//! rusqlite (feature `native`, in tests and benchmarks), so the same queries run in both.
//!
//! Real Spin runs only the first statement of a multi-statement string, so everything here
//! executes exactly one statement per call.

use std::fmt;

pub mod access;
pub mod actions;
pub mod asof;
pub mod config;
pub mod console;
mod db;
pub mod disputes;
pub mod history;
pub mod imports;
pub mod ledger;
pub mod migrations;
pub mod outbox;
pub mod pages;
pub mod reports;
pub mod routing;
pub mod scenarios;
pub mod sql;
pub mod status_change;
pub mod users;
pub mod webhooks;

pub use db::*;

/// A store failure, with the message the database gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "database error: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// The database stayed locked by other connections past its busy timeout (SQLite's
    /// `SQLITE_BUSY` / `SQLITE_LOCKED`), or a database server could not be reached (the
    /// host's "database unreachable"): a retry may succeed, nothing was written. Answered
    /// 503 with `Retry-After`.
    pub fn is_busy(&self) -> bool {
        let m = self.0.to_ascii_lowercase();
        m.contains("database is locked")
            || m.contains("is locked")
            || m.contains("database is busy")
            || m.contains("database unreachable")
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An error a write transaction may be retried on: the database stayed locked (nothing was
/// written). Every error type a transaction returns says whether it is one
/// ([`Db::transaction`] retries those).
pub trait Busy {
    fn is_busy(&self) -> bool;
}

impl Busy for StoreError {
    fn is_busy(&self) -> bool {
        StoreError::is_busy(self)
    }
}

/// The schema version recorded by migrations, or `None` on a database never migrated; an
/// error when the database cannot be read at all (what the health check reports).
pub fn schema_version(db: &impl Db) -> Result<Option<i64>> {
    // Every request asks: one statement on a migrated database; the table check only when
    // that fails (a database never migrated).
    if let Ok(r) = db.query("SELECT max(version) FROM schema_migrations", &[]) {
        return Ok(r
            .rows
            .first()
            .and_then(|row| row.first())
            .and_then(Value::as_i64));
    }
    let exists = db.query(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        &[],
    )?;
    if exists.rows.is_empty() {
        return Ok(None);
    }
    let r = db.query("SELECT max(version) FROM schema_migrations", &[])?;
    Ok(r.rows
        .first()
        .and_then(|row| row.first())
        .and_then(Value::as_i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_version_of_a_fresh_database_is_none() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        let db = NativeDb(c);
        assert_eq!(schema_version(&db).unwrap(), None);
        db.query(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)",
            &[],
        )
        .unwrap();
        assert_eq!(schema_version(&db).unwrap(), None);
        db.query(
            "INSERT INTO schema_migrations (version) VALUES (?1), (?2)",
            &[Value::Integer(1), Value::Integer(3)],
        )
        .unwrap();
        assert_eq!(schema_version(&db).unwrap(), Some(3));
    }

    #[test]
    fn schema_version_of_an_unreadable_database_is_an_error() {
        let path = std::env::temp_dir().join(format!("settle-not-a-db-{}", std::process::id()));
        std::fs::write(&path, vec![0x5a; 4096]).unwrap();
        let db = NativeDb(rusqlite::Connection::open(&path).unwrap());
        let e = schema_version(&db).unwrap_err();
        assert!(e.to_string().contains("not a database"), "{e}");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn locked_and_unreachable_databases_are_busy_other_failures_are_not() {
        for m in [
            "database is locked",
            "database table is locked",
            "database unreachable: error trying to connect: Connection refused",
        ] {
            assert!(StoreError(m.into()).is_busy(), "{m}");
        }
        for m in [
            "no such table: x",
            "UNIQUE constraint failed",
            "file is not a database",
        ] {
            assert!(!StoreError(m.into()).is_busy(), "{m}");
        }
    }
}
