//! `fermyon:spin/key-value@2.0.0`, on the backend the runtime config names for each label
//! ([`KvStores`]): Spin's own SQLite file (`<state-dir>/sqlite_key_value.db` by default,
//! table `spin_key_value(store TEXT, key TEXT, value BLOB, PRIMARY KEY(store, key))`), or a
//! Redis server (keys stored as given: `GET`, `SET`, `DEL`, `EXISTS`, `KEYS *`, as Spin's
//! Redis store does). Both answer the same: the host's tests run one suite against each.

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
    pub fn open_file(path: &Path) -> anyhow::Result<KvDatabase> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let conn = rusqlite::Connection::open(path)?;
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

/// A Redis server as a key-value store. The connection is made on first use and remade
/// after a failure (redis's `ConnectionManager`); an unreachable server is an `other`
/// error for that call, never a crash.
#[derive(Clone)]
pub struct KvRedis {
    client: redis::Client,
    conn: Arc<tokio::sync::Mutex<Option<redis::aio::ConnectionManager>>>,
}

impl KvRedis {
    /// Checks the URL (not the server: it may come up after the host).
    pub fn new(url: &str) -> anyhow::Result<KvRedis> {
        Ok(KvRedis {
            client: redis::Client::open(url)?,
            conn: Arc::new(tokio::sync::Mutex::new(None)),
        })
    }

    async fn conn(&self) -> Result<redis::aio::ConnectionManager, KvError> {
        let mut slot = self.conn.lock().await;
        if let Some(c) = slot.as_ref() {
            return Ok(c.clone());
        }
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(std::time::Duration::from_secs(2))
            .set_number_of_retries(1);
        let c = redis::aio::ConnectionManager::new_with_config(self.client.clone(), config)
            .await
            .map_err(|e| KvError::Other(format!("redis unreachable: {e}")))?;
        *slot = Some(c.clone());
        Ok(c)
    }

    async fn run<T: redis::FromRedisValue>(&self, cmd: redis::Cmd) -> Result<T, KvError> {
        let mut c = self.conn().await?;
        cmd.query_async(&mut c)
            .await
            .map_err(|e| KvError::Other(format!("redis: {e}")))
    }
}

/// One label's backend.
#[derive(Clone)]
pub enum KvBackend {
    Sqlite(KvDatabase),
    Redis(KvRedis),
}

/// Every key-value label of the application, each on its backend.
#[derive(Clone, Default)]
pub struct KvStores {
    stores: Arc<std::collections::BTreeMap<String, KvBackend>>,
}

impl KvStores {
    /// Opens the backends the runtime config names (files created, Redis URLs checked).
    pub fn open(config: &crate::runtime_config::RuntimeConfig) -> anyhow::Result<KvStores> {
        use crate::runtime_config::KvBackend as Config;
        let mut stores = std::collections::BTreeMap::new();
        for (label, backend) in &config.key_value_stores {
            let b = match backend {
                Config::Spin { path } => {
                    KvBackend::Sqlite(KvDatabase::open_file(path).map_err(|e| {
                        anyhow::anyhow!("key_value_store.{label}: {}: {e}", path.display())
                    })?)
                }
                Config::Redis { url } => KvBackend::Redis(
                    KvRedis::new(url)
                        .map_err(|e| anyhow::anyhow!("key_value_store.{label}: {e}"))?,
                ),
            };
            stores.insert(label.clone(), b);
        }
        Ok(KvStores {
            stores: Arc::new(stores),
        })
    }

    pub fn has(&self, label: &str) -> bool {
        self.stores.contains_key(label)
    }

    fn backend(&self, label: &str) -> Result<&KvBackend, KvError> {
        self.stores.get(label).ok_or(KvError::NoSuchStore)
    }

    pub async fn get(&self, label: &str, key: &str) -> Result<Option<Vec<u8>>, KvError> {
        match self.backend(label)? {
            KvBackend::Sqlite(db) => db.get(label, key).await,
            KvBackend::Redis(r) => r.run(redis::cmd("GET").arg(key).to_owned()).await,
        }
    }

    pub async fn set(&self, label: &str, key: &str, value: Vec<u8>) -> Result<(), KvError> {
        match self.backend(label)? {
            KvBackend::Sqlite(db) => db.set(label, key, value).await,
            KvBackend::Redis(r) => {
                r.run(redis::cmd("SET").arg(key).arg(value).to_owned())
                    .await
            }
        }
    }

