//! `fermyon:spin/key-value@2.0.0` on SQLite, with Spin's file and table layout:
//! `<state-dir>/sqlite_key_value.db`, table
//! `spin_key_value(store TEXT, key TEXT, value BLOB, PRIMARY KEY(store, key))`.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::OptionalExtension;

pub const DEFAULT_KV_FILE: &str = "sqlite_key_value.db";
/// Spin refuses to open more than this many stores in one request.
pub const MAX_OPEN_STORES: usize = 256;

#[derive(Debug, Clone, PartialEq)]
pub enum KvError {
    StoreTableFull,
    NoSuchStore,
    AccessDenied,
    Other(String),
}

fn other(e: impl std::fmt::Display) -> KvError {
    KvError::Other(e.to_string())
}

/// The application's key-value database, shared by all requests.
#[derive(Clone)]
pub struct KvDatabase {
    conn: Arc<Mutex<rusqlite::Connection>>,
}

impl KvDatabase {
    pub fn open(state_dir: &Path) -> anyhow::Result<KvDatabase> {
        let conn = rusqlite::Connection::open(state_dir.join(DEFAULT_KV_FILE))?;
        conn.busy_timeout(crate::sqlite::BUSY_TIMEOUT)?;
        conn.execute(
            "CREATE TABLE IF NOT EXISTS spin_key_value (
                store TEXT NOT NULL,
                key   TEXT NOT NULL,
                value BLOB NOT NULL,
                PRIMARY KEY (store, key)
            )",
            [],
        )?;
        Ok(KvDatabase {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> impl Future<Output = Result<T, KvError>> + Send + 'static {
        let conn = self.conn.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                let c = conn
                    .lock()
                    .map_err(|_| other("key-value database poisoned"))?;
                f(&c).map_err(other)
            })
            .await
            .map_err(other)?
        }
    }

    pub async fn get(&self, store: &str, key: &str) -> Result<Option<Vec<u8>>, KvError> {
        let (store, key) = (store.to_string(), key.to_string());
        self.with(move |c| {
            c.query_row(
                "SELECT value FROM spin_key_value WHERE store = ?1 AND key = ?2",
                [&store, &key],
                |r| r.get(0),
            )
            .optional()
        })
        .await
    }

    pub async fn set(&self, store: &str, key: &str, value: Vec<u8>) -> Result<(), KvError> {
        let (store, key) = (store.to_string(), key.to_string());
        self.with(move |c| {
            c.execute(
                "INSERT INTO spin_key_value (store, key, value) VALUES (?1, ?2, ?3)
                 ON CONFLICT (store, key) DO UPDATE SET value = excluded.value",
                rusqlite::params![store, key, value],
            )
            .map(|_| ())
        })
        .await
    }

    pub async fn delete(&self, store: &str, key: &str) -> Result<(), KvError> {
        let (store, key) = (store.to_string(), key.to_string());
        self.with(move |c| {
            c.execute(
                "DELETE FROM spin_key_value WHERE store = ?1 AND key = ?2",
                [&store, &key],
            )
            .map(|_| ())
        })
        .await
    }

    pub async fn exists(&self, store: &str, key: &str) -> Result<bool, KvError> {
        Ok(self.get(store, key).await?.is_some())
    }

    pub async fn keys(&self, store: &str) -> Result<Vec<String>, KvError> {
        let store = store.to_string();
        self.with(move |c| {
            let mut stmt =
                c.prepare("SELECT key FROM spin_key_value WHERE store = ?1 ORDER BY key")?;
            let rows = stmt.query_map([&store], |r| r.get(0))?;
            rows.collect()
        })
        .await
    }
}

/// An open store handle held by a guest.
pub struct KvStore {
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn set_get_delete_keys() {
        let d = std::env::temp_dir().join(format!("settle-kv-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        let db = KvDatabase::open(&d).unwrap();
        assert_eq!(db.get("default", "a").await.unwrap(), None);
        db.set("default", "a", b"1".to_vec()).await.unwrap();
        db.set("default", "a", b"2".to_vec()).await.unwrap();
        db.set("other", "z", b"9".to_vec()).await.unwrap();
        assert_eq!(db.get("default", "a").await.unwrap(), Some(b"2".to_vec()));
        assert!(db.exists("default", "a").await.unwrap());
        assert_eq!(db.keys("default").await.unwrap(), vec!["a"]);
        db.delete("default", "a").await.unwrap();
        db.delete("default", "missing").await.unwrap();
        assert!(!db.exists("default", "a").await.unwrap());
    }
}
