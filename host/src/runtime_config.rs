//! Spin's runtime configuration file (`spin up --runtime-config-file <toml>`), the parts
//! Settle uses: where each key-value store and SQLite database label lives.
//!
//! ```toml
//! [key_value_store.default]
//! type = "redis"                 # or "spin", with an optional `path`
//! url = "redis://127.0.0.1:6379"
//!
//! [sqlite_database.default]
//! type = "libsql"                # or "spin", with an optional `path`
//! url = "https://settle-acme.turso.io"
//! token = "..."
//! ```
//!
//! As in Spin, a `spin` store's relative `path` is relative to the directory holding the
//! file, and a label the file leaves out keeps its default (`default` in the state
//! directory; any other label does not exist). Stricter than a silent default: an unknown
//! section, field or `type`, a missing `url`, or a URL of the wrong scheme is refused at
//! start, naming the line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use toml::Spanned;

/// Where one key-value store label lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KvBackend {
    /// Spin's own: a SQLite file (`spin_key_value` table).
    Spin { path: PathBuf },
    /// A Redis server; keys are stored as given (as Spin's Redis store does).
    Redis { url: String },
}

/// Where one SQLite database label lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqliteBackend {
    /// A local SQLite file.
    Spin { path: PathBuf },
    /// A libSQL server (sqld, Turso), reached with the `libsql` crate's remote client.
    Libsql { url: String, token: String },
}

/// The stores of an application: every label a component may open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeConfig {
    pub key_value_stores: BTreeMap<String, KvBackend>,
    pub sqlite_databases: BTreeMap<String, SqliteBackend>,
}

impl RuntimeConfig {
    /// Without a file: `default` of each kind in the state directory, as `spin up` does.
    pub fn defaults(state_dir: &Path) -> RuntimeConfig {
        RuntimeConfig {
            key_value_stores: BTreeMap::from([(
                "default".to_string(),
                KvBackend::Spin {
                    path: state_dir.join(crate::kv::DEFAULT_KV_FILE),
                },
            )]),
            sqlite_databases: BTreeMap::from([(
                "default".to_string(),
                SqliteBackend::Spin {
                    path: state_dir.join(crate::sqlite::DEFAULT_DATABASE_FILE),
                },
            )]),
        }
    }

    /// The defaults, overridden by the file at `path`.
    pub fn load(path: &Path, state_dir: &Path) -> Result<RuntimeConfig> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the runtime config {}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        Self::parse(&text, base, state_dir)
            .with_context(|| format!("runtime config {}", path.display()))
    }

    /// Reads the file's text; relative paths are taken from `base`.
    pub fn parse(text: &str, base: &Path, state_dir: &Path) -> Result<RuntimeConfig> {
        let file: File = toml::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut config = RuntimeConfig::defaults(state_dir);
        let line = |span: std::ops::Range<usize>| {
            text[..span.start.min(text.len())].lines().count().max(1)
        };
        for (label, store) in file.key_value_store {
            let at = |s: &Spanned<String>| format!("line {}", line(s.span()));
            let kind = store.kind.get_ref().as_str();
            let backend = match kind {
                "spin" => {
                    no_field(&store.url, "url", kind, &line)?;
                    no_field(&store.token, "token", kind, &line)?;
                    KvBackend::Spin {
                        path: path_or(store.path.as_ref(), base, || {
                            state_dir.join(crate::kv::DEFAULT_KV_FILE)
                        }),
                    }
                }
                "redis" => {
                    no_field(&store.path, "path", kind, &line)?;
                    no_field(&store.token, "token", kind, &line)?;
                    let url = required(&store.url, "url", &label, line(store.kind.span()))?;
                    check_scheme(url, &["redis", "rediss", "redis+unix", "unix"])
                        .with_context(|| format!("{}: key_value_store.{label}.url", at(url)))?;
                    KvBackend::Redis {
                        url: url.get_ref().clone(),
                    }
                }
                other => bail!(
                    "{}: key_value_store.{label}: type {other:?} is not one settle-host knows (spin, redis)",
                    at(&store.kind)
                ),
            };
            config.key_value_stores.insert(label, backend);
        }
        for (label, db) in file.sqlite_database {
            let at = |s: &Spanned<String>| format!("line {}", line(s.span()));
            let kind = db.kind.get_ref().as_str();
            let backend = match kind {
                "spin" => {
                    no_field(&db.url, "url", kind, &line)?;
                    no_field(&db.token, "token", kind, &line)?;
                    SqliteBackend::Spin {
                        path: path_or(db.path.as_ref(), base, || {
                            state_dir.join(crate::sqlite::DEFAULT_DATABASE_FILE)
                        }),
                    }
                }
                "libsql" => {
                    no_field(&db.path, "path", kind, &line)?;
                    let url = required(&db.url, "url", &label, line(db.kind.span()))?;
                    check_scheme(url, &["libsql", "https", "http", "wss", "ws"])
                        .with_context(|| format!("{}: sqlite_database.{label}.url", at(url)))?;
                    let token = required(&db.token, "token", &label, line(db.kind.span()))?;
                    SqliteBackend::Libsql {
                        url: url.get_ref().clone(),
                        token: token.get_ref().clone(),
                    }
                }
                other => bail!(
                    "{}: sqlite_database.{label}: type {other:?} is not one settle-host knows (spin, libsql)",
                    at(&db.kind)
                ),
            };
            config.sqlite_databases.insert(label, backend);
        }
        Ok(config)
    }
}