    pub async fn delete(&self, label: &str, key: &str) -> Result<(), KvError> {
        match self.backend(label)? {
            KvBackend::Sqlite(db) => db.delete(label, key).await,
            KvBackend::Redis(r) => {
                let _: i64 = r.run(redis::cmd("DEL").arg(key).to_owned()).await?;
                Ok(())
            }
        }
    }

    pub async fn exists(&self, label: &str, key: &str) -> Result<bool, KvError> {
        match self.backend(label)? {
            KvBackend::Sqlite(db) => db.exists(label, key).await,
            KvBackend::Redis(r) => {
                let n: i64 = r.run(redis::cmd("EXISTS").arg(key).to_owned()).await?;
                Ok(n > 0)
            }
        }
    }

    /// Every key, in order (Redis answers `KEYS *` unordered; sorted here so both backends
    /// answer alike).
    pub async fn keys(&self, label: &str) -> Result<Vec<String>, KvError> {
        match self.backend(label)? {
            KvBackend::Sqlite(db) => db.keys(label).await,
            KvBackend::Redis(r) => {
                let mut keys: Vec<String> = r.run(redis::cmd("KEYS").arg("*").to_owned()).await?;
                keys.sort();
                Ok(keys)
            }
        }
    }
}

/// An open store handle held by a guest.
pub struct KvStore {
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime_config::{KvBackend as Config, RuntimeConfig};

    /// The key-value contract both backends keep: what Spin's interface promises.
    async fn suite(kv: &KvStores) {
        assert!(kv.has("default") && !kv.has("nope"));
        assert_eq!(kv.get("nope", "a").await, Err(KvError::NoSuchStore));
        assert_eq!(kv.get("default", "a").await.unwrap(), None);
        assert!(!kv.exists("default", "a").await.unwrap());
        kv.set("default", "a", b"1".to_vec()).await.unwrap();
        kv.set("default", "a", b"2".to_vec()).await.unwrap();
        kv.set("default", "b", vec![0, 255, 7]).await.unwrap();
        kv.set("default", "empty", Vec::new()).await.unwrap();
        assert_eq!(kv.get("default", "a").await.unwrap(), Some(b"2".to_vec()));
        assert_eq!(kv.get("default", "b").await.unwrap(), Some(vec![0, 255, 7]));
        assert_eq!(kv.get("default", "empty").await.unwrap(), Some(Vec::new()));
        assert!(kv.exists("default", "a").await.unwrap());
        assert!(kv.exists("default", "empty").await.unwrap());
        assert_eq!(kv.keys("default").await.unwrap(), vec!["a", "b", "empty"]);
        kv.delete("default", "a").await.unwrap();
        kv.delete("default", "missing").await.unwrap();
        assert!(!kv.exists("default", "a").await.unwrap());
        assert_eq!(kv.get("default", "a").await.unwrap(), None);
        assert_eq!(kv.keys("default").await.unwrap(), vec!["b", "empty"]);
    }

    fn dir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("settle-kv-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_sqlite_backend_keeps_the_contract() {
        let d = dir("sqlite");
        suite(&KvStores::open(&RuntimeConfig::defaults(&d)).unwrap()).await;
        assert!(d.join(DEFAULT_KV_FILE).exists());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_redis_backend_keeps_the_same_contract() {
        let redis = crate::testing::RedisServer::start();
        let mut config = RuntimeConfig::defaults(&dir("redis"));
        config.key_value_stores.insert(
            "default".into(),
            Config::Redis {
                url: redis.url.clone(),
            },
        );
        suite(&KvStores::open(&config).unwrap()).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_unreachable_redis_is_an_error_for_the_call_not_a_crash() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut config = RuntimeConfig::defaults(&dir("down"));
        config.key_value_stores.insert(
            "default".into(),
            Config::Redis {
                url: format!("redis://127.0.0.1:{port}"),
            },
        );
        let kv = KvStores::open(&config).unwrap();
        match kv.get("default", "a").await {
            Err(KvError::Other(m)) => assert!(m.contains("redis"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert!(
            KvStores::open(&RuntimeConfig {
                key_value_stores: [(
                    "default".to_string(),
                    Config::Redis {
                        url: "http://nope".into()
                    }
                )]
                .into(),
                ..RuntimeConfig::defaults(&dir("bad"))
            })
            .is_err()
        );
    }
}