/// The sections settle-host reads; any other is refused rather than ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    key_value_store: BTreeMap<String, Store>,
    #[serde(default)]
    sqlite_database: BTreeMap<String, Store>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Store {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    path: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    token: Option<Spanned<String>>,
}

fn path_or(
    given: Option<&Spanned<String>>,
    base: &Path,
    default: impl FnOnce() -> PathBuf,
) -> PathBuf {
    match given {
        Some(p) => {
            let p = PathBuf::from(p.get_ref());
            if p.is_absolute() { p } else { base.join(p) }
        }
        None => default(),
    }
}

fn required<'a>(
    field: &'a Option<Spanned<String>>,
    name: &str,
    label: &str,
    line: usize,
) -> Result<&'a Spanned<String>> {
    match field {
        Some(v) if !v.get_ref().trim().is_empty() => Ok(v),
        Some(v) => bail!("line {line}: {label}: {name} is empty ({:?})", v.get_ref()),
        None => bail!("line {line}: {label}: {name} is required for this type"),
    }
}

fn no_field(
    field: &Option<Spanned<String>>,
    name: &str,
    kind: &str,
    line: &dyn Fn(std::ops::Range<usize>) -> usize,
) -> Result<()> {
    match field {
        Some(v) => bail!(
            "line {}: {name} has no meaning for type {kind:?}",
            line(v.span())
        ),
        None => Ok(()),
    }
}

/// `scheme://rest` with a scheme in `allowed` and something after it.
fn check_scheme(url: &Spanned<String>, allowed: &[&str]) -> Result<()> {
    let u = url.get_ref();
    let Some((scheme, rest)) = u.split_once("://") else {
        bail!("{u:?} is not a URL (scheme://host)");
    };
    if !allowed.contains(&scheme) {
        bail!("{u:?}: the scheme must be one of {}", allowed.join(", "));
    }
    if rest.trim_matches('/').is_empty() || u.chars().any(char::is_whitespace) {
        bail!("{u:?} names no host");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<RuntimeConfig> {
        RuntimeConfig::parse(text, Path::new("/etc/settle"), Path::new("/var/settle"))
    }

    #[test]
    fn without_sections_the_defaults_stay() {
        let c = parse("").unwrap();
        assert_eq!(c, RuntimeConfig::defaults(Path::new("/var/settle")));
    }

    #[test]
    fn redis_libsql_and_relative_paths() {
        let c = parse(
            r#"
[key_value_store.default]
type = "redis"
url = "redis://10.0.0.5:6379"

[key_value_store.cache]
type = "spin"
path = "kv/cache.db"

[sqlite_database.default]
type = "libsql"
url = "https://settle-acme.turso.io"
token = "t0k"
"#,
        )
        .unwrap();
        assert_eq!(
            c.key_value_stores["default"],
            KvBackend::Redis {
                url: "redis://10.0.0.5:6379".into()
            }
        );
        assert_eq!(
            c.key_value_stores["cache"],
            KvBackend::Spin {
                path: "/etc/settle/kv/cache.db".into()
            }
        );
        assert_eq!(
            c.sqlite_databases["default"],
            SqliteBackend::Libsql {
                url: "https://settle-acme.turso.io".into(),
                token: "t0k".into()
            }
        );
    }

    #[test]
    fn unknown_types_bad_urls_and_stray_fields_are_refused_with_their_line() {
        let err = |t: &str| format!("{:#}", parse(t).unwrap_err());
        let e = err("[key_value_store.default]\ntype = \"memcached\"\n");
        assert!(e.contains("line 2") && e.contains("memcached"), "{e}");
        let e = err("[key_value_store.default]\ntype = \"redis\"\nurl = \"http://x\"\n");
        assert!(e.contains("line 3") && e.contains("scheme"), "{e}");
        let e = err("[key_value_store.default]\ntype = \"redis\"\n");
        assert!(e.contains("line 2") && e.contains("url is required"), "{e}");
        let e = err(
            "\n\n[sqlite_database.default]\ntype = \"libsql\"\nurl = \"libsql://db.example\"\n",
        );
        assert!(
            e.contains("line 4") && e.contains("token is required"),
            "{e}"
        );
        let e = err(
            "[sqlite_database.default]\ntype = \"libsql\"\nurl = \"not a url\"\ntoken = \"t\"\n",
        );
        assert!(e.contains("line 3"), "{e}");
        let e = err("[sqlite_database.default]\ntype = \"spin\"\ntoken = \"t\"\n");
        assert!(e.contains("line 3") && e.contains("token"), "{e}");
        let e = err("[variables_provider]\ntype = \"vault\"\n");
        assert!(e.contains("variables_provider"), "{e}");
        let e = err(
            "[key_value_store.default]\ntype = \"redis\"\nurl = \"redis://h\"\npassword = \"x\"\n",
        );
        assert!(e.contains("line 4") && e.contains("password"), "{e}");
    }
}
